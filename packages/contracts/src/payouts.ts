import { z } from 'zod';
import { currencies } from './catalog.ts';

/*
 * Influencer payouts: balances derived from the ledger, a monthly payout run (preview, approve,
 * bank transfer file, then each line marked paid or failed), statements. Money is integer minor
 * units with a currency code.
 *
 * Endpoints (under /api/v1):
 *   GET  /payouts/balance                                 signed-in influencer -> PayoutBalance
 *   GET  /payouts                                         signed-in influencer -> PayoutList (own payouts)
 *   GET  /payouts/{id}/statement?format=pdf|csv           owner or admin -> application/pdf | text/csv
 *   GET  /admin/payout-runs                               admin -> PayoutRunList
 *   POST /admin/payout-runs { period? }                   admin -> 201 PayoutRun (200: the period's run exists)
 *   GET  /admin/payout-runs/{id}                          admin -> PayoutRun
 *   POST /admin/payout-runs/{id}/approve                  admin -> PayoutRun
 *   GET  /admin/payout-runs/{id}/export.csv | export.xlsx admin (approved runs) -> bank transfer file
 *   POST /admin/payout-runs/{id}/lines/{lineId}/paid      admin -> PayoutLine (409 when already settled)
 *   POST /admin/payout-runs/{id}/lines/{lineId}/failed    admin { reason } -> PayoutLine
 */

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

/** Default smallest payout (100.00 MAD); lower balances roll over to the next run. */
export const defaultPayoutMinimumMinor = 10_000;

export const payoutPeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('Calendar month YYYY-MM');

export const payoutAccountStatuses = ['ready', 'kyc_not_approved', 'no_rib', 'rib_key_invalid'] as const;
export type PayoutAccountStatus = (typeof payoutAccountStatuses)[number];

/** Why an influencer with approved commissions is not in a run. */
export const payoutExclusionReasons = ['kyc_not_approved', 'no_rib', 'rib_key_invalid', 'below_minimum'] as const;
export type PayoutExclusionReason = (typeof payoutExclusionReasons)[number];

export const payoutRunStatuses = ['preview', 'approved', 'closed'] as const;
export type PayoutRunStatus = (typeof payoutRunStatuses)[number];

export const payoutLineStatuses = ['pending', 'paid', 'failed'] as const;
export type PayoutLineStatus = (typeof payoutLineStatuses)[number];

/** The influencer's view of a line: scheduled (run in preview), processing (sent to the bank), paid, failed. */
export const payoutStatuses = ['scheduled', 'processing', 'paid', 'failed'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

export const payoutBalanceSchema = z
  .object({
    balances: z.array(
      z.object({
        currency: z.enum(currencies),
        pendingMinor: minor.describe('Commissions in their hold period or under review'),
        approvedMinor: minor.describe('Approved, not yet in a payout'),
        inPayoutMinor: minor.describe('In a payout being processed'),
        paidMinor: minor.describe('Paid out so far'),
      }),
    ),
    minimumMinor: minor,
    account: z.object({
      status: z.enum(payoutAccountStatuses),
      ribMasked: z.string().nullable(),
    }),
  })
  .meta({ id: 'PayoutBalance' });
export type PayoutBalance = z.infer<typeof payoutBalanceSchema>;

export const payoutStatementLineSchema = z
  .object({
    commissionId: z.uuid(),
    productTitle: z.string(),
    orderRef: z.string(),
    amountMinor: minor,
    approvedAt: isoDate.nullable(),
  })
  .meta({ id: 'PayoutStatementLine' });
export type PayoutStatementLine = z.infer<typeof payoutStatementLineSchema>;

export const payoutSchema = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    period: payoutPeriodSchema,
    status: z.enum(payoutStatuses),
    amountMinor: minor,
    currency: z.enum(currencies),
    reference: z.string(),
    ribMasked: z.string(),
    paidAt: isoDate.nullable(),
    failureReason: z.string().nullable(),
    createdAt: isoDate,
    lines: z.array(payoutStatementLineSchema),
  })
  .meta({ id: 'Payout' });
export type Payout = z.infer<typeof payoutSchema>;
export const payoutListSchema = z.object({ items: z.array(payoutSchema) }).meta({ id: 'PayoutList' });

export const statementQuerySchema = z.object({ format: z.enum(['pdf', 'csv']).default('pdf') });

export const payoutLineSchema = z
  .object({
    id: z.uuid(),
    influencerId: z.string(),
    beneficiary: z.string(),
    email: z.string(),
    rib: z.string(),
    amountMinor: minor,
    currency: z.enum(currencies),
    reference: z.string(),
    commissionCount: z.number().int(),
    status: z.enum(payoutLineStatuses),
    paidAt: isoDate.nullable(),
    failureReason: z.string().nullable(),
  })
  .meta({ id: 'PayoutLine' });
export type PayoutLine = z.infer<typeof payoutLineSchema>;

export const payoutExclusionSchema = z
  .object({
    influencerId: z.string(),
    name: z.string(),
    email: z.string(),
    amountMinor: minor,
    currency: z.enum(currencies),
    reason: z.enum(payoutExclusionReasons),
  })
  .meta({ id: 'PayoutExclusion' });
export type PayoutExclusion = z.infer<typeof payoutExclusionSchema>;

const runFields = {
  id: z.uuid(),
  period: payoutPeriodSchema,
  status: z.enum(payoutRunStatuses),
  currency: z.enum(currencies),
  totalMinor: minor,
  lineCount: z.number().int(),
  paidCount: z.number().int(),
  failedCount: z.number().int(),
  createdAt: isoDate,
  approvedAt: isoDate.nullable(),
  closedAt: isoDate.nullable(),
};

export const payoutRunSummarySchema = z.object(runFields).meta({ id: 'PayoutRunSummary' });
export type PayoutRunSummary = z.infer<typeof payoutRunSummarySchema>;
export const payoutRunListSchema = z.object({ items: z.array(payoutRunSummarySchema) }).meta({ id: 'PayoutRunList' });

export const payoutRunSchema = z
  .object({
    ...runFields,
    minimumMinor: minor,
    lines: z.array(payoutLineSchema),
    excluded: z.array(payoutExclusionSchema),
  })
  .meta({ id: 'PayoutRun' });
export type PayoutRun = z.infer<typeof payoutRunSchema>;

export const payoutRunCreateInputSchema = z
  .object({ period: payoutPeriodSchema.optional().describe('Default: the previous calendar month') })
  .meta({ id: 'PayoutRunCreate' });

export const payoutLineFailInputSchema = z
  .object({ reason: z.string().trim().min(2).max(500).describe("The bank's reason, shown to the influencer") })
  .meta({ id: 'PayoutLineFail' });
