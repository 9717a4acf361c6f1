import { QueueName } from '@souk/contracts/jobs';
import type { GatewayId } from '@souk/contracts/payments';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { PaymentGateway, PaymentNotification } from './gateways/gateway.ts';
import { postOrderPaid } from './ledger-postings.ts';
import type { OrderMails } from './order-mails.ts';
import { loadBundle, type OrderBundle, type OrderRow, recordGatewayEvent, recordOrderEvent } from './order-records.ts';
import type { MoneyLedger, ProductCatalog } from './ports.ts';
import { paymentsAttempts, paymentsOrders, paymentsProcessedWebhooks, paymentsVouchers } from './schema.ts';

/**
 * What a verified gateway message did:
 * - `paid`: the order is paid (now, or it already was: a repeat changes nothing);
 * - `unfulfillable`: paid too late, its units were sold meanwhile (not captured / refunded);
 * - `declined`, `ignored`, `duplicate`: nothing to capture;
 * - `rejected`: unknown order, wrong amount or currency (logged; CMI is told FAILURE).
 */
export type NotificationOutcome = 'paid' | 'unfulfillable' | 'declined' | 'ignored' | 'duplicate' | 'rejected';

/** Sensitive or bulky fields never stored in the gateway log. */
const maskedFields = /^(hash|pan|cvv|cv2|.*card.*number.*|maskedcreditcard|password|ecom_payment_card_number)$/i;

export function loggablePayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [key, maskedFields.test(key) ? '[masked]' : value]),
  );
}

/** Turns gateway messages into order state, exactly once; and expires unpaid reservations. */
export class FulfilmentService {
  constructor(
    private readonly deps: {
      db: Database;
      queue: Pick<JobQueue, 'enqueue'>;
      products: ProductCatalog;
      mails: OrderMails;
      ledger: MoneyLedger;
      logger: { warn(details: object, message: string): void };
    },
  ) {}

  async handle(
    gateway: GatewayId,
    notification: PaymentNotification,
    payload: Record<string, unknown>,
  ): Promise<{ outcome: NotificationOutcome; order: OrderRow | null }> {
    if (notification.outcome === 'pending' && !('reference' in notification.orderKey)) {
      // Events that move nothing (another event type, an unpaid async session): acknowledged, logged.
      await recordGatewayEvent(this.deps.db, {
        gateway,
        kind: notification.eventType,
        externalId: notification.eventId,
        orderId: null,
        outcome: 'ignored',
        detail: null,
        payload: loggablePayload(payload),
      });
      return { outcome: 'ignored', order: null };
    }
    const order = await this.findOrder(notification);
    const log = (
      outcome: 'processed' | 'duplicate' | 'rejected' | 'ignored',
      detail: string | null,
      executor: Executor = this.deps.db,
    ) =>
      recordGatewayEvent(executor, {
        gateway,
        kind: notification.eventType,
        externalId: notification.eventId ?? notification.gatewayReference,
        orderId: order?.id ?? null,
        outcome,
        detail,
        payload: loggablePayload(payload),
      });
    if (!order || order.gateway !== gateway) {
      await log('rejected', 'unknown_order');
      return { outcome: 'rejected', order: null };
    }
    if (notification.outcome !== 'pending') {
      if (notification.amountMinor !== null && notification.amountMinor !== order.totalMinor) {
        this.deps.logger.warn(
          { orderId: order.id, gateway, stated: notification.amountMinor, expected: order.totalMinor },
          'gateway amount differs from the order',
        );
        await log('rejected', `amount_mismatch: ${notification.amountMinor} != ${order.totalMinor}`);
        await recordOrderEvent(this.deps.db, order.id, 'payment_rejected', gateway, {
          reason: 'amount_mismatch',
          amountMinor: notification.amountMinor,
        });
        return { outcome: 'rejected', order };
      }
      if (notification.currency !== null && notification.currency !== order.currency) {
        await log('rejected', `currency_mismatch: ${notification.currency} != ${order.currency}`);
        return { outcome: 'rejected', order };
      }
    }
    const merchantName = await this.deps.mails.merchantName(order.organizationId);
    return this.deps.db.transaction(async (tx) => {
      if (notification.eventId) {
        const fresh = await tx
          .insert(paymentsProcessedWebhooks)
          .values({ gateway, eventId: notification.eventId })
          .onConflictDoNothing()
          .returning();
        if (fresh.length === 0) {
          await log('duplicate', 'event already processed', tx);
          return { outcome: 'duplicate' as const, order };
        }
      }
      let outcome: NotificationOutcome;
      if (notification.outcome === 'approved')
        outcome = await this.markPaid(tx, order.id, gateway, notification, merchantName);
      else if (notification.outcome === 'declined')
        outcome = await this.markDeclined(tx, order.id, gateway, notification);
      else outcome = 'ignored';
      await log(outcome === 'ignored' ? 'ignored' : outcome === 'duplicate' ? 'duplicate' : 'processed', outcome, tx);
      const [after] = await tx.select().from(paymentsOrders).where(eq(paymentsOrders.id, order.id));
      return { outcome, order: after ?? order };
    });
  }

  private async findOrder(notification: PaymentNotification): Promise<OrderRow | null> {
    const key = notification.orderKey;
    if ('id' in key && !/^[0-9a-f-]{36}$/i.test(key.id)) return null;
    const [row] = await this.deps.db
      .select()
      .from(paymentsOrders)
      .where('id' in key ? eq(paymentsOrders.id, key.id) : eq(paymentsOrders.reference, key.reference));
    return row ?? null;
  }

  private async markPaid(
    tx: Executor,
    orderId: string,
    gateway: GatewayId,
    notification: PaymentNotification,
    merchantName: string,
  ): Promise<NotificationOutcome> {
    const now = new Date();
    const [order] = await tx.select().from(paymentsOrders).where(eq(paymentsOrders.id, orderId)).for('update');
    if (!order) return 'rejected';
    if (order.paidAt) return 'duplicate';
    const bundle = (await loadBundle(tx, orderId)) as OrderBundle;
    if (!order.stockHeld) {
      // Paid after the reservation lapsed (or after a decline): the units must be taken again.
      for (const item of bundle.items) {
        if (!(await this.deps.products.reserve(item.productId, item.quantity, tx))) {
          await recordOrderEvent(tx, orderId, 'late_payment_unfulfillable', gateway, {
            gatewayReference: notification.gatewayReference,
          });
          return 'unfulfillable';
        }
      }
    }
    await tx
      .update(paymentsOrders)
      .set({ status: 'paid', paidAt: now, stockHeld: true, lastPaymentError: null, updatedAt: now })
      .where(eq(paymentsOrders.id, orderId));
    await tx.update(paymentsVouchers).set({ status: 'valid' }).where(eq(paymentsVouchers.orderId, orderId));
    await this.settleAttempt(tx, orderId, 'succeeded', notification);
    await postOrderPaid(this.deps.ledger, tx, order, now);
    await recordOrderEvent(tx, orderId, 'paid', gateway, {
      gatewayReference: notification.gatewayReference,
      paymentReference: notification.paymentReference,
    });
    const paid = (await loadBundle(tx, orderId)) as OrderBundle;
    await this.deps.mails.confirmation(tx, paid, merchantName);
    await this.deps.mails.merchantNewOrder(tx, paid, merchantName);
    if (order.clickId) await this.deps.queue.enqueue(QueueName.PaymentsSyncAffiliation, { orderId }, { executor: tx });
    return 'paid';
  }

  private async markDeclined(
    tx: Executor,
    orderId: string,
    gateway: GatewayId,
    notification: PaymentNotification,
  ): Promise<NotificationOutcome> {
    const now = new Date();
    const message = notification.message ?? 'declined';
    await this.settleAttempt(tx, orderId, 'failed', notification);
    const [cancelled] = await tx
      .update(paymentsOrders)
      .set({ status: 'cancelled', stockHeld: false, lastPaymentError: message, updatedAt: now })
      .where(and(eq(paymentsOrders.id, orderId), eq(paymentsOrders.status, 'pending_payment')))
      .returning();
    if (!cancelled) {
      await recordOrderEvent(tx, orderId, 'payment_failed_ignored', gateway, { message });
      return 'ignored';
    }
    await this.releaseUnits(tx, orderId);
    await recordOrderEvent(tx, orderId, 'payment_failed', gateway, { message });
    await this.deps.mails.paymentFailed(tx, (await loadBundle(tx, orderId)) as OrderBundle);
    return 'declined';
  }

  private async settleAttempt(
    tx: Executor,
    orderId: string,
    status: 'succeeded' | 'failed',
    notification: PaymentNotification,
  ): Promise<void> {
    await tx
      .update(paymentsAttempts)
      .set({
        status,
        ...(notification.paymentReference ? { paymentReference: notification.paymentReference } : {}),
        ...(notification.gatewayReference ? { gatewayReference: notification.gatewayReference } : {}),
        errorMessage: status === 'failed' ? (notification.message ?? 'declined') : null,
        updatedAt: new Date(),
      })
      .where(eq(paymentsAttempts.orderId, orderId));
  }

  private async releaseUnits(tx: Executor, orderId: string): Promise<void> {
    const bundle = (await loadBundle(tx, orderId)) as OrderBundle;
    for (const item of bundle.items) await this.deps.products.release(item.productId, item.quantity, tx);
    await tx
      .update(paymentsVouchers)
      .set({ status: 'void' })
      .where(and(eq(paymentsVouchers.orderId, orderId), eq(paymentsVouchers.status, 'pending')));
  }

  /**
   * A captured payment we cannot honour (its units were sold after the reservation lapsed): the
   * money goes back at once, once (the order id is the gateway's idempotency key).
   */
  async returnLatePayment(gateway: PaymentGateway, order: OrderRow, notification: PaymentNotification): Promise<void> {
    try {
      const { reference } = await gateway.refund({
        reference: order.reference,
        paymentReference: notification.paymentReference,
        amountMinor: order.totalMinor,
        currency: order.currency,
        idempotencyKey: `late-${order.id}`,
      });
      await recordOrderEvent(this.deps.db, order.id, 'late_payment_refunded', gateway.id, { reference });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordGatewayEvent(this.deps.db, {
        gateway: gateway.id,
        kind: 'refund',
        externalId: `late-${order.id}`,
        orderId: order.id,
        outcome: 'error',
        detail: `late payment not returned: ${message}`,
        payload: { amountMinor: order.totalMinor },
      });
    }
  }

  /** Unpaid orders past their 15 minutes: expired, units back. Each one in its own transaction. */
  async expireReservations(now = new Date()): Promise<number> {
    const due = await this.deps.db
      .select({ id: paymentsOrders.id })
      .from(paymentsOrders)
      .where(and(eq(paymentsOrders.status, 'pending_payment'), lt(paymentsOrders.reservationExpiresAt, now)))
      .limit(500);
    let expired = 0;
    for (const { id } of due) {
      const done = await this.deps.db.transaction(async (tx) => {
        const [row] = await tx
          .update(paymentsOrders)
          .set({ status: 'expired', stockHeld: false, updatedAt: now })
          .where(
            and(
              eq(paymentsOrders.id, id),
              eq(paymentsOrders.status, 'pending_payment'),
              eq(paymentsOrders.stockHeld, true),
            ),
          )
          .returning();
        if (!row) return false;
        await this.releaseUnits(tx, id);
        await tx
          .update(paymentsAttempts)
          .set({ status: 'failed', errorMessage: 'reservation expired', updatedAt: now })
          .where(and(eq(paymentsAttempts.orderId, id), inArray(paymentsAttempts.status, ['started'])));
        await recordOrderEvent(tx, id, 'expired', 'system', {});
        return true;
      });
      if (done) expired++;
    }
    return expired;
  }
}
