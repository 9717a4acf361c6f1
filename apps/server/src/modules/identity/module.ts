import { toPlatformRole } from '@souk/contracts/identity';
import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../platform/config/config.ts';
import { readOrCreateLocalSecret } from '../../platform/crypto/local-secret.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ViewerResolver } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { createAttemptLimiter } from '../../platform/http/attempt-limiter.ts';
import { createOnceMarker } from '../../platform/http/once-marker.ts';
import { AdminUserService } from './admin-user-service.ts';
import { ApiKeyService } from './api-key-service.ts';
import { AuditLog } from './audit-log.ts';
import { type Auth, createAuth } from './auth.ts';
import { authRoutes, type SignUpReferrals, toWebHeaders } from './auth-routes.ts';
import type { IdentityMailer } from './identity-mailer.ts';
import type { SeatQuota } from './ports.ts';
import { identityRoutes } from './routes.ts';
import { TeamService } from './team-service.ts';
import { UserService } from './user-service.ts';

export interface IdentityModule {
  auth: Auth;
  users: UserService;
  audit: AuditLog;
  apiKeys: ApiKeyService;
  /** Team roles: other modules call `teams.requireRole(userId, teamId, minimum)`. */
  teams: TeamService;
  resolveViewer: ViewerResolver;
  /** Routes under /api/v1. */
  routes: FastifyPluginAsync;
  /** better-auth's own endpoints, mounted at /api/auth. */
  authRoutes: FastifyPluginAsync;
}

export interface IdentityModuleDeps {
  db: Database;
  config: Config;
  mailer: IdentityMailer;
  redis?: Redis | undefined;
  /** The referral program, bound after it is built (it reads people from identity). */
  referrals?: () => SignUpReferrals | undefined;
  /** The plan's team-seat quota (billing, bound after it is built). */
  seats?: () => SeatQuota | undefined;
}

export function createIdentityModule(deps: IdentityModuleDeps): IdentityModule {
  const secret = deps.config.AUTH_SECRET ?? readOrCreateLocalSecret(deps.config.DATA_DIR, 'auth');
  const audit = new AuditLog(deps.db);
  const teams = new TeamService(deps.db, audit, deps.mailer, deps.config.PUBLIC_URL, () => deps.seats?.());
  const auth = createAuth({ db: deps.db, config: deps.config, secret, mailer: deps.mailer, audit, teams });
  const users = new UserService(deps.db, teams);
  const apiKeys = new ApiKeyService(deps.db, audit);
  const admin = new AdminUserService(deps.db, audit);
  const resolveViewer: ViewerResolver = async (request) => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const caller = await apiKeys.authenticate(authorization.slice('Bearer '.length).trim());
      if (!caller) throw new AppError('unauthenticated', 'Unknown, revoked or expired API key.');
      return { userId: caller.userId, role: caller.role, via: 'api_key', scopes: caller.scopes };
    }
    if (!request.headers.cookie) return null;
    const result = await auth.api.getSession({ headers: toWebHeaders(request) });
    if (!result) return null;
    const user = result.user as typeof result.user & { role?: string; locale?: string | null; banned?: boolean | null };
    // A suspended account's sessions stop working at once, even before they are deleted.
    if (user.banned) return null;
    return {
      userId: user.id,
      role: toPlatformRole(user.role),
      locale: user.locale ?? null,
      via: 'session',
    };
  };
  return {
    auth,
    users,
    audit,
    resolveViewer,
    apiKeys,
    teams,
    routes: identityRoutes({ users, apiKeys, admin, teams }),
    authRoutes: authRoutes({
      auth,
      users,
      audit,
      limiter: createAttemptLimiter(deps.redis),
      once: createOnceMarker(deps.redis),
      referrals: {
        check: (code, accountType, locale) => deps.referrals?.()?.check(code, accountType, locale) ?? Promise.resolve(),
        attach: (userId, code) => deps.referrals?.()?.attach(userId, code) ?? Promise.resolve(),
      },
    }),
  };
}
