import type {
  AffiliationStatus,
  AudienceEntry,
  CommissionRule,
  CommissionStatus,
  FraudSignal,
  LinkChannel,
} from '@souk/contracts/affiliation';
import type { Commission } from '@souk/contracts/catalog';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt } from '../../platform/db/columns.ts';

/** A merchant team's affiliation settings; a row is created on first need with the defaults. */
export const affiliationMerchantSettings = pgTable('affiliation_merchant_settings', {
  organizationId: text('organization_id').primaryKey(),
  attributionWindowDays: integer('attribution_window_days').notNull().default(30),
  holdDays: integer('hold_days').notNull().default(14),
  /** Names the merchant in pixel calls; public by design (it sits in their thank-you page). */
  pixelKey: text('pixel_key').notNull().unique(),
  createdAt: createdAt(),
});

/** Per-product affiliation rules beside the catalog's commission. */
export const affiliationProductSettings = pgTable('affiliation_product_settings', {
  productId: uuid('product_id').primaryKey(),
  organizationId: text('organization_id').notNull(),
  autoApprove: boolean('auto_approve').notNull().default(false),
  minCommissionMinor: integer('min_commission_minor'),
  maxCommissionMinor: integer('max_commission_minor'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const affiliationRequests = pgTable(
  'affiliation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id').notNull(),
    organizationId: text('organization_id').notNull(),
    influencerId: text('influencer_id').notNull(),
    status: text('status').$type<AffiliationStatus>().notNull().default('pending'),
    message: text('message').notNull().default(''),
    audience: jsonb('audience').$type<AudienceEntry[]>().notNull().default([]),
    commissionOverride: jsonb('commission_override').$type<Commission>(),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    autoApproved: boolean('auto_approved').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    // One affiliation per influencer and product, whatever its state: history stays.
    uniqueIndex('affiliation_requests_pair_idx').on(table.productId, table.influencerId),
    index('affiliation_requests_org_idx').on(table.organizationId, table.status, table.createdAt),
    index('affiliation_requests_influencer_idx').on(table.influencerId, table.createdAt),
  ],
);

export const affiliationLinks = pgTable(
  'affiliation_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lowercase: random codes and aliases share one case-insensitive namespace. */
    code: text('code').notNull().unique(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => affiliationRequests.id),
    productId: uuid('product_id').notNull(),
    organizationId: text('organization_id').notNull(),
    influencerId: text('influencer_id').notNull(),
    channel: text('channel').$type<LinkChannel>(),
    alias: text('alias'),
    active: boolean('active').notNull().default(true),
    /** The creator's address: a conversion from the same one is flagged as self-referral. */
    creatorIp: text('creator_ip'),
    createdAt: createdAt(),
  },
  (table) => [
    index('affiliation_links_influencer_idx').on(table.influencerId, table.createdAt),
    index('affiliation_links_org_idx').on(table.organizationId),
    index('affiliation_links_request_idx').on(table.requestId),
  ],
);

/** Raw clicks (not link previews), written in batches off the redirect's response path. */
export const affiliationClicks = pgTable(
  'affiliation_clicks',
  {
    id: uuid('id').primaryKey(),
    linkId: uuid('link_id').notNull(),
    organizationId: text('organization_id').notNull(),
    /** Hash of address and user agent: dedupes clicks and finds a visitor's last click. */
    visitorKey: text('visitor_key').notNull(),
    ip: text('ip'),
    isUnique: boolean('is_unique').notNull(),
    device: text('device'),
    browser: text('browser'),
    os: text('os'),
    country: text('country'),
    referrerHost: text('referrer_host'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('affiliation_clicks_link_idx').on(table.linkId, table.createdAt),
    index('affiliation_clicks_visitor_idx').on(table.organizationId, table.visitorKey, table.createdAt),
  ],
);

/** Hourly counters per link, incremented by every flush: stats read these, not raw clicks. */
export const affiliationClickRollups = pgTable(
  'affiliation_click_rollups',
  {
    linkId: uuid('link_id').notNull(),
    hour: at('hour').notNull(),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
    previews: integer('previews').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.linkId, table.hour] })],
);

export const affiliationConversions = pgTable(
  'affiliation_conversions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id').notNull(),
    orderRef: text('order_ref').notNull(),
    clickId: uuid('click_id'),
    linkId: uuid('link_id'),
    amountMinor: integer('amount_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    currency: text('currency').notNull(),
    items: jsonb('items').$type<unknown[]>(),
    source: text('source').$type<'api' | 'pixel' | 'checkout'>().notNull(),
    /** Where the conversion was reported from (the pixel: the buyer's browser). */
    ip: text('ip'),
    customerEmail: text('customer_email'),
    customerUserId: text('customer_user_id'),
    /** Signals raised on the conversion itself (no click; an unauthenticated pixel). */
    fraudSignals: jsonb('fraud_signals').$type<FraudSignal[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('affiliation_conversions_order_idx').on(table.organizationId, table.orderRef),
    index('affiliation_conversions_link_idx').on(table.linkId, table.createdAt),
    check('affiliation_conversions_amount_check', sql`${table.amountMinor} > 0`),
    check('affiliation_conversions_refund_check', sql`${table.refundedMinor} between 0 and ${table.amountMinor}`),
  ],
);

/** Each refund once: (conversion, refundRef) is the idempotency key. */
export const affiliationRefunds = pgTable(
  'affiliation_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversionId: uuid('conversion_id')
      .notNull()
      .references(() => affiliationConversions.id),
    refundRef: text('refund_ref').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('affiliation_refunds_ref_idx').on(table.conversionId, table.refundRef)],
);

export const affiliationCommissions = pgTable(
  'affiliation_commissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversionId: uuid('conversion_id')
      .notNull()
      .unique()
      .references(() => affiliationConversions.id),
    organizationId: text('organization_id').notNull(),
    influencerId: text('influencer_id').notNull(),
    linkId: uuid('link_id').notNull(),
    productId: uuid('product_id').notNull(),
    status: text('status').$type<CommissionStatus>().notNull().default('pending'),
    amountMinor: integer('amount_minor').notNull(),
    originalAmountMinor: integer('original_amount_minor').notNull(),
    currency: text('currency').notNull(),
    rule: jsonb('rule').$type<CommissionRule>().notNull(),
    fraudSignals: jsonb('fraud_signals').$type<FraudSignal[]>().notNull().default([]),
    onHold: boolean('on_hold').notNull().default(false),
    approvableAt: at('approvable_at').notNull(),
    approvedAt: at('approved_at'),
    approvedBy: text('approved_by'),
    reversedAt: at('reversed_at'),
    rejectionReason: text('rejection_reason'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('affiliation_commissions_org_idx').on(table.organizationId, table.createdAt),
    index('affiliation_commissions_influencer_idx').on(table.influencerId, table.createdAt),
    index('affiliation_commissions_due_idx').on(table.status, table.onHold, table.approvableAt),
    check('affiliation_commissions_amount_check', sql`${table.amountMinor} >= 0`),
  ],
);
