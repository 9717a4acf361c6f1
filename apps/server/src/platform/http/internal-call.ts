import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The web app's server-side calls into the API (in-process `inject`) carry this per-process
 * token, so a page view is rate-limited once, as the page, not again for each data call.
 * It never leaves the process, so no client can present it.
 */
export const internalCallHeader = 'x-souk-internal-call';
export const internalCallToken = randomBytes(24).toString('base64url');

export function isInternalCall(request: FastifyRequest): boolean {
  return request.headers[internalCallHeader] === internalCallToken;
}
