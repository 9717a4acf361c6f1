/**
 * Opaque keyset cursors: the sort they belong to, the last row's sort key (as PostgreSQL printed
 * it, so it compares back exactly) and its id. A cursor from another sort is refused, not misread.
 */
export interface Cursor {
  sort: string;
  key: string | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined, sort: string): Cursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, key, id] = parsed as unknown[];
    if (cursorSort !== sort || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    if (key !== null && (typeof key !== 'string' || key.length > 100)) return null;
    return { sort, key, id };
  } catch {
    return null;
  }
}
