import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './platform/config/config.ts';
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from './platform/db/database.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { createEventBus } from './platform/events/create-event-bus.ts';
import type { EventBus } from './platform/events/event-bus.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { LocalFileStore } from './platform/storage/local-file-store.ts';
import { createServices, type Services } from './services.ts';

export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  jobs: JobRunner;
  services: Services;
  app: FastifyInstance;
  redis: Redis | undefined;
  /** Stops in order: HTTP, services' buffers, jobs (drained), event bus, Redis, database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  logger: Logger | false;
  /** Test hook: an already-open embedded database (restored from the migrated template). */
  database?: OpenDatabaseOptions['pglite'];
  webBuildDir?: string | undefined;
  migrate?: boolean;
  jobPollingIntervalSeconds?: number;
}

/** Opens everything the platform needs and builds the app; `main.ts` and tests both use it. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const database = await openDatabase({
    databaseUrl: options.database ? undefined : config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    pglite: options.database,
  });
  let jobs: JobRunner | undefined;
  let redis: Redis | undefined;
  let events: EventBus | undefined;
  try {
    if (options.migrate !== false) await runMigrations(database);
    const role = config.ROLE;
    const silent = options.logger === false;
    const logger = options.logger || (await import('pino')).pino({ level: 'silent' });
    jobs = new JobRunner(database, {
      work: role !== 'web',
      logger,
      ...(options.jobPollingIntervalSeconds ? { pollingIntervalSeconds: options.jobPollingIntervalSeconds } : {}),
    });
    // Event bus: in memory, or Redis pub/sub when REDIS_URL is set so every web node gets the hints.
    events = await createEventBus({ redisUrl: config.REDIS_URL, logger });
    if (config.REDIS_URL) {
      redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true });
      await redis.connect();
    }
    const files = new LocalFileStore(config.FILES_DIR ?? path.join(config.DATA_DIR, 'files'));
    const services = createServices({ config, database, queue: jobs.queue, events, logger, redis, files });
    await services.start();
    await jobs.start(services.jobs);
    const app = await buildApp({
      config,
      database,
      jobs,
      services,
      logger: silent ? false : logger,
      redis,
      webBuildDir: role === 'worker' ? undefined : options.webBuildDir,
      resolveViewer: services.resolveViewer,
    });
    let stopping: Promise<void> | undefined;
    const runningJobs = jobs;
    const runningRedis = redis;
    const runningEvents = events;
    return {
      config,
      database,
      jobs,
      services,
      app,
      redis,
      stop() {
        stopping ??= (async () => {
          app.drain.begin();
          if (config.SHUTDOWN_DRAIN_MS > 0)
            await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
          await app.close();
          // No request arrives any more: what the services buffered (clicks) is written now.
          await services
            .stop()
            .catch((error: unknown) => logger.error({ err: error }, 'services did not stop cleanly'));
          await runningJobs.stop(config.SHUTDOWN_TIMEOUT_MS);
          // After HTTP (no socket listens any more) and jobs (none publishes any more).
          await runningEvents.close().catch(() => undefined);
          await runningRedis?.quit().catch(() => undefined);
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await jobs?.stop(1000).catch(() => undefined);
    await events?.close().catch(() => undefined);
    redis?.disconnect();
    await database.close().catch(() => undefined);
    throw error;
  }
}
