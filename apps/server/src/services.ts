import type { FastifyPluginAsync } from 'fastify';
import { createIdentityModule, type IdentityModule } from './modules/identity/module.ts';
import { createMessagingModule, type MessagingModule } from './modules/messaging/module.ts';
import type { Config } from './platform/config/config.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import type { ViewerResolver } from './platform/http/access.ts';
import type { JobDefinition } from './platform/jobs/job-definition.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';

export interface ServiceDeps {
  config: Config;
  database: DatabaseHandle;
  queue: JobQueue;
}

export interface Services {
  identity: IdentityModule;
  messaging: MessagingModule;
  jobs: JobDefinition[];
  resolveViewer: ViewerResolver;
  /** better-auth's endpoints, mounted at the root (/api/auth/*). */
  authRoutes: FastifyPluginAsync;
  /** Every module's API routes, mounted under /api/v1. */
  routes: FastifyPluginAsync;
}

/** The composition root: builds each module with its dependencies, in dependency order. */
export function createServices(deps: ServiceDeps): Services {
  const identity = createIdentityModule({ db: deps.database.db, config: deps.config });
  const messaging = createMessagingModule({
    db: deps.database.db,
    queue: deps.queue,
    config: deps.config,
    users: identity.users,
  });
  return {
    identity,
    messaging,
    jobs: [...messaging.jobs],
    resolveViewer: identity.resolveViewer,
    authRoutes: identity.authRoutes,
    routes: async (api) => {
      await api.register(identity.routes);
      await api.register(messaging.routes);
    },
  };
}
