import { type JobPayload, jobPayloadSchemas, type QueueName } from '@souk/contracts/jobs';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Executor } from '../db/database.ts';

export interface EnqueueOptions {
  /**
   * The transaction to enqueue in: the job then exists only if that transaction commits. Needed
   * on PGlite too, where the global connection is held by the open transaction.
   */
  executor?: Executor | undefined;
  startAfter?: Date | number;
  singletonKey?: string;
}

/** The producer side of the jobs platform: every module enqueues through this. */
export class JobQueue {
  constructor(private readonly boss: PgBoss) {}

  async enqueue<Q extends QueueName>(queue: Q, payload: JobPayload<Q>, options: EnqueueOptions = {}): Promise<string> {
    const data = jobPayloadSchemas[queue].parse(payload) as object;
    const id = await this.boss.send(queue, data, {
      ...(options.executor ? { db: fromDrizzle(options.executor as never, sql as never) } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (!id) throw new Error(`Job for ${queue} was not created (a singleton already waits)`);
    return id;
  }
}
