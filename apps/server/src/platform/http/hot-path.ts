import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route on the product's hot path (the tracked redirect: thousands of requests a second in
     * a burst). The platform's per-request work it does not need is skipped for it: security
     * headers for documents, locale negotiation, the session lookup (it must be `public`), the
     * request-id header. It sets the few headers its answers need itself. Rate limiting and
     * compression are turned off per route with their own options (`rateLimit: false`,
     * `compress: false`); metrics and the graceful-stop drain still apply.
     */
    hotPath?: boolean;
  }
}

/** True for routes that declared `config: { hotPath: true }`; platform hooks return at once for them. */
export function isHotPath(request: FastifyRequest): boolean {
  return request.routeOptions.config.hotPath === true;
}
