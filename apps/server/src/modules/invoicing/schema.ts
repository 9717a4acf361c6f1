import type { InvoiceBuyerKind, InvoiceStatus, InvoiceType } from '@souk/contracts/invoicing';
import type { Locale } from '@souk/contracts/locales';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
import { at } from '../../platform/db/columns.ts';

const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * The last number given in each series and year. Issuing takes this row's lock with the
 * increment, inside the issuing transaction: numbers follow each other with no gap (a rolled-back
 * issue rolls its increment back too) and no duplicate.
 */
export const invoicingCounters = pgTable(
  'invoicing_counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.series, table.year] }),
    check('invoicing_counters_positive', sql`${table.lastNumber} >= 0`),
  ],
);

export interface InvoiceSellerSnapshot {
  name: string;
  address: string;
  taxId: string;
  ice: string;
  professionalTax: string;
  tradeRegister: string;
}

/**
 * An invoice or a credit note, as issued. Everything printed on it is frozen by a trigger; only
 * the payment (status due -> paid, paid_at, payment method) and the delivery bookkeeping (PDF key,
 * mailed_at) may be filled in later.
 */
export const invoicingDocuments = pgTable(
  'invoicing_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').$type<InvoiceType>().notNull(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull().unique(),
    /** What the document bills (a subscription period, a settlement, a commission invoice run...). */
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    creditedInvoiceId: uuid('credited_invoice_id').references((): AnyPgColumn => invoicingDocuments.id),
    buyerKind: text('buyer_kind').$type<InvoiceBuyerKind>().notNull(),
    buyerId: text('buyer_id').notNull(),
    buyerName: text('buyer_name').notNull(),
    buyerEmail: text('buyer_email').notNull(),
    buyerAddress: text('buyer_address'),
    buyerIce: text('buyer_ice'),
    locale: text('locale').$type<Locale>().notNull(),
    seller: jsonb('seller').$type<InvoiceSellerSnapshot>().notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: money('subtotal_minor').notNull(),
    vatRateBps: integer('vat_rate_bps').notNull(),
    vatMinor: money('vat_minor').notNull(),
    totalMinor: money('total_minor').notNull(),
    paymentMethod: text('payment_method').notNull(),
    status: text('status').$type<InvoiceStatus>().notNull(),
    dueAt: at('due_at'),
    payUrl: text('pay_url'),
    paidAt: at('paid_at'),
    issuedAt: at('issued_at').notNull().defaultNow(),
    pdfKey: text('pdf_key'),
    pdfStoredAt: at('pdf_stored_at'),
    mailedAt: at('mailed_at'),
  },
  (table) => [
    uniqueIndex('invoicing_documents_sequence_idx').on(table.series, table.year, table.sequence),
    uniqueIndex('invoicing_documents_source_idx').on(table.type, table.sourceKind, table.sourceId),
    index('invoicing_documents_buyer_idx').on(table.buyerKind, table.buyerId, table.issuedAt),
    index('invoicing_documents_issued_idx').on(table.issuedAt, table.id),
    index('invoicing_documents_credited_idx').on(table.creditedInvoiceId),
    check(
      'invoicing_documents_amounts_check',
      sql`${table.subtotalMinor} >= 0 and ${table.vatMinor} >= 0 and ${table.totalMinor} = ${table.subtotalMinor} + ${table.vatMinor}`,
    ),
    check('invoicing_documents_vat_rate_check', sql`${table.vatRateBps} between 0 and 10000`),
    check('invoicing_documents_sequence_check', sql`${table.sequence} >= 1`),
    check(
      'invoicing_documents_credit_check',
      sql`(${table.type} = 'credit_note') = (${table.creditedInvoiceId} is not null)`,
    ),
    check('invoicing_documents_paid_check', sql`(${table.status} = 'paid') = (${table.paidAt} is not null)`),
  ],
);

/** The lines of a document, excluding VAT; frozen with it. */
export const invoicingLines = pgTable(
  'invoicing_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => invoicingDocuments.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitAmountMinor: money('unit_amount_minor').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (table) => [
    uniqueIndex('invoicing_lines_position_idx').on(table.documentId, table.position),
    check('invoicing_lines_quantity_check', sql`${table.quantity} >= 1`),
    check(
      'invoicing_lines_amount_check',
      sql`${table.unitAmountMinor} >= 0 and ${table.amountMinor} = ${table.quantity} * ${table.unitAmountMinor}`,
    ),
  ],
);
