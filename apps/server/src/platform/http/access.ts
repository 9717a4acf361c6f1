import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from './app-error.ts';

export const platformRoles = ['admin', 'user'] as const;
export type PlatformRole = (typeof platformRoles)[number];

/** Who is calling: a signed-in person. Identity fills this in; null means anonymous. */
export interface Viewer {
  userId: string;
  role: PlatformRole;
  locale?: string | null;
}

/**
 * Every route says who may call it. `public` is a decision too: a route that says nothing is a
 * bug, and the route-audit test fails on it.
 */
export type AccessRule = 'public' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyInstance {
    routeAudit: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessRule | undefined;
}

export type ViewerResolver = (request: FastifyRequest) => Promise<Viewer | null>;

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthenticated');
  return request.viewer;
}

function check(rule: AccessRule, viewer: Viewer | null): void {
  switch (rule) {
    case 'public':
      return;
    case 'user':
      if (!viewer) throw new AppError('unauthenticated');
      return;
    case 'admin':
      if (!viewer) throw new AppError('unauthenticated');
      if (viewer.role !== 'admin') throw new AppError('forbidden');
      return;
    default: {
      const exhaustive: never = rule;
      throw new Error(`Unknown access rule ${String(exhaustive)}`);
    }
  }
}

/**
 * Records every route with its access rule and enforces the rule before the handler runs.
 * Routes registered by third-party plugins (docs, static files) are marked public where they are
 * registered.
 */
export function registerAccessControl(app: FastifyInstance, resolveViewer: ViewerResolver): void {
  app.decorate('routeAudit', [] as RegisteredRoute[]);
  app.decorateRequest('viewer', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' && route.exposeHeadRoute !== false) continue;
      // Read lazily: scoped onRoute hooks (markRoutesPublic) may set the rule after this one runs.
      app.routeAudit.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
      });
    }
  });
  // preValidation, so an anonymous caller learns it must sign in before learning about the body.
  app.addHook('preValidation', async (request) => {
    // The not-found handler answers 404 to everyone; no route means nothing to guard.
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    if (rule === undefined) {
      // Fail closed: an undeclared route is treated as admin-only until someone decides.
      request.viewer = await resolveViewer(request);
      check('admin', request.viewer);
      return;
    }
    request.viewer = await resolveViewer(request);
    check(rule, request.viewer);
  });
}
