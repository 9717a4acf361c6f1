import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's (or load balancer's) request id when it is sane, else makes one. */
export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  if (typeof incoming === 'string' && acceptable.test(incoming)) return incoming;
  return randomUUID();
}
