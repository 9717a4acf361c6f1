import { z } from 'zod';

/*
 * The double-entry ledger: every money movement is one transaction of entries that sum to zero
 * per currency. amountMinor > 0 is a debit, < 0 a credit; balances are sums of entries, so an
 * asset or expense account has a positive balance and a liability or revenue account a negative
 * one (`normal` says which, for display).
 *
 * Endpoints (under /api/v1, platform admin only):
 *   GET /admin/finance/summary?from&to       -> FinanceSummary (platform revenue, VAT, gateway fees, by month)
 *   GET /admin/finance/journal.csv?from&to   -> text/csv, one line per entry
 *   GET /admin/ledger/check                  -> LedgerCheck (the balance proof)
 */

export type LedgerOwnerKind = 'organization' | 'user' | null;

interface AccountDefinition {
  /** Whose sub-ledger it is: entries carry that owner's id, or none for platform accounts. */
  owner: LedgerOwnerKind;
  normal: 'debit' | 'credit';
  description: string;
}

/** The chart of accounts: the only codes an entry may use. */
export const ledgerAccounts = {
  gateway_clearing: {
    owner: null,
    normal: 'debit',
    description: 'Money collected by a payment gateway (CMI, Stripe, sandbox) and not yet in the bank',
  },
  bank: { owner: null, normal: 'debit', description: 'The platform’s bank account' },
  merchant_payable: {
    owner: 'organization',
    normal: 'credit',
    description: 'What Souk owes a merchant for deals sold through the checkout',
  },
  merchant_receivable: {
    owner: 'organization',
    normal: 'debit',
    description: 'What a merchant owes Souk: commissions on sales it reported (off-platform), with their VAT',
  },
  subscription_receivable: {
    owner: 'organization',
    normal: 'debit',
    description: 'Subscription invoices issued and not yet paid',
  },
  influencer_pending: {
    owner: 'user',
    normal: 'credit',
    description: 'Commissions and referral bonuses accrued, not yet approved',
  },
  influencer_payable: { owner: 'user', normal: 'credit', description: 'Approved, waiting for the next payout' },
  influencer_in_payout: { owner: 'user', normal: 'credit', description: 'In an open payout batch' },
  platform_revenue: {
    owner: null,
    normal: 'credit',
    description: 'Platform fees, subscriptions and commission fees (excluding VAT)',
  },
  vat_payable: { owner: null, normal: 'credit', description: 'VAT collected, owed to the tax administration' },
  gateway_fees: { owner: null, normal: 'debit', description: 'Fees charged by payment gateways' },
  referral_expense: {
    owner: null,
    normal: 'debit',
    description: 'Referral bonuses paid by the platform on top of commissions',
  },
} as const satisfies Record<string, AccountDefinition>;

export type LedgerAccountCode = keyof typeof ledgerAccounts;
export const ledgerAccountCodes = Object.keys(ledgerAccounts) as LedgerAccountCode[];

/** The transaction kinds the modules post (see the posting recipes in the decision record). */
export const ledgerKinds = [
  'order.paid',
  'order.refund',
  'gateway.fee',
  'gateway.payout',
  'commission.accrued',
  'commission.approved',
  'commission.reversed',
  'referral.bonus',
  'referral.bonus_reversal',
  'payout.batched',
  'payout.paid',
  'payout.failed',
  'settlement.fee',
  'settlement.paid',
  'subscription.invoiced',
  'subscription.paid',
  'subscription.credited',
  'commission_invoice.issued',
  'commission_invoice.paid',
  'vat.remitted',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const currency = z.string().regex(/^[A-Z]{3}$/);

export const financeRangeQuerySchema = z.object({
  from: z.iso.date().optional().describe('First day included (YYYY-MM-DD, UTC); default: 12 months ago'),
  to: z.iso.date().optional().describe('Last day included (YYYY-MM-DD, UTC); default: today'),
});
export type FinanceRangeQuery = z.infer<typeof financeRangeQuerySchema>;

export const financeMonthSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  currency,
  platformRevenueMinor: minor.describe('Revenue excluding VAT recognised in the month'),
  vatCollectedMinor: minor.describe('VAT collected in the month (net of VAT reversed by credit notes)'),
  gatewayFeesMinor: minor,
});
export type FinanceMonth = z.infer<typeof financeMonthSchema>;

export const financeSummarySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  months: z.array(financeMonthSchema),
  totals: z.array(financeMonthSchema.omit({ month: true })),
});
export type FinanceSummary = z.infer<typeof financeSummarySchema>;

export const ledgerCheckSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.iso.datetime(),
  transactions: z.number().int(),
  entries: z.number().int(),
  /** Transactions whose entries do not sum to zero in some currency. */
  unbalanced: z.array(
    z.object({
      transactionId: z.string(),
      kind: z.string(),
      reference: z.string(),
      currency,
      sumMinor: minor,
    }),
  ),
  /** Whole-ledger sum per currency: zero when every transaction balances. */
  totals: z.array(z.object({ currency, sumMinor: minor })),
  /** Balances derived per account and owner, recomputed from the entries and compared. */
  balances: z.array(
    z.object({
      account: z.string(),
      ownerId: z.string().nullable(),
      currency,
      balanceMinor: minor,
      entriesSumMinor: minor,
      matches: z.boolean(),
    }),
  ),
});
export type LedgerCheck = z.infer<typeof ledgerCheckSchema>;
