import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { registerAccessControl, type ViewerResolver } from './platform/http/access.ts';
import { clientAddressResolver, type ProxyTrust } from './platform/http/client-address.ts';
import { type Drain, registerDrain } from './platform/http/drain.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { FrontDoor } from './platform/http/front-door.ts';
import { isHotPath } from './platform/http/hot-path.ts';
import { isInternalCall } from './platform/http/internal-call.ts';
import { registerLocale } from './platform/http/locale.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { generateRequestId } from './platform/http/request-id.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import type { JobRunner } from './platform/jobs/job-runner.ts';
import { registerHealthRoutes } from './platform/observability/health.ts';
import { registerMetrics } from './platform/observability/metrics.ts';
import type { Services } from './services.ts';
import { AnonymousPageCache } from './web/anonymous-page-cache.ts';
import { registerWebApp } from './web/ssr-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
    /** Hot-path handlers answered before routing (see platform/http/front-door.ts). */
    frontDoor: FrontDoor;
  }
}

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  jobs: JobRunner;
  services: Services;
  logger: Logger | false;
  redis?: Redis | undefined;
  /** Directory of the built web app; omitted in API-only tests. */
  webBuildDir?: string | undefined;
  resolveViewer: ViewerResolver;
}

/**
 * Builds the whole HTTP application without listening: platform plugins first, then each
 * module's routes, then the web app. Tests call this and use `inject`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const trustProxy: ProxyTrust =
    typeof deps.config.TRUST_PROXY === 'number'
      ? (_address: string, hop: number) => hop < (deps.config.TRUST_PROXY as number)
      : deps.config.TRUST_PROXY;
  const frontDoor = new FrontDoor({ address: clientAddressResolver(trustProxy) }, (error) =>
    deps.logger ? deps.logger.error({ err: error }, 'front-door handler failed; the route answers') : undefined,
  );
  const options = {
    genReqId: generateRequestId,
    requestIdHeader: false,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    trustProxy,
    serverFactory: frontDoor.serverFactory,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  } as const;
  const base = deps.logger
    ? Fastify({ ...options, loggerInstance: deps.logger })
    : Fastify({ ...options, logger: false });
  const app = base.withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    if (isHotPath(request)) return;
    reply.header('x-request-id', request.id);
  });

  registerLocale(app);
  registerAccessControl(app, deps.resolveViewer, deps.config.PUBLIC_URL);
  registerErrorHandler(app);

  registerSecurityHeaders(app, {
    production: deps.config.NODE_ENV === 'production',
    // The checkout page posts the signed CMI form to CMI's hosted payment page.
    formActionOrigins: deps.config.CMI_CLIENT_ID ? [new URL(deps.config.CMI_BASE_URL).origin] : [],
  });
  // Pages and API answers, compressed as they are sent (quality 4 Brotli: most of the saving for
  // little CPU); static assets come precompressed from the build and are left as they are.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    ...(deps.redis ? { redis: deps.redis, nameSpace: 'souk:rl:' } : {}),
    // Probes, fingerprinted static assets (a page pulls dozens) and the web app's in-process API
    // calls (the page itself was already counted) do not spend the visitor's budget.
    allowList: (request) =>
      request.url === '/healthz' ||
      request.url === '/readyz' ||
      request.url.startsWith('/assets/') ||
      // Catalog images: a listing page pulls dozens, all immutable and cached by browsers.
      request.url.startsWith('/media/') ||
      isInternalCall(request),
    errorResponseBuilder: (_request, context) => {
      const error = new Error('rate limited') as Error & { statusCode: number; retryAfter: string };
      error.statusCode = 429;
      error.retryAfter = context.after;
      return error;
    },
  });
  if (deps.config.CORS_ORIGINS.length > 0) {
    const cors = (await import('./platform/http/cors.ts')).registerCors;
    cors(app, deps.config.CORS_ORIGINS);
  }
  await app.register(websocket);
  await registerOpenApi(app, deps.config.PUBLIC_URL);
  frontDoor.observe(registerMetrics(app, deps.jobs).observeHttp);
  app.decorate('frontDoor', frontDoor);
  const drain = registerDrain(app, () => frontDoor.close());
  // Closing without a drain (tests, a failed start): Fastify answers 503 from then on, not the door.
  app.addHook('preClose', async () => frontDoor.close());
  app.decorate('drain', drain);
  registerHealthRoutes(app, [
    { name: 'database', check: () => deps.database.ping() },
    { name: 'jobs', check: () => deps.jobs.ping() },
    {
      name: 'accepting',
      check: async () => {
        if (drain.draining) throw new Error('shutting down');
      },
    },
  ]);

  // Public pages rendered for visitors without cookies are shared for a few seconds; any
  // successful write on this node (API or page action) empties them, so a change shows at once.
  const pageCache = deps.webBuildDir ? new AnonymousPageCache() : null;
  if (pageCache) {
    app.addHook('onResponse', (request, reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) pageCache.clear();
      done();
    });
  }

  await app.register(deps.services.authRoutes);
  await app.register(deps.services.routes, { prefix: '/api/v1' });
  await app.register(deps.services.rootRoutes);

  if (deps.webBuildDir) await registerWebApp(app, deps.webBuildDir, deps.config.PUBLIC_URL, pageCache);
  return app;
}
