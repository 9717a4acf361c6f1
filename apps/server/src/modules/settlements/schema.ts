import type { CommissionInvoiceStatus, SettlementLineKind, SettlementStatus } from '@souk/contracts/settlements';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from '../../platform/db/columns.ts';

/**
 * One merchant's settlement for one month and currency: what Souk transfers for the deals sold
 * through its checkout. Totals are written once, with the lines, in the run's transaction.
 */
export const settlements = pgTable(
  'settlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id').notNull(),
    period: text('period').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<SettlementStatus>().notNull().default('pending'),
    grossMinor: integer('gross_minor').notNull(),
    refundsMinor: integer('refunds_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
    feeVatMinor: integer('fee_vat_minor').notNull(),
    commissionsMinor: integer('commissions_minor').notNull(),
    netMinor: integer('net_minor').notNull(),
    feeBps: integer('fee_bps').notNull(),
    planId: text('plan_id').notNull(),
    orderCount: integer('order_count').notNull(),
    feeInvoiceId: text('fee_invoice_id'),
    feeInvoiceNumber: text('fee_invoice_number'),
    bankReference: text('bank_reference'),
    failureReason: text('failure_reason'),
    decidedBy: text('decided_by'),
    paidAt: at('paid_at'),
    failedAt: at('failed_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    // A run repeated for the same month finds the settlement there and creates nothing.
    uniqueIndex('settlements_org_period_idx').on(table.organizationId, table.period, table.currency),
    index('settlements_period_idx').on(table.period, table.status),
    check(
      'settlements_net_check',
      sql`${table.netMinor} = ${table.grossMinor} - ${table.refundsMinor} - ${table.feeMinor} - ${table.feeVatMinor} - ${table.commissionsMinor}`,
    ),
  ],
);

/** A settled order (kind 'order') or a refund confirmed on it (kind 'refund'), once each. */
export const settlementLines = pgTable(
  'settlement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    settlementId: uuid('settlement_id')
      .notNull()
      .references(() => settlements.id),
    kind: text('kind').$type<SettlementLineKind>().notNull(),
    orderId: uuid('order_id').notNull(),
    refundId: uuid('refund_id'),
    reference: text('reference').notNull(),
    occurredAt: at('occurred_at').notNull(),
    grossMinor: integer('gross_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
    commissionMinor: integer('commission_minor').notNull(),
    netMinor: integer('net_minor').notNull(),
  },
  (table) => [
    // An order is in at most one settlement, and so is each refund.
    uniqueIndex('settlement_lines_order_idx').on(table.orderId).where(sql`${table.kind} = 'order'`),
    uniqueIndex('settlement_lines_refund_idx').on(table.refundId),
    index('settlement_lines_settlement_idx').on(table.settlementId),
    check(
      'settlement_lines_net_check',
      sql`${table.netMinor} = ${table.grossMinor} - ${table.refundedMinor} - ${table.feeMinor} - ${table.commissionMinor}`,
    ),
  ],
);

/** The monthly invoice of commissions due on sales a merchant reported (off-platform). */
export const commissionInvoices = pgTable(
  'commission_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id').notNull(),
    period: text('period').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<CommissionInvoiceStatus>().notNull().default('due'),
    salesMinor: integer('sales_minor').notNull(),
    commissionsMinor: integer('commissions_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
    feeBps: integer('fee_bps').notNull(),
    totalMinor: integer('total_minor').notNull(),
    conversionCount: integer('conversion_count').notNull(),
    /** The finance document, once invoicing is wired (null: amounts computed here alone). */
    invoiceId: text('invoice_id'),
    invoiceNumber: text('invoice_number'),
    paymentMethod: text('payment_method'),
    bankReference: text('bank_reference'),
    dueAt: at('due_at').notNull(),
    paidAt: at('paid_at'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('commission_invoices_org_period_idx').on(table.organizationId, table.period, table.currency),
    index('commission_invoices_period_idx').on(table.period, table.status),
  ],
);

/** Each commission is invoiced once. */
export const commissionInvoiceItems = pgTable(
  'commission_invoice_items',
  {
    commissionId: uuid('commission_id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => commissionInvoices.id),
    conversionId: uuid('conversion_id').notNull(),
    orderRef: text('order_ref').notNull(),
    saleMinor: integer('sale_minor').notNull(),
    commissionMinor: integer('commission_minor').notNull(),
  },
  (table) => [index('commission_invoice_items_invoice_idx').on(table.invoiceId)],
);
