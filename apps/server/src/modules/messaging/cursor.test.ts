import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/app-error.ts';
import { decodeCursor, encodeCursor, paginate } from './cursor.ts';

const id = '0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d';

describe('keyset cursor', () => {
  it('round-trips a position through an opaque base64url string', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
  ])('rejects a cursor it did not issue (%s) as a validation error', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(AppError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as AppError).code).toBe('validation_failed');
    }
  });

  it('gives a next cursor only when the extra row shows another page', () => {
    const rows = [3, 2, 1].map((n) => ({ createdAt: new Date(n * 1000), id }));
    expect(paginate(rows, 3)).toEqual({ page: rows, nextCursor: null });
    const { page, nextCursor } = paginate(rows, 2);
    expect(page).toEqual(rows.slice(0, 2));
    expect(nextCursor && decodeCursor(nextCursor).createdAt).toEqual(new Date(2000));
  });
});
