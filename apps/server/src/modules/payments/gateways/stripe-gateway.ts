import type { Currency } from '@souk/contracts/catalog';
import {
  GatewayFailure,
  NotificationRejected,
  type PaymentGateway,
  type PaymentNotification,
  type RefundInput,
  type StartedPayment,
  type StartPaymentInput,
} from './gateway.ts';
import type { GatewayHttp } from './gateway-http.ts';
import { verifyStripeSignature } from './stripe-signature.ts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  apiBase: string;
  currencies: readonly Currency[];
}

/** Stripe's form encoding: nested keys as a[b][c]=v. */
export function stripeForm(fields: Record<string, unknown>, prefix = ''): string[] {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    if (typeof value === 'object') pairs.push(...stripeForm(value as Record<string, unknown>, name));
    else pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return pairs;
}

interface StripeSession {
  id: string;
  url?: string | null;
  status?: string;
  payment_status?: string;
  payment_intent?: string | null;
  amount_total?: number | null;
  currency?: string | null;
  client_reference_id?: string | null;
}

/** Events that move an order; everything else is acknowledged and ignored. */
const handledEvents = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
]);

/**
 * Stripe Checkout over its HTTP API (form-encoded POSTs with an Idempotency-Key, JSON answers),
 * at a configurable base URL so tests run it against a local server that speaks the same contract.
 */
export class StripeGateway implements PaymentGateway {
  readonly id = 'stripe' as const;

  constructor(
    private readonly settings: StripeSettings,
    private readonly http: GatewayHttp,
  ) {}

  get test() {
    return this.settings.secretKey.startsWith('sk_test_');
  }

  get currencies() {
    return this.settings.currencies;
  }

  async start(input: StartPaymentInput): Promise<StartedPayment> {
    const unitAmount = Math.round(input.amountMinor / input.quantity);
    const session = await this.call<StripeSession>(
      'POST',
      '/v1/checkout/sessions',
      {
        mode: 'payment',
        client_reference_id: input.orderId,
        customer_email: input.buyer.email,
        locale: input.locale === 'ar' ? 'auto' : input.locale,
        success_url: `${input.urls.ok}${input.urls.ok.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: input.urls.fail,
        metadata: { order_id: input.orderId, reference: input.reference },
        line_items: {
          0: {
            quantity: input.quantity,
            price_data: {
              currency: input.currency.toLowerCase(),
              unit_amount: unitAmount,
              product_data: { name: input.description.slice(0, 250) },
            },
          },
        },
      },
      input.attemptId,
    );
    if (!session.url) throw new GatewayFailure('refused', 'Stripe returned a session without a URL');
    return { start: { kind: 'redirect', url: session.url }, gatewayReference: session.id };
  }

  /** A webhook: signature on the raw bytes first, then the event. */
  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined, nowSeconds?: number): PaymentNotification | null {
    const check = verifyStripeSignature(signatureHeader, rawBody, this.settings.webhookSecret, nowSeconds);
    if (!check.ok) throw new NotificationRejected(`signature_${check.reason}`);
    let event: { id?: string; type?: string; data?: { object?: StripeSession } };
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new NotificationRejected('malformed_json');
    }
    if (!event.id || !event.type) throw new NotificationRejected('malformed_event');
    const session = event.data?.object;
    if (!handledEvents.has(event.type) || !session?.client_reference_id) {
      return {
        orderKey: { id: session?.client_reference_id ?? '' },
        outcome: 'pending',
        amountMinor: null,
        currency: null,
        gatewayReference: session?.id ?? null,
        paymentReference: null,
        message: null,
        eventId: event.id,
        eventType: event.type,
      };
    }
    const outcome =
      event.type === 'checkout.session.async_payment_failed' || event.type === 'checkout.session.expired'
        ? 'declined'
        : event.type === 'checkout.session.async_payment_succeeded' || session.payment_status === 'paid'
          ? 'approved'
          : 'pending';
    return {
      orderKey: { id: session.client_reference_id },
      outcome,
      amountMinor: typeof session.amount_total === 'number' ? session.amount_total : null,
      currency: (session.currency?.toUpperCase() as Currency | undefined) ?? null,
      gatewayReference: session.id,
      paymentReference: session.payment_intent ?? null,
      message: outcome === 'declined' ? event.type : null,
      eventId: event.id,
      eventType: event.type,
    };
  }

  async refund(input: RefundInput): Promise<{ reference: string }> {
    if (!input.paymentReference) throw new GatewayFailure('refused', 'no payment intent recorded for this order');
    const refund = await this.call<{ id: string; status?: string }>(
      'POST',
      '/v1/refunds',
      { payment_intent: input.paymentReference, amount: input.amountMinor, metadata: { reference: input.reference } },
      input.idempotencyKey,
    );
    if (refund.status === 'failed' || refund.status === 'canceled') {
      throw new GatewayFailure('refused', `refund ${refund.status}`);
    }
    return { reference: refund.id };
  }

  async status(input: { gatewayReference: string | null }): Promise<'paid' | 'unpaid' | 'unknown'> {
    if (!input.gatewayReference) return 'unknown';
    const session = await this.call<StripeSession>(
      'GET',
      `/v1/checkout/sessions/${encodeURIComponent(input.gatewayReference)}`,
    );
    return session.payment_status === 'paid' ? 'paid' : 'unpaid';
  }

  /** Any other call of Stripe's API (Stripe Billing uses it), with the same errors and key handling. */
  api<T>(method: 'GET' | 'POST', path: string, fields?: Record<string, unknown>, idempotencyKey?: string): Promise<T> {
    return this.call<T>(method, path, fields, idempotencyKey);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    fields?: Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.settings.secretKey}` };
    if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const answer = await this.http.send({
      method,
      url: `${this.settings.apiBase}${path}`,
      headers,
      ...(fields ? { body: stripeForm(fields).join('&') } : {}),
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      throw new GatewayFailure('unavailable', `Stripe answered ${answer.status} without JSON`);
    }
    if (answer.status >= 200 && answer.status < 300) return parsed as T;
    const error = (parsed as { error?: { type?: string; code?: string; message?: string } }).error;
    const message = error?.message ?? `Stripe answered ${answer.status}`;
    if (answer.status >= 500 || answer.status === 429) throw new GatewayFailure('unavailable', message);
    throw new GatewayFailure('refused', message);
  }
}
