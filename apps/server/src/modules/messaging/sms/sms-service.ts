import { desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { smsMessages } from '../schema.ts';

export interface SmsInput {
  /** E.164 (`+212612345678`). */
  to: string;
  purpose: string;
  body: string;
}

export interface SmsView {
  id: string;
  to: string;
  purpose: string;
  body: string;
  status: string;
  createdAt: string;
}

/**
 * Text messages (phone verification codes, security alerts). The embedded default records each
 * message in the outbox and stops there; a provider adapter (Twilio, a Moroccan SMS gateway)
 * takes over delivery behind this same `send` when configured.
 */
export class SmsService {
  constructor(private readonly db: Database) {}

  async send(input: SmsInput, executor?: Executor): Promise<{ id: string }> {
    const [row] = await (executor ?? this.db)
      .insert(smsMessages)
      .values({ toNumber: input.to, purpose: input.purpose, body: input.body.slice(0, 640), status: 'stored' })
      .returning({ id: smsMessages.id });
    if (!row) throw new Error('SMS not recorded');
    return row;
  }

  /** Newest first, for the admin outbox (and tests reading the code a person received). */
  async list(options: { limit: number; to?: string | undefined }): Promise<SmsView[]> {
    const rows = await this.db
      .select()
      .from(smsMessages)
      .where(options.to ? eq(smsMessages.toNumber, options.to) : undefined)
      .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
      .limit(options.limit);
    return rows.map((row) => ({
      id: row.id,
      to: row.toNumber,
      purpose: row.purpose,
      body: row.body,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
