import type { Currency } from '@souk/contracts/catalog';
import type { Executor } from '../../platform/db/database.ts';
import type { MoneyLedger } from './ports.ts';

/**
 * The checkout's money in the ledger. The gateway holds what the buyer paid until it pays it out
 * to Souk; Souk owes it to the merchant until the settlement (which deducts fees and commissions).
 */
export async function postOrderPaid(
  ledger: MoneyLedger,
  executor: Executor,
  order: { id: string; reference: string; organizationId: string; totalMinor: number; currency: Currency },
  paidAt: Date,
): Promise<void> {
  // A free order moves no money.
  if (order.totalMinor <= 0) return;
  await ledger.post(executor, {
    kind: 'order.paid',
    reference: order.id,
    memo: `Order ${order.reference}`,
    occurredAt: paidAt,
    entries: [
      { account: 'gateway_clearing', amountMinor: order.totalMinor, currency: order.currency },
      {
        account: 'merchant_payable',
        ownerId: order.organizationId,
        amountMinor: -order.totalMinor,
        currency: order.currency,
      },
    ],
  });
}

/** A confirmed refund: the merchant's due shrinks and the gateway gives the money back. */
export async function postOrderRefund(
  ledger: MoneyLedger,
  executor: Executor,
  order: { reference: string; organizationId: string; currency: Currency },
  refund: { id: string; amountMinor: number },
  refundedAt: Date,
): Promise<void> {
  if (refund.amountMinor <= 0) return;
  await ledger.post(executor, {
    kind: 'order.refund',
    reference: refund.id,
    memo: `Refund of order ${order.reference}`,
    occurredAt: refundedAt,
    entries: [
      {
        account: 'merchant_payable',
        ownerId: order.organizationId,
        amountMinor: refund.amountMinor,
        currency: order.currency,
      },
      { account: 'gateway_clearing', amountMinor: -refund.amountMinor, currency: order.currency },
    ],
  });
}
