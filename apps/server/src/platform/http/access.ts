import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from './app-error.ts';
import { isHotPath } from './hot-path.ts';

export { type PlatformRole, platformRoles } from '@souk/contracts/identity';

import type { PlatformRole } from '@souk/contracts/identity';

/** Who is calling: a person with a session, or a program with an API key of theirs. */
export interface Viewer {
  userId: string;
  role: PlatformRole;
  locale?: string | null;
  via: 'session' | 'api_key';
  /** Set for API keys: what the key may do. */
  scopes?: readonly string[];
}

/**
 * Every route says who may call it. `public` is a decision too: a route that says nothing is a
 * bug, and the route-audit test fails on it.
 * - `user`, `admin`: a person signed in (a session); API keys are refused.
 * - `{ scope }`: a signed-in person, or an API key that carries that scope.
 * - `reviewer`: a person signed in as admin or kyc_reviewer (the KYC review queue).
 */
export type AccessRule = 'public' | 'user' | 'admin' | 'reviewer' | { scope: string };

export function scoped(scope: string): AccessRule {
  return { scope };
}

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

function requireSession(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated');
  if (viewer.via !== 'session') throw new AppError('forbidden', 'This route needs a signed-in person, not an API key.');
  return viewer;
}

function check(rule: AccessRule, viewer: Viewer | null): void {
  if (typeof rule === 'object') {
    if (!viewer) throw new AppError('unauthenticated');
    if (viewer.via === 'api_key' && !viewer.scopes?.includes(rule.scope)) {
      throw new AppError('forbidden', `This API key lacks the scope ${rule.scope}.`);
    }
    return;
  }
  switch (rule) {
    case 'public':
      return;
    case 'user':
      requireSession(viewer);
      return;
    case 'admin':
      if (requireSession(viewer).role !== 'admin') throw new AppError('forbidden');
      return;
    case 'reviewer':
      if (!['admin', 'kyc_reviewer'].includes(requireSession(viewer).role)) throw new AppError('forbidden');
      return;
    default: {
      const exhaustive: never = rule;
      throw new Error(`Unknown access rule ${String(exhaustive)}`);
    }
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies ride along on cross-site requests; API keys do not. A state-changing request
 * authenticated by cookie must therefore come from our own pages: its Origin (or, failing
 * that, Referer) must be the site's.
 */
function checkSameOrigin(request: FastifyRequest, viewer: Viewer | null, trustedOrigin: string): void {
  if (viewer?.via !== 'session' || !unsafeMethods.has(request.method)) return;
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (origin !== trustedOrigin) throw new AppError('forbidden', 'Cross-site request refused.');
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Records every route with its access rule and enforces the rule before validation, so an
 * anonymous caller learns it must sign in before learning anything about the body. Routes
 * registered by third-party plugins (docs, static files) are marked public where registered.
 */
export function registerAccessControl(app: FastifyInstance, resolveViewer: ViewerResolver, publicUrl: string): void {
  const trustedOrigin = new URL(publicUrl).origin;
  app.decorate('routeAudit', [] as RegisteredRoute[]);
  app.decorateRequest('viewer', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    // A hot-path route skips the session lookup below, so it can only be one anybody may call.
    if (route.config?.hotPath && route.config.access !== 'public') {
      throw new Error(`${route.url}: a hot-path route must be public`);
    }
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
  app.addHook('preValidation', async (request) => {
    // The not-found handler answers 404 to everyone; no route means nothing to guard.
    if (request.is404 || isHotPath(request)) return;
    request.viewer = await resolveViewer(request);
    // Fail closed: an undeclared route is treated as admin-only until someone decides.
    const rule = request.routeOptions.config.access ?? 'admin';
    check(rule, request.viewer);
    // better-auth checks the origin of its own endpoints; everything else is checked here.
    if (rule !== 'public') checkSameOrigin(request, request.viewer, trustedOrigin);
  });
}
