import { createHash, randomInt } from 'node:crypto';
import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import {
  type CheckoutProduct,
  maxUnitsPerOrder,
  type NotPurchasableReason,
  type OrderCreated,
  type OrderCreateInput,
  orderPagePath,
  reservationMinutes,
} from '@souk/contracts/payments';
import { eq } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { OrderAccessTokens } from './access-tokens.ts';
import { GatewayFailure, type PaymentGateway } from './gateways/gateway.ts';
import type { GatewayRegistry } from './gateways/gateway-registry.ts';
import { loadBundle, recordOrderEvent } from './order-records.ts';
import type { OrderPresenter } from './order-views.ts';
import type { CheckoutProductFacts, ProductCatalog } from './ports.ts';
import { invalid, refused } from './problems.ts';
import { paymentsAttempts, paymentsOrderItems, paymentsOrders, paymentsVouchers } from './schema.ts';
import { generateVoucherCode } from './voucher-codes.ts';

export interface CreateOrderRequest {
  input: OrderCreateInput;
  buyerUserId: string | null;
  /** The tracked-link cookie, used when the body names no click. */
  clickCookie: string | undefined;
  idempotencyKey: string | undefined;
  locale: Locale;
}

const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(): string {
  let value = 'SK-';
  for (let index = 0; index < 8; index++) value += referenceAlphabet[randomInt(32)];
  return value;
}

function whyNotPurchasable(product: CheckoutProductFacts, now: Date): NotPurchasableReason | null {
  if (product.status === 'expired' || (product.expiresAt && product.expiresAt <= now)) return 'expired';
  if (product.status !== 'published' || product.moderationHold) return 'not_published';
  if (product.stockQuantity !== null && product.stockQuantity < product.minPerPurchase) return 'sold_out';
  return null;
}

function maxQuantityOf(product: CheckoutProductFacts): number {
  return Math.min(
    product.maxPerPurchase ?? maxUnitsPerOrder,
    product.stockQuantity ?? maxUnitsPerOrder,
    maxUnitsPerOrder,
  );
}

/** Checkout: what a deal offers, and creating an order (stock reserved, payment started). */
export class OrderService {
  constructor(
    private readonly deps: {
      db: Database;
      publicUrl: string;
      products: ProductCatalog;
      gateways: GatewayRegistry;
      tokens: OrderAccessTokens;
      presenter: OrderPresenter;
      merchantName(organizationId: string): Promise<string>;
    },
  ) {}

  async checkout(productId: string): Promise<CheckoutProduct> {
    const product = await this.deps.products.find(productId);
    if (!product || product.status === 'draft' || product.status === 'archived') throw new AppError('not_found');
    const reason = whyNotPurchasable(product, new Date());
    return {
      product: {
        id: product.id,
        title: product.title,
        slug: product.slug,
        image: await this.deps.products.firstImage(product.id),
        unitPriceMinor: product.unitPriceMinor,
        originalPriceMinor: product.originalPriceMinor,
        currency: product.currency,
        minPerPurchase: product.minPerPurchase,
        maxPerPurchase: product.maxPerPurchase,
        remainingStock: product.stockQuantity,
        expiresAt: product.expiresAt?.toISOString() ?? null,
        conditions: product.conditions,
        merchantName: await this.deps.merchantName(product.organizationId),
      },
      maxQuantity: Math.max(0, maxQuantityOf(product)),
      purchasable: reason === null,
      reason,
      gateways: this.deps.gateways.enabledFor(product.currency),
    };
  }

  async create(request: CreateOrderRequest): Promise<{ created: OrderCreated; replayed: boolean }> {
    const { input, locale } = request;
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (request.idempotencyKey) {
      const replay = await this.replay(request.idempotencyKey, requestHash, locale);
      if (replay) return { created: replay, replayed: true };
    }
    const product = await this.deps.products.find(input.productId);
    if (!product || product.status === 'draft' || product.status === 'archived') {
      throw invalid(locale, 'body.productId', 'deal_not_published');
    }
    const now = new Date();
    const reason = whyNotPurchasable(product, now);
    if (reason === 'expired') throw refused(locale, 'conflict', 'deal_expired');
    if (reason === 'not_published') throw refused(locale, 'conflict', 'deal_not_published');
    if (reason === 'sold_out') throw refused(locale, 'conflict', 'deal_sold_out');
    if (input.quantity < product.minPerPurchase) throw invalid(locale, 'body.quantity', 'quantity_below_minimum');
    if (input.quantity > Math.min(product.maxPerPurchase ?? maxUnitsPerOrder, maxUnitsPerOrder)) {
      throw invalid(locale, 'body.quantity', 'quantity_above_maximum');
    }
    if (product.stockQuantity !== null && input.quantity > product.stockQuantity) {
      throw invalid(locale, 'body.quantity', 'quantity_above_stock');
    }
    const gateway = this.deps.gateways.get(input.gateway);
    if (!gateway?.currencies.includes(product.currency)) {
      throw invalid(locale, 'body.gateway', 'gateway_unavailable');
    }
    const phone = parsePhoneNumberFromString(input.buyer.phone, 'MA');
    if (!phone?.isValid()) throw invalid(locale, 'body.buyer.phone', 'phone_invalid');

    let written: { order: typeof paymentsOrders.$inferSelect; attemptId: string } | null;
    try {
      written = await this.insertOrder(request, product, gateway, phone.number, requestHash, now);
    } catch (error) {
      // The same Idempotency-Key sent twice at once: the loser answers like a replay.
      if (!request.idempotencyKey || !isUniqueViolation(error)) throw error;
      const replay = await this.replay(request.idempotencyKey, requestHash, locale);
      if (!replay) throw error;
      return { created: replay, replayed: true };
    }
    if (!written) throw invalid(locale, 'body.quantity', 'quantity_above_stock');
    const payment = await this.startPayment(gateway, written.order.id, written.attemptId, product, locale);
    return { created: payment, replayed: false };
  }

  private insertOrder(
    request: CreateOrderRequest,
    product: CheckoutProductFacts,
    gateway: PaymentGateway,
    phone: string,
    requestHash: string,
    now: Date,
  ) {
    const { input } = request;
    const orderLocale = input.locale ?? request.locale;
    const total = product.unitPriceMinor * input.quantity;
    return this.deps.db.transaction(async (tx) => {
      // The one conditional update that decides who gets the last units.
      if (!(await this.deps.products.reserve(product.id, input.quantity, tx))) return null;
      const [order] = await tx
        .insert(paymentsOrders)
        .values({
          reference: newReference(),
          organizationId: product.organizationId,
          buyerUserId: request.buyerUserId,
          buyerName: input.buyer.name,
          buyerEmail: input.buyer.email.toLowerCase(),
          buyerPhone: phone,
          locale: orderLocale,
          currency: product.currency,
          totalMinor: total,
          gateway: gateway.id,
          gatewayTest: gateway.test,
          clickId: input.clickId ?? request.clickCookie ?? null,
          idempotencyKey: request.idempotencyKey ?? null,
          requestHash,
          reservationExpiresAt: new Date(now.getTime() + reservationMinutes * 60_000),
        })
        .returning();
      if (!order) throw new Error('order insert returned no row');
      await tx.insert(paymentsOrderItems).values({
        orderId: order.id,
        productId: product.id,
        title: product.title,
        slug: product.slug,
        unitPriceMinor: product.unitPriceMinor,
        quantity: input.quantity,
        conditions: product.conditions,
        address: product.address,
        expiresAt: product.expiresAt,
      });
      await tx.insert(paymentsVouchers).values(
        Array.from({ length: input.quantity }, () => ({
          orderId: order.id,
          organizationId: product.organizationId,
          productId: product.id,
          code: generateVoucherCode(),
          expiresAt: product.expiresAt,
        })),
      );
      const [attempt] = await tx
        .insert(paymentsAttempts)
        .values({ orderId: order.id, gateway: gateway.id, amountMinor: total, currency: product.currency })
        .returning();
      await recordOrderEvent(tx, order.id, 'created', 'buyer', {
        quantity: input.quantity,
        totalMinor: total,
        gateway: gateway.id,
        clickId: order.clickId,
      });
      return { order, attemptId: (attempt as { id: string }).id };
    });
  }

  /** The same Idempotency-Key again: the same order (and the same gateway session), nothing new. */
  private async replay(key: string, requestHash: string, locale: Locale): Promise<OrderCreated | null> {
    const [existing] = await this.deps.db.select().from(paymentsOrders).where(eq(paymentsOrders.idempotencyKey, key));
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw refused(locale, 'conflict', 'idempotency_key_reused');
    const [attempt] = await this.deps.db
      .select()
      .from(paymentsAttempts)
      .where(eq(paymentsAttempts.orderId, existing.id));
    const gateway = this.deps.gateways.get(existing.gateway);
    const product = await this.deps.products.find(
      (await loadBundle(this.deps.db, existing.id))?.items[0]?.productId ?? '',
    );
    if (!attempt || !gateway || !product || existing.status !== 'pending_payment') {
      const bundle = await loadBundle(this.deps.db, existing.id);
      return {
        order: await this.deps.presenter.one(bundle as NonNullable<typeof bundle>, 'buyer'),
        accessToken: this.deps.tokens.issue(existing.id),
        payment: {
          kind: 'redirect',
          url: `${this.deps.publicUrl}${orderPagePath(existing.id, this.deps.tokens.issue(existing.id))}`,
        },
      };
    }
    return this.startPayment(gateway, existing.id, attempt.id, product, locale);
  }

  private async startPayment(
    gateway: PaymentGateway,
    orderId: string,
    attemptId: string,
    product: CheckoutProductFacts,
    locale: Locale,
  ): Promise<OrderCreated> {
    const bundle = await loadBundle(this.deps.db, orderId);
    if (!bundle) throw new Error('order vanished');
    const { order } = bundle;
    const token = this.deps.tokens.issue(order.id);
    const base = this.deps.publicUrl;
    const returnTo = (outcome: 'ok' | 'fail') =>
      gateway.id === 'stripe'
        ? `${base}${orderPagePath(order.id, token)}${outcome === 'fail' ? '&cancelled=1' : ''}`
        : `${base}/payments/${gateway.id}/${outcome}`;
    try {
      const started = await gateway.start({
        orderId: order.id,
        reference: order.reference,
        attemptId,
        amountMinor: order.totalMinor,
        currency: order.currency as Currency,
        quantity: bundle.items[0]?.quantity ?? 1,
        description: product.title,
        locale: order.locale,
        buyer: { name: order.buyerName, email: order.buyerEmail, phone: order.buyerPhone },
        urls: {
          ok: returnTo('ok'),
          fail: returnTo('fail'),
          callback: `${base}/payments/${gateway.id}/callback`,
          shop: `${base}/p/${product.slug}`,
        },
      });
      await this.deps.db
        .update(paymentsAttempts)
        .set({ gatewayReference: started.gatewayReference, updatedAt: new Date() })
        .where(eq(paymentsAttempts.id, attemptId));
      return { order: await this.deps.presenter.one(bundle, 'buyer'), accessToken: token, payment: started.start };
    } catch (error) {
      if (!(error instanceof GatewayFailure)) throw error;
      // The gateway could not open a payment: the order ends here and its units go back.
      await this.deps.db.transaction(async (tx) => {
        const [cancelled] = await tx
          .update(paymentsOrders)
          .set({ status: 'cancelled', stockHeld: false, lastPaymentError: error.message, updatedAt: new Date() })
          .where(eq(paymentsOrders.id, order.id))
          .returning();
        if (cancelled && order.stockHeld) {
          for (const item of bundle.items) await this.deps.products.release(item.productId, item.quantity, tx);
        }
        await tx.update(paymentsVouchers).set({ status: 'void' }).where(eq(paymentsVouchers.orderId, order.id));
        await tx
          .update(paymentsAttempts)
          .set({ status: 'failed', errorMessage: error.message, updatedAt: new Date() })
          .where(eq(paymentsAttempts.id, attemptId));
        await recordOrderEvent(tx, order.id, 'payment_start_failed', gateway.id, { error: error.message });
      });
      throw refused(locale, 'service_unavailable', error.kind === 'timeout' ? 'gateway_timeout' : 'gateway_refused');
    }
  }
}
