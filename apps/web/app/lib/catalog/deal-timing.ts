/** Mirrors the API's `endingSoonHours` (contracts/catalog) without pulling its schemas into the browser bundle. */
const endingSoonMs = 48 * 60 * 60 * 1000;

/** Still running and ending within 48 hours. `now` comes from the loader so server and browser agree. */
export function isEndingSoon(expiresAt: string | null, now: number): boolean {
  if (!expiresAt) return false;
  const left = new Date(expiresAt).getTime() - now;
  return left > 0 && left <= endingSoonMs;
}
