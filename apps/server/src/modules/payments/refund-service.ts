import { QueueName } from '@souk/contracts/jobs';
import type { Locale } from '@souk/contracts/locales';
import type { RefundCreateInput } from '@souk/contracts/payments';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { GatewayFailure } from './gateways/gateway.ts';
import type { GatewayRegistry } from './gateways/gateway-registry.ts';
import { postOrderRefund } from './ledger-postings.ts';
import type { OrderMails } from './order-mails.ts';
import {
  loadBundle,
  type OrderBundle,
  type RefundRow,
  recordGatewayEvent,
  recordOrderEvent,
  refundableOf,
} from './order-records.ts';
import type { MoneyLedger, ProductCatalog } from './ports.ts';
import { invalid, refused } from './problems.ts';
import { paymentsAttempts, paymentsOrders, paymentsRefunds, paymentsVouchers } from './schema.ts';

export interface RefundRequest {
  orderId: string;
  input: RefundCreateInput;
  actorId: string;
  actorName: string;
  idempotencyKey: string | undefined;
  locale: Locale;
}

/**
 * Refunds through the gateway the order was paid with. The refund is written `pending` first
 * (it counts against what is refundable from that moment), then the gateway is asked with the
 * refund's id as its idempotency key. A timeout leaves it pending: asking again resumes that same
 * refund, and the gateway applies it once. Only a confirmed refund voids vouchers, changes the
 * order and reverses the commission.
 */
export class RefundService {
  constructor(
    private readonly deps: {
      db: Database;
      queue: Pick<JobQueue, 'enqueue'>;
      gateways: GatewayRegistry;
      products: ProductCatalog;
      mails: OrderMails;
      ledger: MoneyLedger;
    },
  ) {}

  async refund(request: RefundRequest): Promise<{ bundle: OrderBundle; refund: RefundRow }> {
    const { locale } = request;
    const pending = await this.deps.db.transaction(async (tx) => {
      const [order] = await tx
        .select()
        .from(paymentsOrders)
        .where(eq(paymentsOrders.id, request.orderId))
        .for('update');
      if (!order) throw new AppError('not_found');
      const bundle = (await loadBundle(tx, order.id)) as OrderBundle;
      if (request.idempotencyKey) {
        const same = bundle.refunds.find((refund) => refund.idempotencyKey === request.idempotencyKey);
        if (same) {
          if (request.input.amountMinor !== undefined && same.amountMinor !== request.input.amountMinor) {
            throw refused(locale, 'conflict', 'idempotency_key_reused');
          }
          return same;
        }
      }
      const inFlight = bundle.refunds.find((refund) => refund.status === 'pending');
      if (inFlight) {
        // A refund that timed out: asking again retries it, never adds another.
        if (request.input.amountMinor === undefined || request.input.amountMinor === inFlight.amountMinor)
          return inFlight;
        throw refused(locale, 'conflict', 'refund_in_progress');
      }
      if (!['paid', 'partially_refunded'].includes(order.status))
        throw refused(locale, 'conflict', 'order_not_refundable');
      const refundable = refundableOf(bundle);
      if (refundable <= 0) throw refused(locale, 'conflict', 'nothing_refundable');
      const amount = request.input.amountMinor ?? refundable;
      if (amount > refundable) throw invalid(locale, 'body.amountMinor', 'refund_too_large');
      const [row] = await tx
        .insert(paymentsRefunds)
        .values({
          orderId: order.id,
          amountMinor: amount,
          reason: request.input.reason,
          idempotencyKey: request.idempotencyKey ?? null,
          actorId: request.actorId,
        })
        .returning();
      await recordOrderEvent(tx, order.id, 'refund_requested', request.actorName, {
        amountMinor: amount,
        reason: request.input.reason,
      });
      return row as RefundRow;
    });
    if (pending.status !== 'pending') {
      return { bundle: (await loadBundle(this.deps.db, request.orderId)) as OrderBundle, refund: pending };
    }
    return this.execute(pending, request.actorName, locale);
  }

  private async execute(refund: RefundRow, actorName: string, locale: Locale) {
    const bundle = (await loadBundle(this.deps.db, refund.orderId)) as OrderBundle;
    const gateway = this.deps.gateways.get(bundle.order.gateway);
    if (!gateway) throw refused(locale, 'service_unavailable', 'gateway_refused');
    const [attempt] = await this.deps.db
      .select()
      .from(paymentsAttempts)
      .where(and(eq(paymentsAttempts.orderId, bundle.order.id), eq(paymentsAttempts.status, 'succeeded')));
    let reference: string;
    try {
      ({ reference } = await gateway.refund({
        reference: bundle.order.reference,
        paymentReference: attempt?.paymentReference ?? null,
        amountMinor: refund.amountMinor,
        currency: bundle.order.currency,
        idempotencyKey: refund.id,
      }));
    } catch (error) {
      if (!(error instanceof GatewayFailure)) throw error;
      await recordGatewayEvent(this.deps.db, {
        gateway: gateway.id,
        kind: 'refund',
        externalId: refund.id,
        orderId: bundle.order.id,
        outcome: 'error',
        detail: `${error.kind}: ${error.message}`,
        payload: { amountMinor: refund.amountMinor },
      });
      if (error.kind === 'refused') {
        // The gateway said no: nothing happened, the refund is closed as failed.
        await this.deps.db.transaction(async (tx) => {
          await tx
            .update(paymentsRefunds)
            .set({ status: 'failed', errorMessage: error.message, updatedAt: new Date() })
            .where(eq(paymentsRefunds.id, refund.id));
          await recordOrderEvent(tx, bundle.order.id, 'refund_failed', gateway.id, {
            refundId: refund.id,
            error: error.message,
          });
        });
        throw refused(locale, 'conflict', 'gateway_refused');
      }
      await recordOrderEvent(this.deps.db, bundle.order.id, 'refund_pending', gateway.id, {
        refundId: refund.id,
        error: error.message,
      });
      throw refused(locale, 'service_unavailable', 'gateway_timeout');
    }
    await this.deps.db.transaction(async (tx) => {
      const [settled] = await tx
        .update(paymentsRefunds)
        .set({ status: 'succeeded', gatewayReference: reference, updatedAt: new Date() })
        .where(and(eq(paymentsRefunds.id, refund.id), eq(paymentsRefunds.status, 'pending')))
        .returning();
      if (!settled) return;
      const [order] = await tx
        .update(paymentsOrders)
        .set({
          refundedMinor: sql`${paymentsOrders.refundedMinor} + ${refund.amountMinor}`,
          status: sql`case when ${paymentsOrders.refundedMinor} + ${refund.amountMinor} >= ${paymentsOrders.totalMinor} then 'refunded' else 'partially_refunded' end`,
          updatedAt: new Date(),
        })
        .where(eq(paymentsOrders.id, refund.orderId))
        .returning();
      if (!order) return;
      await postOrderRefund(this.deps.ledger, tx, order, refund, new Date());
      // Whole units covered by everything refunded so far are voided (unredeemed ones only).
      const unit = bundle.items[0]?.unitPriceMinor ?? 0;
      const voidTarget = unit > 0 ? Math.floor(order.refundedMinor / unit) : bundle.vouchers.length;
      const alreadyVoid = bundle.vouchers.filter((voucher) => voucher.status === 'void').length;
      const toVoid = bundle.vouchers
        .filter((voucher) => voucher.status === 'valid')
        .slice(0, Math.max(0, voidTarget - alreadyVoid))
        .map((voucher) => voucher.id);
      if (toVoid.length > 0) {
        await tx
          .update(paymentsVouchers)
          .set({ status: 'void' })
          .where(and(inArray(paymentsVouchers.id, toVoid), eq(paymentsVouchers.status, 'valid')));
        // Voided units of a deal that is still on sale go back to its stock.
        for (const item of bundle.items) await this.deps.products.release(item.productId, toVoid.length, tx);
      }
      await recordOrderEvent(tx, order.id, 'refunded', actorName, {
        refundId: refund.id,
        amountMinor: refund.amountMinor,
        gatewayReference: reference,
        vouchersVoided: toVoid.length,
      });
      await recordGatewayEvent(tx, {
        gateway: gateway.id,
        kind: 'refund',
        externalId: reference,
        orderId: order.id,
        outcome: 'processed',
        detail: null,
        payload: { refundId: refund.id, amountMinor: refund.amountMinor },
      });
      const after = (await loadBundle(tx, order.id)) as OrderBundle;
      await this.deps.mails.refundProcessed(tx, after, { ...refund, status: 'succeeded' });
      if (order.clickId)
        await this.deps.queue.enqueue(QueueName.PaymentsSyncAffiliation, { orderId: order.id }, { executor: tx });
    });
    const after = (await loadBundle(this.deps.db, refund.orderId)) as OrderBundle;
    const settled = after.refunds.find((row) => row.id === refund.id) as RefundRow;
    return { bundle: after, refund: settled };
  }
}
