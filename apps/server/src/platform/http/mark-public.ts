import type { FastifyInstance } from 'fastify';

/**
 * Third-party plugins (API reference, static files) register their own routes and cannot pass
 * our route config; inside the scope where this is called, their routes are declared public.
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) route.config = { ...route.config, access: 'public' };
  });
}
