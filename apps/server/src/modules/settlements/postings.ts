import type { LedgerPort } from './ports.ts';

type Executor = Parameters<LedgerPort['post']>[0];

/**
 * The ledger recipes of settlements and commission invoices (see decision 029). The checkout's
 * payment credited the merchant's payable balance and affiliation moved the commissions out of
 * it; a settlement takes the platform fee with its VAT, then the transfer empties what is left.
 */
export const settlementPostings = {
  fee(
    ledger: LedgerPort,
    executor: Executor,
    settlement: { id: string; organizationId: string; currency: string; feeMinor: number; feeVatMinor: number },
  ) {
    if (settlement.feeMinor + settlement.feeVatMinor === 0) return Promise.resolve(null);
    return ledger.post(executor, {
      kind: 'settlement.fee',
      reference: settlement.id,
      memo: 'Platform fee on deals sold through the checkout',
      entries: [
        {
          account: 'merchant_payable',
          ownerId: settlement.organizationId,
          amountMinor: settlement.feeMinor + settlement.feeVatMinor,
          currency: settlement.currency,
        },
        { account: 'platform_revenue', amountMinor: -settlement.feeMinor, currency: settlement.currency },
        { account: 'vat_payable', amountMinor: -settlement.feeVatMinor, currency: settlement.currency },
      ],
    });
  },

  paid(
    ledger: LedgerPort,
    executor: Executor,
    settlement: { id: string; organizationId: string; currency: string; netMinor: number },
    paidAt: Date,
  ) {
    if (settlement.netMinor === 0) return Promise.resolve(null);
    return ledger.post(executor, {
      kind: 'settlement.paid',
      reference: settlement.id,
      memo: 'Settlement transferred to the merchant',
      occurredAt: paidAt,
      entries: [
        {
          account: 'merchant_payable',
          ownerId: settlement.organizationId,
          amountMinor: settlement.netMinor,
          currency: settlement.currency,
        },
        { account: 'bank', amountMinor: -settlement.netMinor, currency: settlement.currency },
      ],
    });
  },

  /** The commissions themselves are in the merchant's receivable already (affiliation); the fee and VAT join them. */
  commissionInvoiced(
    ledger: LedgerPort,
    executor: Executor,
    invoice: { id: string; organizationId: string; currency: string; feeMinor: number; vatMinor: number },
  ) {
    if (invoice.feeMinor + invoice.vatMinor === 0) return Promise.resolve(null);
    return ledger.post(executor, {
      kind: 'commission_invoice.issued',
      reference: invoice.id,
      memo: 'Commission invoice: platform fee and VAT',
      entries: [
        {
          account: 'merchant_receivable',
          ownerId: invoice.organizationId,
          amountMinor: invoice.feeMinor + invoice.vatMinor,
          currency: invoice.currency,
        },
        { account: 'platform_revenue', amountMinor: -invoice.feeMinor, currency: invoice.currency },
        { account: 'vat_payable', amountMinor: -invoice.vatMinor, currency: invoice.currency },
      ],
    });
  },

  commissionInvoicePaid(
    ledger: LedgerPort,
    executor: Executor,
    invoice: { id: string; organizationId: string; currency: string; totalMinor: number },
    method: 'card' | 'bank_transfer',
    paidAt: Date,
  ) {
    return ledger.post(executor, {
      kind: 'commission_invoice.paid',
      reference: invoice.id,
      memo: `Commission invoice paid by ${method === 'card' ? 'card' : 'bank transfer'}`,
      occurredAt: paidAt,
      entries: [
        {
          account: method === 'card' ? 'gateway_clearing' : 'bank',
          amountMinor: invoice.totalMinor,
          currency: invoice.currency,
        },
        {
          account: 'merchant_receivable',
          ownerId: invoice.organizationId,
          amountMinor: -invoice.totalMinor,
          currency: invoice.currency,
        },
      ],
    });
  },
};
