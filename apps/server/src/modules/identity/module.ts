import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import { readOrCreateLocalSecret } from '../../platform/crypto/local-secret.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ViewerResolver } from '../../platform/http/access.ts';
import { type Auth, createAuth } from './auth.ts';
import { authRoutes, toWebHeaders } from './auth-routes.ts';
import { identityRoutes } from './routes.ts';
import { UserService } from './user-service.ts';

export interface IdentityModule {
  auth: Auth;
  users: UserService;
  resolveViewer: ViewerResolver;
  /** Routes under /api/v1. */
  routes: FastifyPluginAsync;
  /** better-auth's own endpoints, mounted at /api/auth. */
  authRoutes: FastifyPluginAsync;
}

export function createIdentityModule(deps: { db: Database; config: Config }): IdentityModule {
  const secret = deps.config.AUTH_SECRET ?? readOrCreateLocalSecret(deps.config.DATA_DIR, 'auth');
  const auth = createAuth(deps.db, deps.config, secret);
  const users = new UserService(deps.db);
  const resolveViewer: ViewerResolver = async (request) => {
    if (!request.headers.cookie) return null;
    const result = await auth.api.getSession({ headers: toWebHeaders(request) });
    if (!result) return null;
    const user = result.user as typeof result.user & { role?: string; locale?: string | null };
    return { userId: user.id, role: user.role === 'admin' ? 'admin' : 'user', locale: user.locale ?? null };
  };
  return { auth, users, resolveViewer, routes: identityRoutes(users), authRoutes: authRoutes(auth) };
}
