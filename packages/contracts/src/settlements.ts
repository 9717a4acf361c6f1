import { z } from 'zod';
import { paymentStartSchema } from './payments.ts';

/**
 * Merchant settlements (deals sold through Souk's checkout, paid out monthly by bank transfer)
 * and commission invoices (commissions on sales merchants reported themselves). Amounts are
 * integer minor units with a currency code; a period is a UTC month, `YYYY-MM`.
 */

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

export const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('A UTC month, YYYY-MM');

export const settlementStatuses = ['pending', 'paid', 'failed'] as const;
export type SettlementStatus = (typeof settlementStatuses)[number];

/** `adjustment`: a settled order's commission changed since (reversed, rejected, reduced). */
export const settlementLineKinds = ['order', 'refund', 'adjustment'] as const;
export type SettlementLineKind = (typeof settlementLineKinds)[number];

export const settlementSummarySchema = z
  .object({
    id: z.uuid(),
    organizationId: z.string(),
    organizationName: z.string(),
    period: periodSchema,
    status: z.enum(settlementStatuses),
    currency: z.string(),
    grossMinor: minor.describe('Paid orders settled'),
    refundsMinor: minor.describe('Refunds deducted'),
    feeMinor: minor.describe('Platform fee excluding VAT'),
    feeVatMinor: minor.describe('VAT on the platform fee'),
    commissionsMinor: minor.describe('Affiliate commissions on the settled orders'),
    netMinor: minor.describe('What is transferred: gross − refunds − fee − VAT − commissions'),
    feeBps: z.number().int().describe('Platform fee of the plan, in basis points'),
    planId: z.string(),
    orderCount: z.number().int(),
    feeInvoiceId: z.string().nullable(),
    feeInvoiceNumber: z.string().nullable(),
    payoutAccount: z.object({ holderName: z.string(), ribMasked: z.string() }).nullable(),
    bankReference: z.string().nullable(),
    failureReason: z.string().nullable(),
    paidAt: isoDate.nullable(),
    createdAt: isoDate,
  })
  .meta({ id: 'SettlementSummary' });
export type SettlementSummary = z.infer<typeof settlementSummarySchema>;

export const settlementLineSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(settlementLineKinds),
    orderId: z.uuid(),
    refundId: z.uuid().nullable(),
    reference: z.string().describe('The order reference'),
    occurredAt: isoDate.describe('Order paid (order lines) or refund confirmed (refund lines)'),
    grossMinor: minor,
    refundedMinor: minor,
    feeMinor: minor.describe('Negative on a refund line: the fee on the refunded part is given back'),
    commissionMinor: minor,
    netMinor: minor,
  })
  .meta({ id: 'SettlementLine' });
export type SettlementLine = z.infer<typeof settlementLineSchema>;

export const settlementSchema = settlementSummarySchema
  .extend({ lines: z.array(settlementLineSchema) })
  .meta({ id: 'Settlement' });
export type Settlement = z.infer<typeof settlementSchema>;

export const settlementListSchema = z
  .object({ items: z.array(settlementSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'SettlementList' });
export type SettlementList = z.infer<typeof settlementListSchema>;

export const settlementListQuerySchema = z.object({
  organizationId: z.string().max(100).optional(),
  cursor: z.string().max(300).optional(),
});
export const adminSettlementListQuerySchema = z.object({
  period: periodSchema.optional(),
  status: z.enum(settlementStatuses).optional(),
  organizationId: z.string().max(100).optional(),
  cursor: z.string().max(300).optional(),
});

export const settlementRunInputSchema = z.object({ period: periodSchema }).meta({ id: 'SettlementRunInput' });
export const settlementRunResultSchema = z
  .object({ period: periodSchema, created: z.number().int(), settlements: z.array(settlementSummarySchema) })
  .meta({ id: 'SettlementRunResult' });
export type SettlementRunResult = z.infer<typeof settlementRunResultSchema>;

export const settlementPaidInputSchema = z
  .object({ bankReference: z.string().trim().max(120).optional() })
  .meta({ id: 'SettlementPaidInput' });
export const settlementFailedInputSchema = z
  .object({ reason: z.string().trim().min(3).max(500) })
  .meta({ id: 'SettlementFailedInput' });

export const commissionInvoiceStatuses = ['due', 'paid'] as const;
export type CommissionInvoiceStatus = (typeof commissionInvoiceStatuses)[number];

export const commissionInvoiceSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.string(),
    organizationName: z.string(),
    period: periodSchema,
    status: z.enum(commissionInvoiceStatuses),
    currency: z.string(),
    salesMinor: minor.describe('Reported sales the commissions were earned on'),
    commissionsMinor: minor,
    feeMinor: minor.describe('Platform fee on the reported sales, excluding VAT'),
    feeBps: z.number().int(),
    totalMinor: minor.describe('Invoice total including VAT'),
    conversionCount: z.number().int(),
    invoiceId: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    payUrl: z.string().nullable(),
    paymentMethod: z.string().nullable(),
    paidAt: isoDate.nullable(),
    dueAt: isoDate,
    createdAt: isoDate,
  })
  .meta({ id: 'CommissionInvoice' });
export type CommissionInvoice = z.infer<typeof commissionInvoiceSchema>;

export const commissionInvoiceListSchema = z
  .object({ items: z.array(commissionInvoiceSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CommissionInvoiceList' });
export const adminCommissionInvoiceListQuerySchema = z.object({
  period: periodSchema.optional(),
  status: z.enum(commissionInvoiceStatuses).optional(),
  organizationId: z.string().max(100).optional(),
  cursor: z.string().max(300).optional(),
});
export const commissionInvoiceRunResultSchema = z
  .object({ period: periodSchema, created: z.number().int(), invoices: z.array(commissionInvoiceSchema) })
  .meta({ id: 'CommissionInvoiceRunResult' });
/** Where the payer goes: a form to post to the card page (CMI, sandbox) or a URL. */
export const commissionInvoicePayResultSchema = z
  .object({ payment: paymentStartSchema })
  .meta({ id: 'CommissionInvoicePayResult' });
