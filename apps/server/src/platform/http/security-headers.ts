import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { isHotPath } from './hot-path.ts';

export interface SecurityHeaderOptions {
  production: boolean;
  /** Other origins our pages may post forms to (a card gateway's hosted payment page). */
  formActionOrigins?: string[];
}

/**
 * Security headers (CSP, HSTS, nosniff, frame and referrer policies) on every response. The
 * helmet middleware is built once: the Fastify wrapper rebuilt it, and re-parsed the CSP, on
 * every request. Hot-path routes (the tracked redirect) set the few headers their answers need
 * themselves: a dozen document headers on an empty 302 cost a third of its throughput.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  { production, formActionOrigins = [] }: SecurityHeaderOptions,
): void {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        // React Router inlines its hydration data; Mantine sets inline styles.
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'form-action': ["'self'", ...formActionOrigins],
        'upgrade-insecure-requests': production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    // `no-referrer` makes browsers send `Origin: null` on form posts, which the web app's CSRF
    // check (rightly) refuses; same-origin keeps referrers on our own pages only.
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (isHotPath(request)) return done();
    middleware(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
