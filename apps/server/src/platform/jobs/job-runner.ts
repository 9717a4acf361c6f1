import { jobPayloadSchemas, type QueueName } from '@souk/contracts/jobs';
import { fromPglite, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobDefinition } from './job-definition.ts';
import { JobQueue } from './job-queue.ts';

export interface JobRunnerOptions {
  /** Consume queues and run cron (worker and all roles); web nodes only enqueue. */
  work: boolean;
  logger: Logger;
  pollingIntervalSeconds?: number;
}

export interface QueueDepth {
  queue: QueueName;
  ready: number;
  active: number;
  deferred: number;
  failed: number;
}

/** Owns pg-boss: starts it on the platform's database, registers queues, workers and cron. */
export class JobRunner {
  readonly queue: JobQueue;
  private started = false;
  private readonly boss: PgBoss;
  private readonly processed = new Map<string, { completed: number; failed: number }>();

  private definitions: JobDefinition[] = [];

  constructor(
    handle: DatabaseHandle,
    private readonly options: JobRunnerOptions,
  ) {
    const common = { schema: 'pgboss', supervise: options.work, schedule: options.work, migrate: true } as const;
    this.boss = handle.pglite
      ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, connectionString: handle.connectionString as string, max: 4 });
    this.boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
    this.queue = new JobQueue(this.boss);
  }

  /** Definitions come from the modules, which need `queue` first: hence start(), not the constructor. */
  async start(definitions: JobDefinition[]): Promise<void> {
    this.definitions = definitions;
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions) {
      await this.boss.createQueue(definition.queue, {
        retryLimit: definition.retryLimit ?? 3,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: definition.retryBackoff ?? true,
        expireInSeconds: definition.expireInSeconds ?? 300,
      });
    }
    if (!this.options.work) return;
    for (const definition of this.definitions) {
      await this.registerWorker(definition);
      if (definition.cron) {
        await this.boss.schedule(definition.queue, definition.cron.expression, definition.cron.payload as object, {
          tz: 'UTC',
        });
      }
    }
  }

  private async registerWorker(definition: JobDefinition): Promise<void> {
    const counts = { completed: 0, failed: 0 };
    this.processed.set(definition.queue, counts);
    await this.boss.work<object>(
      definition.queue,
      {
        batchSize: definition.batchSize ?? 5,
        localConcurrency: definition.localConcurrency ?? 1,
        pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
        ...(definition.burst ? { burstWhenBatchFull: true } : {}),
        includeMetadata: true,
      },
      async (jobs) => {
        const handleBatch = definition.handleBatch;
        if (handleBatch) {
          const batch = jobs as JobWithMetadata<object>[];
          const logger = this.options.logger.child({ queue: definition.queue, jobs: batch.length });
          try {
            const payloads = batch.map((job) => jobPayloadSchemas[definition.queue].parse(job.data));
            await handleBatch(payloads as never, { logger });
            counts.completed += batch.length;
          } catch (error) {
            counts.failed += batch.length;
            logger.warn({ err: error }, 'job batch failed');
            throw error;
          }
          return;
        }
        for (const job of jobs as JobWithMetadata<object>[]) {
          const logger = this.options.logger.child({ queue: definition.queue, jobId: job.id });
          try {
            const payload = jobPayloadSchemas[definition.queue].parse(job.data);
            await definition.handle(payload as never, {
              jobId: job.id,
              retryCount: job.retryCount,
              isFinalAttempt: job.retryCount >= job.retryLimit,
              logger,
            });
            counts.completed++;
          } catch (error) {
            counts.failed++;
            logger.warn({ err: error, retryCount: job.retryCount }, 'job attempt failed');
            throw error;
          }
        }
      },
    );
  }

  /** Completed/failed attempts counted by this process, for /metrics. */
  processedCounts(): ReadonlyMap<string, { completed: number; failed: number }> {
    return this.processed;
  }

  async depths(): Promise<QueueDepth[]> {
    const queues = await this.boss.getQueues(this.definitions.map((definition) => definition.queue));
    return queues.map((queue) => ({
      queue: queue.name as QueueName,
      ready: queue.readyCount,
      active: queue.activeCount,
      deferred: queue.deferredCount,
      failed: queue.failedCount,
    }));
  }

  async ping(): Promise<void> {
    if (!this.started) throw new Error('job queue not started');
    await this.boss.isInstalled();
  }

  /** Stops taking jobs and waits for the running ones to finish (up to the timeout). */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, close: true, timeout: timeoutMs });
  }
}
