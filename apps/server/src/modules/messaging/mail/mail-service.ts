import { QueueName } from '@souk/contracts/jobs';
import type { Locale } from '@souk/contracts/locales';
import type { MailMessageView, MailStatus } from '@souk/contracts/mail';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { afterCursor, isUuid, paginate } from '../cursor.ts';
import { mailMessages } from '../schema.ts';
import type { MailRenderContext } from './layout.ts';
import type { MailTransport } from './mail-transport.ts';
import { type MailTemplateData, type MailTemplateName, renderMail } from './templates/registry.ts';

export interface MailServiceDeps {
  db: Database;
  queue: Pick<JobQueue, 'enqueue'>;
  transport: MailTransport;
  render: MailRenderContext;
}

export interface SendMailInput<Name extends MailTemplateName> {
  to: string;
  template: Name;
  data: MailTemplateData<Name>;
  locale: Locale;
  /** The caller's transaction: the mail then exists (and goes out) only if it commits. */
  executor?: Executor | undefined;
  /** Files sent along (a voucher PDF); kept with the mail in the outbox. */
  attachments?: MailAttachment[] | undefined;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a delivery attempt did, for the job's log. */
export type DeliveryOutcome = 'stored' | 'sent' | 'already_delivered' | 'missing';

export type MailMessageSummaryView = Omit<MailMessageView, 'html' | 'text'>;

export interface MailListQuery {
  cursor?: string | undefined;
  limit: number;
  to?: string | undefined;
}

const recipientSchema = z.email().max(320);
/** Mails whose body lets whoever reads it act as the recipient. */
const secretBearingTemplates: ReadonlySet<string> = new Set([
  'verify-email',
  'password-reset',
  'two-factor-code',
  'team-invitation',
  'newsletter-confirm',
  // Voucher codes are bearer values: whoever reads them can have them redeemed.
  'order-confirmation',
]);
const lastErrorMaxLength = 2000;

type MailRow = typeof mailMessages.$inferSelect;

function toSummary(row: MailRow): MailMessageSummaryView {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    template: row.template,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attachments: (row.attachments ?? []).map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      size: Math.floor((file.contentBase64.length * 3) / 4),
    })),
  };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, lastErrorMaxLength);
}

/**
 * Sending is two steps so a request never waits on SMTP: `send` renders and records the mail
 * and enqueues its delivery in the same transaction; the `mail.send` job calls `deliver`.
 */
export class MailService {
  constructor(private readonly deps: MailServiceDeps) {}

  get transportKind(): MailTransport['kind'] {
    return this.deps.transport.kind;
  }

  /** Validates and renders now (a bad template call fails the caller, not a job), returns the id. */
  async send<Name extends MailTemplateName>(input: SendMailInput<Name>): Promise<string> {
    const to = recipientSchema.parse(input.to);
    const rendered = renderMail(input.template, input.locale, input.data, this.deps.render);
    const record = async (executor: Executor): Promise<string> => {
      const [row] = await executor
        .insert(mailMessages)
        .values({
          toAddress: to,
          template: input.template,
          locale: input.locale,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          status: 'queued',
          attachments: input.attachments?.length
            ? input.attachments.map((file) => ({
                filename: file.filename,
                contentType: file.contentType,
                contentBase64: file.content.toString('base64'),
              }))
            : null,
        })
        .returning({ id: mailMessages.id });
      if (!row) throw new Error('mail_messages insert returned no row');
      await this.deps.queue.enqueue(QueueName.MailSend, { messageId: row.id }, { executor });
      return row.id;
    };
    if (input.executor) return record(input.executor);
    return this.deps.db.transaction((tx) => record(tx));
  }

  /**
   * One delivery attempt. Idempotent: a message already stored or sent is left alone, so a job
   * retried after a success never mails twice. A failure is recorded and rethrown so the job
   * retries with backoff; the last attempt marks the message failed.
   */
  async deliver(messageId: string, options: { isFinalAttempt: boolean }): Promise<DeliveryOutcome> {
    const { db, transport } = this.deps;
    const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId)).limit(1);
    if (!row) return 'missing';
    if (row.status === 'stored' || row.status === 'sent') return 'already_delivered';

    let result: Awaited<ReturnType<MailTransport['deliver']>>;
    try {
      result = await transport.deliver({
        id: row.id,
        to: row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: (row.attachments ?? []).map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: Buffer.from(file.contentBase64, 'base64'),
        })),
      });
    } catch (error) {
      const status: MailStatus = options.isFinalAttempt ? 'failed' : row.status;
      await db
        .update(mailMessages)
        .set({ status, attempts: sql`${mailMessages.attempts} + 1`, lastError: describeError(error) })
        .where(eq(mailMessages.id, messageId));
      throw error;
    }
    await db
      .update(mailMessages)
      .set({
        status: result.status,
        attempts: sql`${mailMessages.attempts} + 1`,
        providerMessageId: result.providerMessageId ?? null,
        sentAt: result.status === 'sent' ? new Date() : null,
      })
      .where(eq(mailMessages.id, messageId));
    return result.status;
  }

  /** The outbox for admins, newest first. */
  async list(query: MailListQuery): Promise<{ items: MailMessageSummaryView[]; nextCursor: string | null }> {
    const conditions: SQL[] = [];
    if (query.to) conditions.push(sql`lower(${mailMessages.toAddress}) = lower(${query.to})`);
    if (query.cursor) conditions.push(afterCursor(mailMessages.createdAt, mailMessages.id, query.cursor));
    const rows = await this.deps.db
      .select()
      .from(mailMessages)
      .where(and(...conditions))
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(query.limit + 1);
    const { page, nextCursor } = paginate(rows, query.limit);
    return { items: page.map(toSummary), nextCursor };
  }

  /**
   * One message for the admin outbox. Once mail really leaves (SMTP), the bodies of mails that
   * carry a one-time secret (links, codes) are withheld: an admin must not be able to read a
   * reset link or a sign-in code and take over an account. With the embedded outbox the outbox
   * *is* the delivery, so they stay readable there.
   */
  async get(id: string): Promise<MailMessageView> {
    if (!isUuid(id)) throw new AppError('not_found');
    const [row] = await this.deps.db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
    if (!row) throw new AppError('not_found');
    if (this.deps.transport.kind === 'smtp' && secretBearingTemplates.has(row.template)) {
      const notice = 'This message carried a one-time secret (a link or a code); its body is not shown.';
      return { ...toSummary(row), html: `<p>${notice}</p>`, text: notice };
    }
    return { ...toSummary(row), html: row.html, text: row.text };
  }
}
