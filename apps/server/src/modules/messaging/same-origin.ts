import type { onRequestHookHandler } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';

/**
 * Defence against cross-site WebSocket hijacking: browsers attach the session cookie to a
 * WebSocket opened by any site, and CORS does not apply to the upgrade, so a page elsewhere could
 * read a person's stream. Browsers always send Origin on a WebSocket; a request without one is
 * not from a browser page and still needs the cookie.
 */
export function refuseForeignOrigin(publicUrl: string): onRequestHookHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return async (request) => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin)
      throw new AppError('forbidden', 'Cross-origin connection refused');
  };
}
