import type { ParsedJobPayload, QueueName } from '@souk/contracts/jobs';
import type { Logger } from 'pino';

export interface JobContext {
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** True when this attempt is the last one pg-boss will make. */
  isFinalAttempt: boolean;
  logger: Logger;
}

/** A queue's policy, its optional cron, and the function that does the work. */
export interface JobDefinition<Q extends QueueName = QueueName> {
  queue: Q;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Cron expression (UTC) for recurring jobs, with the payload to send each time. */
  cron?: { expression: string; payload: ParsedJobPayload<Q> };
  batchSize?: number;
  /** Workers this process runs on the queue at once (default 1); each takes `batchSize` jobs. */
  localConcurrency?: number;
  /**
   * Fetch the next batch at once while fetches come back full, instead of waiting for the
   * polling interval (a queue that must drain a burst of due jobs quickly).
   */
  burst?: boolean;
  handle(payload: ParsedJobPayload<Q>, context: JobContext): Promise<void>;
  /**
   * The whole fetched batch in one call, when the queue can share work between its jobs (one
   * statement for many rows); replaces `handle` for the workers. A throw fails the batch.
   */
  handleBatch?(payloads: ParsedJobPayload<Q>[], context: { logger: Logger }): Promise<void>;
}

export function defineJob<Q extends QueueName>(definition: JobDefinition<Q>): JobDefinition<Q> {
  return definition;
}
