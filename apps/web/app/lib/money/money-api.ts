/**
 * The money endpoints the pages call, in one place: payouts, settlements, commission invoices,
 * referrals and the finance reports. Paths with a file answer (statements, exports) are links the
 * browser follows itself, through the same origin.
 */
function withQuery(path: string, query?: URLSearchParams): string {
  const text = query?.toString();
  return text ? `${path}?${text}` : path;
}

const id = (value: string) => encodeURIComponent(value);

export const moneyApi = {
  // Influencer: balance and payouts.
  balance: '/api/v1/payouts/balance',
  myPayouts: '/api/v1/payouts',
  payoutStatement: (payoutId: string, format: 'pdf' | 'csv' = 'pdf') =>
    `/api/v1/payouts/${id(payoutId)}/statement?format=${format}`,
  // Referrals.
  myReferrals: '/api/v1/referrals',
  adminReferrals: (query?: URLSearchParams) => withQuery('/api/v1/admin/referrals', query),
  // Merchant: settlements and commission invoices.
  settlements: (query: URLSearchParams) => withQuery('/api/v1/settlements', query),
  settlement: (settlementId: string) => `/api/v1/settlements/${id(settlementId)}`,
  settlementStatement: (settlementId: string) => `/api/v1/settlements/${id(settlementId)}/statement.csv`,
  commissionInvoices: (query: URLSearchParams) => withQuery('/api/v1/commission-invoices', query),
  payCommissionInvoice: (invoiceId: string) => `/api/v1/commission-invoices/${id(invoiceId)}/pay`,
  invoicePdf: (invoiceId: string) => `/api/v1/invoices/${id(invoiceId)}/pdf`,
  // Admin: payout runs.
  payoutRuns: '/api/v1/admin/payout-runs',
  payoutRun: (runId: string) => `/api/v1/admin/payout-runs/${id(runId)}`,
  approvePayoutRun: (runId: string) => `/api/v1/admin/payout-runs/${id(runId)}/approve`,
  payoutRunExport: (runId: string, format: 'csv' | 'xlsx') => `/api/v1/admin/payout-runs/${id(runId)}/export.${format}`,
  payoutLine: (runId: string, lineId: string, outcome: 'paid' | 'failed') =>
    `/api/v1/admin/payout-runs/${id(runId)}/lines/${id(lineId)}/${outcome}`,
  // Admin: settlements.
  adminSettlements: (query?: URLSearchParams) => withQuery('/api/v1/admin/settlements', query),
  adminSettlementsExport: (query?: URLSearchParams) => withQuery('/api/v1/admin/settlements/export.csv', query),
  runSettlements: '/api/v1/admin/settlements/run',
  settlementOutcome: (settlementId: string, outcome: 'paid' | 'failed') =>
    `/api/v1/admin/settlements/${id(settlementId)}/${outcome}`,
  adminCommissionInvoices: (query?: URLSearchParams) => withQuery('/api/v1/admin/commission-invoices', query),
  runCommissionInvoices: '/api/v1/admin/commission-invoices/run',
  commissionInvoicePaid: (invoiceId: string) => `/api/v1/admin/commission-invoices/${id(invoiceId)}/paid`,
  // Admin: finance.
  financeSummary: (query?: URLSearchParams) => withQuery('/api/v1/admin/finance/summary', query),
  journalExport: (query?: URLSearchParams) => withQuery('/api/v1/admin/finance/journal.csv', query),
  ledgerCheck: '/api/v1/admin/ledger/check',
} as const;
