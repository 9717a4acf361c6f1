import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { paymentsOrders, paymentsRefunds, paymentsVouchers } from './schema.ts';

/** A paid order ready to be settled to its merchant. */
export interface SettleableOrder {
  id: string;
  reference: string;
  organizationId: string;
  currency: string;
  totalMinor: number;
  paidAt: Date;
}

export interface ConfirmedRefund {
  id: string;
  orderId: string;
  reference: string;
  organizationId: string;
  currency: string;
  amountMinor: number;
  confirmedAt: Date;
}

/**
 * What merchant settlements read from the checkout (published by payments): paid orders whose
 * vouchers are all used (redeemed, or voided by a refund) or whose hold period has passed, and
 * refunds confirmed by the gateway.
 */
export class PaymentsSettlementDirectory {
  /**
   * Orders paid in [since, cutoff) that are settleable at `cutoff`: every voucher redeemed or
   * void (at least one redeemed) before it, or paid at least `holdDays` before it.
   */
  async settleableOrders(
    executor: Executor,
    options: { since: Date; cutoff: Date; holdDays: number; organizationId?: string | undefined },
  ): Promise<SettleableOrder[]> {
    const heldUntil = new Date(options.cutoff.getTime() - options.holdDays * 86_400_000);
    const rows = await executor
      .select({
        id: paymentsOrders.id,
        reference: paymentsOrders.reference,
        organizationId: paymentsOrders.organizationId,
        currency: paymentsOrders.currency,
        totalMinor: paymentsOrders.totalMinor,
        paidAt: paymentsOrders.paidAt,
      })
      .from(paymentsOrders)
      .where(
        and(
          inArray(paymentsOrders.status, ['paid', 'partially_refunded', 'refunded']),
          gte(paymentsOrders.paidAt, options.since),
          lt(paymentsOrders.paidAt, options.cutoff),
          options.organizationId ? eq(paymentsOrders.organizationId, options.organizationId) : undefined,
          sql`(${paymentsOrders.paidAt} <= ${heldUntil.toISOString()}
            or (not exists (select 1 from ${paymentsVouchers} v where v.order_id = ${paymentsOrders.id}
                  and not (v.status = 'void' or (v.status = 'redeemed' and v.redeemed_at < ${options.cutoff.toISOString()})))
                and exists (select 1 from ${paymentsVouchers} v where v.order_id = ${paymentsOrders.id} and v.status = 'redeemed')))`,
        ),
      )
      .orderBy(paymentsOrders.paidAt, paymentsOrders.id);
    return rows.map((row) => ({ ...row, paidAt: row.paidAt as Date }));
  }

  /** Refunds confirmed before `cutoff` on these orders. */
  async confirmedRefunds(executor: Executor, orderIds: readonly string[], cutoff: Date): Promise<ConfirmedRefund[]> {
    if (orderIds.length === 0) return [];
    const rows = await executor
      .select({
        id: paymentsRefunds.id,
        orderId: paymentsRefunds.orderId,
        reference: paymentsOrders.reference,
        organizationId: paymentsOrders.organizationId,
        currency: paymentsOrders.currency,
        amountMinor: paymentsRefunds.amountMinor,
        confirmedAt: paymentsRefunds.updatedAt,
      })
      .from(paymentsRefunds)
      .innerJoin(paymentsOrders, eq(paymentsOrders.id, paymentsRefunds.orderId))
      .where(
        and(
          inArray(paymentsRefunds.orderId, [...orderIds]),
          eq(paymentsRefunds.status, 'succeeded'),
          lt(paymentsRefunds.updatedAt, cutoff),
        ),
      )
      .orderBy(paymentsRefunds.updatedAt, paymentsRefunds.id);
    return rows;
  }
}
