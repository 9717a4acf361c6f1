const probeOrigin = 'http://souk.invalid';

/**
 * Returns `target` if it is a path on this site, else `fallback`. Redirecting to whatever a
 * query string says would let anyone craft a sign-in link that lands on their own site.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return fallback;
  }
  try {
    const url = new URL(target, probeOrigin);
    if (url.origin !== probeOrigin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The path of a Referer header when it points at the same origin as the request, else null. */
export function sameOriginRefererPath(request: Request): string | null {
  const referer = request.headers.get('referer');
  if (!referer) return null;
  try {
    const refererUrl = new URL(referer);
    if (refererUrl.origin !== new URL(request.url).origin) return null;
    return `${refererUrl.pathname}${refererUrl.search}`;
  } catch {
    return null;
  }
}

/** Where the sign-in page should send someone back to after they authenticate. */
export function signInPath(returnTo: string): string {
  // Slashes are legal in a query string; keeping them makes the URL readable.
  return `/sign-in?redirectTo=${encodeURIComponent(returnTo).replaceAll('%2F', '/')}`;
}
