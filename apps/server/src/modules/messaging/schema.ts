import type { MailStatus } from '@souk/contracts/mail';
import type { NotificationChannel } from '@souk/contracts/notifications';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/*
 * Timestamps that drive keyset pagination keep millisecond precision: a JavaScript Date (and so
 * the opaque cursor) cannot hold PostgreSQL's microseconds, and a cursor rounded down would skip
 * rows created within the same millisecond.
 */

/** A file sent with a mail. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** The outbox: every mail the platform sends is recorded here, whichever transport carries it. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    /** Files sent with the mail (a voucher PDF), base64; most mails have none. */
    attachments: jsonb('attachments').$type<StoredAttachment[]>(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    check('mail_messages_status_check', sql`${table.status} in ('queued', 'stored', 'sent', 'failed')`),
    index('mail_messages_created_at_id_idx').on(table.createdAt.desc(), table.id.desc()),
    index('mail_messages_to_address_idx').on(sql`lower(${table.toAddress})`),
  ],
);

/** In-app notifications; the recipient is a user owned by identity, referenced by id only. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: text('recipient_id').notNull(),
    event: text('event').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The event's input, kept so a notification can be re-rendered or audited later. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_recipient_created_idx').on(table.recipientId, table.createdAt.desc(), table.id.desc()),
    // Serves the unread badge count, which every page load asks for.
    index('notifications_recipient_unread_idx').on(table.recipientId).where(sql`${table.readAt} is null`),
  ],
);

/** A user's explicit choices; an absent row means the event's default from the contracts. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    recipientId: text('recipient_id').notNull(),
    event: text('event').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.recipientId, table.event, table.channel] })],
);

/**
 * The SMS outbox. With no SMS provider configured (the embedded default) a message is `stored`:
 * admins read it at /admin/sms, as they read mail in the mail outbox.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toNumber: text('to_number').notNull(),
    /** What the message is for (`kyc.phone_code`), so the outbox can be filtered and audited. */
    purpose: text('purpose').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('stored'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('sms_messages_created_at_id_idx').on(table.createdAt.desc(), table.id.desc())],
);
