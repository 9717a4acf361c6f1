import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type { GatewayId, OrderStatus, RefundStatus } from '@souk/contracts/payments';
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

/** One purchase of one deal by one buyer (guest or signed in). Amounts are minor units. */
export const paymentsOrders = pgTable(
  'payments_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short, unique, shown to people and sent to gateways as the order id (CMI `oid`). */
    reference: text('reference').notNull().unique(),
    status: text('status').$type<OrderStatus>().notNull().default('pending_payment'),
    organizationId: text('organization_id').notNull(),
    buyerUserId: text('buyer_user_id'),
    buyerName: text('buyer_name').notNull(),
    buyerEmail: text('buyer_email').notNull(),
    buyerPhone: text('buyer_phone').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    totalMinor: integer('total_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    gateway: text('gateway').$type<GatewayId>().notNull(),
    gatewayTest: boolean('gateway_test').notNull().default(false),
    clickId: text('click_id'),
    /** Idempotency-Key of the creating request, with a hash of its body to refuse reuse with another. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    /** Whether the stock of the items is still held for this order (pending, or paid). */
    stockHeld: boolean('stock_held').notNull().default(true),
    lastPaymentError: text('last_payment_error'),
    reservationExpiresAt: at('reservation_expires_at'),
    paidAt: at('paid_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payments_orders_idempotency_idx').on(table.idempotencyKey),
    index('payments_orders_org_idx').on(table.organizationId, table.createdAt),
    index('payments_orders_buyer_idx').on(table.buyerUserId, table.createdAt),
    index('payments_orders_created_idx').on(table.createdAt, table.id),
    index('payments_orders_pending_idx').on(table.status, table.reservationExpiresAt),
    check(
      'payments_orders_amounts_check',
      sql`${table.totalMinor} >= 0 and ${table.refundedMinor} between 0 and ${table.totalMinor}`,
    ),
  ],
);

export const paymentsOrderItems = pgTable(
  'payments_order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentsOrders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    quantity: integer('quantity').notNull(),
    /** Snapshot of the deal at purchase: what the voucher shows. */
    conditions: text('conditions').notNull().default(''),
    address: text('address'),
    expiresAt: at('expires_at'),
  },
  (table) => [
    index('payments_order_items_order_idx').on(table.orderId),
    check('payments_order_items_quantity_check', sql`${table.quantity} > 0`),
  ],
);

/** Each time the buyer is sent to a gateway; the gateway's references as they become known. */
export const paymentsAttempts = pgTable(
  'payments_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentsOrders.id, { onDelete: 'cascade' }),
    gateway: text('gateway').$type<GatewayId>().notNull(),
    status: text('status').$type<'started' | 'succeeded' | 'failed'>().notNull().default('started'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').$type<Currency>().notNull(),
    /** CMI oid / Stripe Checkout session id. */
    gatewayReference: text('gateway_reference'),
    /** CMI TransId / Stripe payment intent: what a refund names. */
    paymentReference: text('payment_reference'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('payments_attempts_order_idx').on(table.orderId),
    index('payments_attempts_reference_idx').on(table.gateway, table.gatewayReference),
    index('payments_attempts_created_idx').on(table.createdAt, table.id),
  ],
);

/** One voucher per unit bought; the code exists from creation but is shown only once paid. */
export const paymentsVouchers = pgTable(
  'payments_vouchers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentsOrders.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** Canonical code without dashes (12 characters, the last a check character). */
    code: text('code').notNull().unique(),
    status: text('status').$type<'pending' | 'valid' | 'redeemed' | 'void'>().notNull().default('pending'),
    expiresAt: at('expires_at'),
    redeemedAt: at('redeemed_at'),
    redeemedBy: text('redeemed_by'),
    createdAt: createdAt(),
  },
  (table) => [
    index('payments_vouchers_order_idx').on(table.orderId),
    index('payments_vouchers_org_idx').on(table.organizationId, table.status),
  ],
);

export const paymentsRefunds = pgTable(
  'payments_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentsOrders.id, { onDelete: 'cascade' }),
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<RefundStatus>().notNull().default('pending'),
    /** The caller's Idempotency-Key, scoped to the order. */
    idempotencyKey: text('idempotency_key'),
    gatewayReference: text('gateway_reference'),
    actorId: text('actor_id'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('payments_refunds_order_idx').on(table.orderId),
    uniqueIndex('payments_refunds_idempotency_idx').on(table.orderId, table.idempotencyKey),
    check('payments_refunds_amount_check', sql`${table.amountMinor} > 0`),
  ],
);

/** The history of an order, in order: who did what, when. */
export const paymentsOrderEvents = pgTable(
  'payments_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paymentsOrders.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actor: text('actor'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('payments_order_events_order_idx').on(table.orderId, table.createdAt)],
);

/** Everything a gateway sent or answered (callbacks, webhooks, refunds), accepted or not. */
export const paymentsGatewayEvents = pgTable(
  'payments_gateway_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gateway: text('gateway').$type<GatewayId>().notNull(),
    kind: text('kind').notNull(),
    externalId: text('external_id'),
    orderId: uuid('order_id'),
    outcome: text('outcome').$type<'processed' | 'duplicate' | 'rejected' | 'ignored' | 'error'>().notNull(),
    detail: text('detail'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [
    index('payments_gateway_events_created_idx').on(table.createdAt, table.id),
    index('payments_gateway_events_order_idx').on(table.orderId),
  ],
);

/** Webhook event ids already handled: a redelivery is acknowledged and changes nothing. */
export const paymentsProcessedWebhooks = pgTable(
  'payments_processed_webhooks',
  {
    gateway: text('gateway').notNull(),
    eventId: text('event_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.gateway, table.eventId] })],
);

/** The sandbox gateway's own ledger (what a real acquirer would keep): captures and refunds. */
export const paymentsSandboxTransactions = pgTable('payments_sandbox_transactions', {
  oid: text('oid').primaryKey(),
  transId: text('trans_id').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  refundedMinor: integer('refunded_minor').notNull().default(0),
  status: text('status').$type<'preauth' | 'captured'>().notNull(),
  createdAt: createdAt(),
});
