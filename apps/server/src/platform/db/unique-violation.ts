/**
 * Whether a database error (or one it wraps: drizzle and the drivers nest the original under
 * `cause`) is a unique-constraint violation — how a lost race for a unique row shows itself.
 */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
