import { asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import {
  type paymentsAttempts,
  paymentsGatewayEvents,
  paymentsOrderEvents,
  paymentsOrderItems,
  paymentsOrders,
  paymentsRefunds,
  paymentsVouchers,
} from './schema.ts';

export type OrderRow = typeof paymentsOrders.$inferSelect;
export type OrderItemRow = typeof paymentsOrderItems.$inferSelect;
export type VoucherRow = typeof paymentsVouchers.$inferSelect;
export type RefundRow = typeof paymentsRefunds.$inferSelect;
export type OrderEventRow = typeof paymentsOrderEvents.$inferSelect;
export type AttemptRow = typeof paymentsAttempts.$inferSelect;
export type GatewayEventRow = typeof paymentsGatewayEvents.$inferSelect;

/** An order with everything hanging from it. */
export interface OrderBundle {
  order: OrderRow;
  items: OrderItemRow[];
  vouchers: VoucherRow[];
  refunds: RefundRow[];
  events: OrderEventRow[];
}

/** One line of an order's history. */
export async function recordOrderEvent(
  executor: Executor,
  orderId: string,
  type: string,
  actor: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await executor.insert(paymentsOrderEvents).values({ orderId, type, actor, data });
}

/** What a gateway said, kept whether it was accepted or not (the admin's gateway log). */
export async function recordGatewayEvent(
  executor: Executor,
  event: Omit<typeof paymentsGatewayEvents.$inferInsert, 'id' | 'createdAt'>,
): Promise<void> {
  await executor.insert(paymentsGatewayEvents).values(event);
}

/** Orders with their items, vouchers, refunds and history, in a few queries for a whole page. */
export async function loadBundles(executor: Executor | Database, orders: OrderRow[]): Promise<OrderBundle[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((order) => order.id);
  const [items, vouchers, refunds, events] = await Promise.all([
    executor.select().from(paymentsOrderItems).where(inArray(paymentsOrderItems.orderId, ids)),
    executor
      .select()
      .from(paymentsVouchers)
      .where(inArray(paymentsVouchers.orderId, ids))
      .orderBy(asc(paymentsVouchers.createdAt), asc(paymentsVouchers.code)),
    executor
      .select()
      .from(paymentsRefunds)
      .where(inArray(paymentsRefunds.orderId, ids))
      .orderBy(asc(paymentsRefunds.createdAt)),
    executor
      .select()
      .from(paymentsOrderEvents)
      .where(inArray(paymentsOrderEvents.orderId, ids))
      .orderBy(asc(paymentsOrderEvents.createdAt), asc(paymentsOrderEvents.id)),
  ]);
  return orders.map((order) => ({
    order,
    items: items.filter((item) => item.orderId === order.id),
    vouchers: vouchers.filter((voucher) => voucher.orderId === order.id),
    refunds: refunds.filter((refund) => refund.orderId === order.id),
    events: events.filter((event) => event.orderId === order.id),
  }));
}

export async function loadBundle(executor: Executor | Database, orderId: string): Promise<OrderBundle | null> {
  const [order] = await executor.select().from(paymentsOrders).where(eq(paymentsOrders.id, orderId));
  if (!order) return null;
  const [bundle] = await loadBundles(executor, [order]);
  return bundle ?? null;
}

/** Value a refund may still take: paid, minus refunded (or being refunded), minus redeemed units. */
export function refundableOf(bundle: OrderBundle): number {
  if (!['paid', 'partially_refunded'].includes(bundle.order.status)) return 0;
  const unit = bundle.items[0]?.unitPriceMinor ?? 0;
  const redeemed = bundle.vouchers.filter((voucher) => voucher.status === 'redeemed').length * unit;
  const pending = bundle.refunds
    .filter((refund) => refund.status === 'pending')
    .reduce((sum, refund) => sum + refund.amountMinor, 0);
  return Math.max(0, bundle.order.totalMinor - bundle.order.refundedMinor - pending - redeemed);
}
