import type { Locale } from '@souk/contracts/locales';
import type {
  ContactMessageFilter,
  ContactMessageInput,
  ContactMessageList,
  ContactMessageSummary,
  ContactMessageView,
} from '@souk/contracts/site';
import { and, asc, desc, eq, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { siteContactMessages, siteContactReplies } from './schema.ts';
import type { SiteMailer } from './site-mailer.ts';

export interface ContactServiceDeps {
  db: Database;
  mailer: SiteMailer;
  supportEmail: string;
  publicUrl: string;
}

type MessageRow = typeof siteContactMessages.$inferSelect;

const previewLength = 140;

function summary(row: MessageRow): ContactMessageSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    subject: row.subject,
    locale: row.locale,
    preview: row.message.length > previewLength ? `${row.message.slice(0, previewLength)}…` : row.message,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    handledAt: row.handledAt?.toISOString() ?? null,
  };
}

const filters: Record<ContactMessageFilter, SQL | undefined> = {
  all: undefined,
  unread: isNull(siteContactMessages.readAt),
  open: isNull(siteContactMessages.handledAt),
  answered: isNotNull(siteContactMessages.answeredAt),
  handled: isNotNull(siteContactMessages.handledAt),
};

/** Opaque keyset cursor over (created_at desc, id desc). */
function encodeCursor(row: MessageRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function afterCursor(cursor: string): SQL {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(createdAt ?? '');
  if (Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('validation_failed', undefined, [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  }
  const { createdAt: created, id: key } = siteContactMessages;
  return or(lt(created, date), and(eq(created, date), lt(key, id))) as SQL;
}

/**
 * Contact messages: stored first, then support's copy and the sender's acknowledgement are
 * mailed in the same transaction, so a message never exists without its mails or the reverse.
 */
export class ContactService {
  constructor(private readonly deps: ContactServiceDeps) {}

  async submit(input: ContactMessageInput, locale: Locale): Promise<string> {
    const { db, mailer } = this.deps;
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(siteContactMessages)
        .values({ name: input.name, email: input.email, subject: input.subject, message: input.message, locale })
        .returning();
      if (!row) throw new Error('site_contact_messages insert returned no row');
      await mailer.send({
        to: this.deps.supportEmail,
        locale,
        template: 'contact-received',
        data: {
          name: row.name,
          email: row.email,
          subject: row.subject,
          message: row.message,
          inboxUrl: new URL(`/admin/messages/${row.id}`, this.deps.publicUrl).toString(),
        },
        executor: tx,
      });
      await mailer.send({
        to: row.email,
        locale,
        template: 'contact-auto-reply',
        data: { name: row.name, message: row.message },
        executor: tx,
      });
      return row.id;
    });
  }

  async list(query: {
    status: ContactMessageFilter;
    cursor?: string | undefined;
    limit: number;
  }): Promise<ContactMessageList> {
    const conditions = [filters[query.status], query.cursor ? afterCursor(query.cursor) : undefined].filter(
      (condition): condition is SQL => condition !== undefined,
    );
    const rows = await this.deps.db
      .select()
      .from(siteContactMessages)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(siteContactMessages.createdAt), desc(siteContactMessages.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(summary), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  /** Opening a message marks it read. */
  async open(id: string): Promise<ContactMessageView> {
    const { db } = this.deps;
    await db
      .update(siteContactMessages)
      .set({ readAt: new Date() })
      .where(and(eq(siteContactMessages.id, id), isNull(siteContactMessages.readAt)));
    return this.view(id);
  }

  /** The answer is mailed to the sender (in their language) and kept in the thread. */
  async reply(id: string, authorId: string, body: string): Promise<ContactMessageView> {
    await this.deps.db.transaction(async (tx) => {
      const [message] = await tx.select().from(siteContactMessages).where(eq(siteContactMessages.id, id)).for('update');
      if (!message) throw notFound();
      const mailId = await this.deps.mailer.send({
        to: message.email,
        locale: message.locale,
        template: 'contact-answer',
        data: { name: message.name, message: message.message, answer: body },
        executor: tx,
      });
      await tx.insert(siteContactReplies).values({ messageId: id, authorId, body, mailId });
      const now = new Date();
      await tx
        .update(siteContactMessages)
        .set({ answeredAt: now, readAt: message.readAt ?? now })
        .where(eq(siteContactMessages.id, id));
    });
    return this.view(id);
  }

  async setHandled(id: string, handled: boolean): Promise<ContactMessageView> {
    const updated = await this.deps.db
      .update(siteContactMessages)
      .set({ handledAt: handled ? new Date() : null })
      .where(eq(siteContactMessages.id, id))
      .returning({ id: siteContactMessages.id });
    if (updated.length === 0) throw notFound();
    return this.view(id);
  }

  private async view(id: string): Promise<ContactMessageView> {
    const { db } = this.deps;
    const [row] = await db.select().from(siteContactMessages).where(eq(siteContactMessages.id, id));
    if (!row) throw notFound();
    const replies = await db
      .select()
      .from(siteContactReplies)
      .where(eq(siteContactReplies.messageId, id))
      .orderBy(asc(siteContactReplies.createdAt));
    return {
      ...summary(row),
      message: row.message,
      replies: replies.map((reply) => ({
        id: reply.id,
        authorId: reply.authorId,
        body: reply.body,
        createdAt: reply.createdAt.toISOString(),
      })),
    };
  }
}
