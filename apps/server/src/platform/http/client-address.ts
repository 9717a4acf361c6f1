import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Which proxies may say who the client is: none, a function of (address, hop), or addresses/CIDRs. */
export type ProxyTrust = false | ((address: string, hop: number) => boolean) | string[];

/**
 * The client's address as Fastify's `request.ip` gives it under the same `trustProxy` option,
 * for code that answers before Fastify sees the request (the front door): the socket's peer, or
 * with trusted proxies the nearest address in X-Forwarded-For not vouched for by one of them.
 */
export function clientAddressResolver(trust: ProxyTrust): (request: IncomingMessage) => string | undefined {
  if (trust === false) return (request) => request.socket.remoteAddress;
  const trusted = typeof trust === 'function' ? trust : proxyAddr.compile(trust);
  return (request) => proxyAddr(request, trusted);
}
