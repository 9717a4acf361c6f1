import type { Currency } from '@souk/contracts/catalog';
import type { GatewayId, MerchantOrderSummary, OrderStatus, OrderView } from '@souk/contracts/payments';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { pageAfter, pageOf } from './cursor.ts';
import { loadBundles } from './order-records.ts';
import type { OrderPresenter, ViewerRole } from './order-views.ts';
import {
  paymentsAttempts,
  paymentsGatewayEvents,
  paymentsOrderItems,
  paymentsOrders,
  paymentsVouchers,
} from './schema.ts';

export interface OrderFilter {
  buyerUserId?: string;
  organizationId?: string | undefined;
  productId?: string | undefined;
  status?: OrderStatus | undefined;
  gateway?: GatewayId | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Reads for lists: the buyer's orders, the merchant's, every order (admins), and the logs. */
export class OrderQueries {
  constructor(private readonly deps: { db: Database; presenter: OrderPresenter }) {}

  async orders(filter: OrderFilter, role: ViewerRole): Promise<{ items: OrderView[]; nextCursor: string | null }> {
    const conditions: (SQL | undefined)[] = [pageAfter(paymentsOrders.createdAt, paymentsOrders.id, filter.cursor)];
    if (filter.buyerUserId) conditions.push(eq(paymentsOrders.buyerUserId, filter.buyerUserId));
    if (filter.organizationId) conditions.push(eq(paymentsOrders.organizationId, filter.organizationId));
    if (filter.status) conditions.push(eq(paymentsOrders.status, filter.status));
    if (filter.gateway) conditions.push(eq(paymentsOrders.gateway, filter.gateway));
    if (filter.productId) {
      conditions.push(
        inArray(
          paymentsOrders.id,
          this.deps.db
            .select({ id: paymentsOrderItems.orderId })
            .from(paymentsOrderItems)
            .where(eq(paymentsOrderItems.productId, filter.productId)),
        ),
      );
    }
    const rows = await this.deps.db
      .select()
      .from(paymentsOrders)
      .where(and(...conditions))
      .orderBy(desc(paymentsOrders.createdAt), desc(paymentsOrders.id))
      .limit(filter.limit + 1);
    const page = pageOf(rows, filter.limit);
    const bundles = await loadBundles(this.deps.db, page.rows);
    return { items: await this.deps.presenter.views(bundles, role), nextCursor: page.nextCursor };
  }

  /**
   * Guest orders placed with this address become the account's (the checkout offers an account
   * afterwards). Only for a signed-in person: sign-in requires a verified address.
   */
  async claimGuestOrders(userId: string, email: string): Promise<number> {
    const claimed = await this.deps.db
      .update(paymentsOrders)
      .set({ buyerUserId: userId, updatedAt: new Date() })
      .where(and(isNull(paymentsOrders.buyerUserId), eq(paymentsOrders.buyerEmail, email.trim().toLowerCase())))
      .returning({ id: paymentsOrders.id });
    return claimed.length;
  }

  async merchantSummary(organizationId: string): Promise<MerchantOrderSummary> {
    const [money] = await this.deps.db
      .select({
        paidOrders: sql<number>`count(*) filter (where ${paymentsOrders.paidAt} is not null)::int`,
        paidMinor: sql<number>`coalesce(sum(${paymentsOrders.totalMinor}) filter (where ${paymentsOrders.paidAt} is not null), 0)::int`,
        refundedMinor: sql<number>`coalesce(sum(${paymentsOrders.refundedMinor}), 0)::int`,
        currency: sql<string | null>`min(${paymentsOrders.currency})`,
      })
      .from(paymentsOrders)
      .where(eq(paymentsOrders.organizationId, organizationId));
    const [vouchers] = await this.deps.db
      .select({
        sold: sql<number>`count(*) filter (where ${paymentsVouchers.status} <> 'pending' and not (${paymentsVouchers.status} = 'void' and ${paymentsOrders.paidAt} is null))::int`,
        redeemed: sql<number>`count(*) filter (where ${paymentsVouchers.status} = 'redeemed')::int`,
        voided: sql<number>`count(*) filter (where ${paymentsVouchers.status} = 'void' and ${paymentsOrders.paidAt} is not null)::int`,
      })
      .from(paymentsVouchers)
      .innerJoin(paymentsOrders, eq(paymentsOrders.id, paymentsVouchers.orderId))
      .where(eq(paymentsVouchers.organizationId, organizationId));
    return {
      organizationId,
      currency: (money?.currency ?? 'MAD') as Currency,
      paidOrders: money?.paidOrders ?? 0,
      revenueMinor: (money?.paidMinor ?? 0) - (money?.refundedMinor ?? 0),
      refundedMinor: money?.refundedMinor ?? 0,
      vouchersSold: vouchers?.sold ?? 0,
      vouchersRedeemed: vouchers?.redeemed ?? 0,
      vouchersVoid: vouchers?.voided ?? 0,
    };
  }

  async attempts(filter: {
    orderId?: string | undefined;
    gateway?: GatewayId | undefined;
    status?: 'started' | 'succeeded' | 'failed' | undefined;
    cursor?: string | undefined;
    limit: number;
  }) {
    const conditions: (SQL | undefined)[] = [pageAfter(paymentsAttempts.createdAt, paymentsAttempts.id, filter.cursor)];
    if (filter.orderId) conditions.push(eq(paymentsAttempts.orderId, filter.orderId));
    if (filter.gateway) conditions.push(eq(paymentsAttempts.gateway, filter.gateway));
    if (filter.status) conditions.push(eq(paymentsAttempts.status, filter.status));
    const rows = await this.deps.db
      .select({ attempt: paymentsAttempts, reference: paymentsOrders.reference })
      .from(paymentsAttempts)
      .innerJoin(paymentsOrders, eq(paymentsOrders.id, paymentsAttempts.orderId))
      .where(and(...conditions))
      .orderBy(desc(paymentsAttempts.createdAt), desc(paymentsAttempts.id))
      .limit(filter.limit + 1);
    const page = pageOf(
      rows.map((row) => ({ ...row.attempt, reference: row.reference })),
      filter.limit,
    );
    return {
      items: page.rows.map((row) => ({
        id: row.id,
        orderId: row.orderId,
        orderReference: row.reference,
        gateway: row.gateway,
        status: row.status,
        amountMinor: row.amountMinor,
        currency: row.currency,
        gatewayReference: row.gatewayReference,
        errorMessage: row.errorMessage,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async gatewayEvents(filter: {
    gateway?: GatewayId | undefined;
    outcome?: 'processed' | 'duplicate' | 'rejected' | 'ignored' | 'error' | undefined;
    orderId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  }) {
    const conditions: (SQL | undefined)[] = [
      pageAfter(paymentsGatewayEvents.createdAt, paymentsGatewayEvents.id, filter.cursor),
    ];
    if (filter.gateway) conditions.push(eq(paymentsGatewayEvents.gateway, filter.gateway));
    if (filter.outcome) conditions.push(eq(paymentsGatewayEvents.outcome, filter.outcome));
    if (filter.orderId) conditions.push(eq(paymentsGatewayEvents.orderId, filter.orderId));
    const rows = await this.deps.db
      .select()
      .from(paymentsGatewayEvents)
      .where(and(...conditions))
      .orderBy(desc(paymentsGatewayEvents.createdAt), desc(paymentsGatewayEvents.id))
      .limit(filter.limit + 1);
    const page = pageOf(rows, filter.limit);
    return {
      items: page.rows.map((row) => ({
        id: row.id,
        gateway: row.gateway,
        kind: row.kind,
        externalId: row.externalId,
        orderId: row.orderId,
        outcome: row.outcome,
        detail: row.detail,
        payload: row.payload,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
