import type { SubscriptionProvider, SubscriptionStatus } from '@souk/contracts/billing';
import type { PlanId, PlanQuotas } from '@souk/contracts/plans';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns.ts';

/** What an admin changed on a plan; the defaults stay in the contracts' configuration. */
export const billingPlanOverrides = pgTable('billing_plan_overrides', {
  planId: text('plan_id').$type<PlanId>().primaryKey(),
  monthlyPriceMinor: integer('monthly_price_minor'),
  /** Only the quotas that differ from the defaults; null inside means unlimited. */
  quotas: jsonb('quotas').$type<Partial<PlanQuotas>>().notNull().default({}),
  updatedBy: text('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One per merchant team that ever left Free; no row means Free. */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    organizationId: text('organization_id').primaryKey(),
    planId: text('plan_id').$type<PlanId>().notNull(),
    status: text('status').$type<SubscriptionStatus>().notNull(),
    provider: text('provider').$type<SubscriptionProvider>().notNull().default('none'),
    trialUsed: boolean('trial_used').notNull().default(false),
    trialEndsAt: at('trial_ends_at'),
    currentPeriodStart: at('current_period_start'),
    currentPeriodEnd: at('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    /** A downgrade waiting for the end of the period. */
    pendingPlanId: text('pending_plan_id').$type<PlanId>(),
    graceEndsAt: at('grace_ends_at'),
    /** Months given (merchant referrals): the next renewals are not charged. */
    freeMonths: integer('free_months').notNull().default(0),
    stripeCustomerId: text('stripe_customer_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('billing_subscriptions_stripe_idx').on(table.stripeSubscriptionId),
    index('billing_subscriptions_status_idx').on(table.status, table.updatedAt),
    check('billing_subscriptions_free_months_check', sql`${table.freeMonths} >= 0`),
  ],
);

/**
 * What a team uses of each quota: per month (`period` = YYYY-MM) for the monthly quotas, and a
 * gauge (`period` = 'total') for what exists now (published deals, seats, approved influencers).
 * Written in the transaction of the action it counts, with a conditional update.
 */
export const billingUsage = pgTable(
  'billing_usage',
  {
    organizationId: text('organization_id').notNull(),
    quota: text('quota').notNull(),
    period: text('period').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.quota, table.period] }),
    check('billing_usage_used_check', sql`${table.used} >= 0`),
  ],
);

/** CMI renewals: one due invoice per team and period, paid by card through its link or by transfer. */
export const billingRenewals = pgTable(
  'billing_renewals',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    planId: text('plan_id').$type<PlanId>().notNull(),
    periodStart: at('period_start').notNull(),
    periodEnd: at('period_end').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** Sent to the card gateway as its order id. */
    reference: text('reference').notNull().unique(),
    invoiceId: text('invoice_id'),
    invoiceNumber: text('invoice_number'),
    status: text('status').$type<'due' | 'paid' | 'void'>().notNull().default('due'),
    dueAt: at('due_at').notNull(),
    paidAt: at('paid_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('billing_renewals_period_idx').on(table.organizationId, table.periodStart),
    check('billing_renewals_amount_check', sql`${table.amountMinor} >= 0`),
  ],
);
