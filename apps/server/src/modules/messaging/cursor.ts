import { and, type Column, eq, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/app-error.ts';

/** Position of the last row of a page, in (created_at desc, id desc) order. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of the position, so the ordering can change without an API change. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** A cursor the server did not issue is a client error, never a 500. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [createdAt, id] = decoded;
      const date = typeof createdAt === 'string' ? new Date(createdAt) : undefined;
      if (date && !Number.isNaN(date.getTime()) && typeof id === 'string' && uuidPattern.test(id)) {
        return { createdAt: date, id };
      }
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new AppError('validation_failed', undefined, [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
}

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export function afterCursor(createdAt: Column, id: Column, cursor: string): SQL {
  const position = decodeCursor(cursor);
  return or(lt(createdAt, position.createdAt), and(eq(createdAt, position.createdAt), lt(id, position.id))) as SQL;
}

/**
 * Splits a page fetched with `limit + 1` rows into the page and the next cursor; the extra row
 * only tells whether another page exists.
 */
export function paginate<Row extends KeysetPosition>(
  rows: Row[],
  limit: number,
): { page: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { page: rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1] as Row;
  return { page, nextCursor: encodeCursor(last) };
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
