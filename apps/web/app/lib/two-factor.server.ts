/**
 * Whether the browser holds the API's pending second-step cookie (set by a password sign-in of
 * an account with two-step verification, valid 10 minutes). Its name has the auth cookie prefix,
 * with `__Secure-` in front over HTTPS.
 */
export function hasPendingTwoFactor(request: Request): boolean {
  const header = request.headers.get('cookie') ?? '';
  return header.split(';').some((part) => /^(__Secure-)?souk\.two_factor=./.test(part.trim()));
}
