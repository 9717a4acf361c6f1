import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('listing cursors', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('round-trips within its sort and is refused by another or when tampered with', () => {
    const cursor = encodeCursor({ sort: 'price_asc:', key: '12900', id });
    expect(decodeCursor(cursor, 'price_asc:')).toEqual({ sort: 'price_asc:', key: '12900', id });
    expect(decodeCursor(cursor, 'discount:')).toBeNull();
    expect(decodeCursor('not-a-cursor', 'price_asc:')).toBeNull();
    expect(
      decodeCursor(Buffer.from(JSON.stringify(['price_asc:', '1', "x' or 1=1"])).toString('base64url'), 'price_asc:'),
    ).toBeNull();
  });
});
