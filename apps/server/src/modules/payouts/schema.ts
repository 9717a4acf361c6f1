import type { Currency } from '@souk/contracts/catalog';
import type { PayoutExclusion, PayoutLineStatus, PayoutRunStatus } from '@souk/contracts/payouts';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns.ts';

/**
 * One monthly payout run per period and currency (the unique index is what makes a second run,
 * by the cron or an admin, find the first instead of creating another).
 */
export const payoutRuns = pgTable(
  'payouts_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    status: text('status').$type<PayoutRunStatus>().notNull().default('preview'),
    minimumMinor: integer('minimum_minor').notNull(),
    /** Approved commissions approved before this instant were considered. */
    cutoffAt: at('cutoff_at').notNull(),
    /** Influencers left out, with the reason, as of the last preview or approval. */
    excluded: jsonb('excluded').$type<PayoutExclusion[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    approvedBy: text('approved_by'),
    approvedAt: at('approved_at'),
    closedAt: at('closed_at'),
  },
  (table) => [uniqueIndex('payouts_runs_period_idx').on(table.period, table.currency)],
);

/** One transfer to one influencer's RIB within a run. */
export const payoutLines = pgTable(
  'payouts_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id),
    influencerId: text('influencer_id').notNull(),
    beneficiary: text('beneficiary').notNull(),
    email: text('email').notNull(),
    rib: text('rib').notNull(),
    /** What is transferred: the commissions' sum, less any clawback the ledger still holds. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    /** Shown on the bank transfer and the statement. */
    reference: text('reference').notNull().unique(),
    status: text('status').$type<PayoutLineStatus>().notNull().default('pending'),
    providerReference: text('provider_reference'),
    paidAt: at('paid_at'),
    failedAt: at('failed_at'),
    failureReason: text('failure_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payouts_lines_run_influencer_idx').on(table.runId, table.influencerId),
    index('payouts_lines_influencer_idx').on(table.influencerId, table.createdAt),
    // Zero only while in preview, after refunds took every commission back; approval drops such lines.
    check('payouts_lines_amount_check', sql`${table.amountMinor} >= 0`),
  ],
);

/**
 * The commissions a line pays. A commission is in at most one live line: the partial unique index
 * refuses a second batch; the items of a failed line are released (kept for history) so the
 * commission can go into a later run.
 */
export const payoutItems = pgTable(
  'payouts_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => payoutLines.id),
    commissionId: uuid('commission_id').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    releasedAt: at('released_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payouts_items_live_commission_idx').on(table.commissionId).where(sql`released_at is null`),
    index('payouts_items_line_idx').on(table.lineId),
    check('payouts_items_amount_check', sql`${table.amountMinor} >= 0`),
  ],
);
