import type { Locale } from '@souk/contracts/locales';
import type { ContactSubject, FaqEntryInput, TestimonialInput } from '@souk/contracts/site';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Home page testimonials; the text of each language sits together so an entry is edited as one. */
export const siteTestimonials = pgTable(
  'site_testimonials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorName: text('author_name').notNull(),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(false),
    translations: jsonb('translations').$type<TestimonialInput['translations']>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('site_testimonials_position_idx').on(table.position, table.createdAt)],
);

export const siteFaqEntries = pgTable(
  'site_faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(false),
    translations: jsonb('translations').$type<FaqEntryInput['translations']>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('site_faq_entries_position_idx').on(table.position, table.createdAt)],
);

/** Messages from the contact page; millisecond timestamps keep keyset cursors exact. */
export const siteContactMessages = pgTable(
  'site_contact_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    subject: text('subject').$type<ContactSubject>().notNull(),
    message: text('message').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
    handledAt: timestamp('handled_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    check(
      'site_contact_messages_subject_check',
      sql`${table.subject} in ('support', 'partnership', 'question', 'other')`,
    ),
    index('site_contact_messages_created_idx').on(table.createdAt.desc(), table.id.desc()),
  ],
);

/** Answers sent from the admin inbox: the thread of a message. */
export const siteContactReplies = pgTable(
  'site_contact_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => siteContactMessages.id, { onDelete: 'cascade' }),
    /** The admin who answered, a user owned by identity, referenced by id only. */
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    mailId: uuid('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('site_contact_replies_message_idx').on(table.messageId, table.createdAt)],
);

/**
 * One row per address (lowercased). Confirmation tokens are stored hashed; the unsubscribe token
 * is derived from the id with a server secret, so every future newsletter can carry it.
 */
export const siteNewsletterSubscriptions = pgTable(
  'site_newsletter_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    status: text('status').$type<'pending' | 'confirmed' | 'unsubscribed'>().notNull(),
    confirmTokenHash: text('confirm_token_hash'),
    confirmTokenExpiresAt: timestamp('confirm_token_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (table) => [
    check('site_newsletter_status_check', sql`${table.status} in ('pending', 'confirmed', 'unsubscribed')`),
    uniqueIndex('site_newsletter_email_idx').on(table.email),
    uniqueIndex('site_newsletter_confirm_token_idx').on(table.confirmTokenHash),
  ],
);

/** ALTCHA solutions already accepted, kept until their challenge expires: a replay is refused. */
export const siteUsedChallenges = pgTable('site_used_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
