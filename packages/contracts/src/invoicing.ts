import { z } from 'zod';
import { locales } from './locales.ts';

/*
 * Invoices and credit notes Souk issues for its own services (subscriptions, platform fees,
 * commissions). Numbers are continuous per year and series, allocated in the transaction that
 * issues the document: invoices `F-2026-000001`, credit notes `AV-2026-000001`. Amounts are
 * integer minor units; lines are excluding VAT; VAT is computed once on the subtotal and rounded
 * half-up to the centime. Issued documents never change, except their payment status.
 *
 * Endpoints (under /api/v1):
 *   GET /invoices?organizationId=&type=&status=&cursor=   signed-in: your own, or a team's you belong to -> InvoiceList
 *   GET /invoices/{id}                                    buyer (user, or member of the buyer team), admin -> Invoice
 *   GET /invoices/{id}/pdf                                 same -> application/pdf (409 while it is being rendered)
 *   GET /admin/invoices?type=&status=&buyerId=&cursor=     admin -> InvoiceList
 */

export const invoiceTypes = ['invoice', 'credit_note'] as const;
export type InvoiceType = (typeof invoiceTypes)[number];
export const invoiceStatuses = ['paid', 'due'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export const invoiceBuyerKinds = ['organization', 'user'] as const;
export type InvoiceBuyerKind = (typeof invoiceBuyerKinds)[number];

/** Number prefixes per document type: one continuous series each, restarting every year. */
export const invoiceSeries: Record<InvoiceType, string> = { invoice: 'F', credit_note: 'AV' };
export const defaultVatRateBps = 2000;

/** Payment methods printed on the document (a mandatory mention). */
export const invoicePaymentMethods = [
  'card',
  'card_stripe',
  'card_cmi',
  'bank_transfer',
  'balance_offset',
  'none',
] as const;
export type InvoicePaymentMethod = (typeof invoicePaymentMethods)[number];

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

/** VAT on a subtotal (excluding VAT), rounded half-up to the centime; integers in, integer out. */
export function vatOf(subtotalMinor: number, vatRateBps: number): number {
  if (!Number.isSafeInteger(subtotalMinor) || !Number.isSafeInteger(vatRateBps)) {
    throw new RangeError('amounts and rates are integers');
  }
  const sign = subtotalMinor < 0 ? -1 : 1;
  const product = BigInt(Math.abs(subtotalMinor)) * BigInt(vatRateBps);
  return sign * Number((product + 5000n) / 10000n);
}

export const invoiceLineSchema = z.object({
  description: z.string(),
  quantity: z.number().int(),
  unitAmountMinor: minor.describe('Excluding VAT'),
  amountMinor: minor.describe('quantity × unit, excluding VAT'),
});

export const invoicePartySchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  ice: z.string().nullable().describe('Identifiant Commun de l’Entreprise (15 digits)'),
});

export const invoiceSellerSchema = invoicePartySchema.extend({
  taxId: z.string().describe('Identifiant fiscal (IF)'),
  professionalTax: z.string().describe('Taxe professionnelle'),
  tradeRegister: z.string().describe('Registre de commerce: number and court'),
});

export const invoiceSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.enum(invoiceTypes),
    status: z.enum(invoiceStatuses),
    issuedAt: isoDate,
    currency: z.string(),
    subtotalMinor: minor,
    vatRateBps: z.number().int(),
    vatMinor: minor,
    totalMinor: minor,
    dueAt: isoDate.nullable(),
    paidAt: isoDate.nullable(),
    payUrl: z.string().nullable(),
    paymentMethod: z.string(),
    buyerKind: z.enum(invoiceBuyerKinds),
    buyerId: z.string(),
    buyerName: z.string(),
    sourceKind: z.string(),
    creditedInvoiceId: z.uuid().nullable(),
    creditedInvoiceNumber: z.string().nullable(),
    pdfReady: z.boolean().describe('False while the PDF is being rendered, just after issuing'),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const invoiceSchema = invoiceSummarySchema
  .extend({
    seller: invoiceSellerSchema,
    buyer: invoicePartySchema.extend({ email: z.string() }),
    lines: z.array(invoiceLineSchema),
    /** For an invoice: the total of the credit notes issued against it. */
    creditedMinor: minor,
    locale: z.enum(locales),
  })
  .meta({ id: 'Invoice' });
export type InvoiceView = z.infer<typeof invoiceSchema>;

export const invoiceListSchema = z
  .object({ items: z.array(invoiceSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'InvoiceList' });
export type InvoiceList = z.infer<typeof invoiceListSchema>;

const listFilters = {
  type: z.enum(invoiceTypes).optional(),
  status: z.enum(invoiceStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

export const invoiceListQuerySchema = z.object({
  organizationId: z.string().max(100).optional().describe('A team you belong to; default: your own invoices'),
  ...listFilters,
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuerySchema>;

export const adminInvoiceListQuerySchema = z.object({
  buyerId: z.string().max(100).optional(),
  ...listFilters,
});
export type AdminInvoiceListQuery = z.infer<typeof adminInvoiceListQuerySchema>;
