import { and, type Column, eq, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/app-error.ts';

/** Keyset pages in (created_at desc, id desc) order; the cursor is opaque to clients. */
export interface PagePosition {
  createdAt: Date;
  id: string;
}

export function pageAfter(createdAt: Column, id: Column, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let position: PagePosition | null = null;
  try {
    const [at, rowId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (!Number.isNaN(date.getTime()) && /^[0-9a-f-]{36}$/i.test(rowId)) position = { createdAt: date, id: rowId };
  } catch {
    position = null;
  }
  if (!position) {
    throw new AppError('validation_failed', undefined, [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  }
  return or(lt(createdAt, position.createdAt), and(eq(createdAt, position.createdAt), lt(id, position.id)));
}

/** Rows were fetched with limit + 1: the extra one only says another page exists. */
export function pageOf<Row extends PagePosition>(rows: Row[], limit: number) {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1] as Row;
  const nextCursor = Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url');
  return { rows: page, nextCursor };
}
