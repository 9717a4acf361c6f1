import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripeSignatureHeader } from '../../src/modules/payments/gateways/stripe-signature.ts';

/**
 * A local server speaking the part of Stripe's HTTP API the platform uses: form-encoded POSTs
 * with Bearer auth and Idempotency-Key semantics (same key + same parameters = same answer; same
 * key + other parameters = 400 idempotency_error), JSON answers, `{error: {type, code, message}}`
 * bodies. Tests complete sessions and sign webhook events with the helpers below.
 */
export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  payment_intent: string | null;
  metadata: Record<string, string>;
  customer_email: string | null;
  success_url: string;
  cancel_url: string;
  mode: 'payment' | 'subscription';
  customer: string | null;
  subscription: string | null;
}

/** Stripe Billing's subscription, as much of it as the platform reads. */
export interface FakeSubscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: 'trialing' | 'active' | 'past_due' | 'canceled';
  cancel_at_period_end: boolean;
  current_period_start: number;
  current_period_end: number;
  trial_end: number | null;
  metadata: Record<string, string>;
  items: { data: { id: string; price: { unit_amount: number; currency: string; product: string } }[] };
  /** Each price change as asked: proration behaviour and amount. */
  changes: { amount: number; proration: string }[];
}

export interface StripeFake {
  baseUrl: string;
  secretKey: string;
  webhookSecret: string;
  sessions: Map<string, FakeSession>;
  customers: Map<string, { id: string; email: string; name: string; metadata: Record<string, string> }>;
  subscriptions: Map<string, FakeSubscription>;
  refunds: { id: string; payment_intent: string; amount: number }[];
  requests: { method: string; path: string; idempotencyKey: string | null }[];
  /** Delay every refund answer (the refund is still applied): simulates a lost response. */
  refundDelayMs: number;
  /** Marks a session paid as Stripe does when the card goes through. */
  complete(sessionId: string): FakeSession;
  /** Completes a subscription-mode session: the customer's subscription exists from now on. */
  completeSubscription(sessionId: string): FakeSubscription;
  /** A webhook delivery: raw body and its Stripe-Signature header (timestamp overridable). */
  event(
    type: string,
    object: unknown,
    options?: { id?: string; timestamp?: number; secret?: string },
  ): { body: string; signature: string; id: string };
  close(): Promise<void>;
}

function id(prefix: string) {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function flatForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function error(response: ServerResponse, status: number, type: string, code: string | null, message: string) {
  send(response, status, { error: { type, ...(code ? { code } : {}), message } });
}

export async function startStripeFake(): Promise<StripeFake> {
  const secretKey = `sk_test_${randomBytes(8).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const sessions = new Map<string, FakeSession>();
  const customers: StripeFake['customers'] = new Map();
  const subscriptions = new Map<string, FakeSubscription>();
  const refunds: StripeFake['refunds'] = [];
  const requests: StripeFake['requests'] = [];
  const idempotent = new Map<string, { hash: string; status: number; body: unknown }>();
  let baseUrl = '';

  const fake: StripeFake = {
    baseUrl: '',
    secretKey,
    webhookSecret,
    sessions,
    customers,
    subscriptions,
    refunds,
    requests,
    refundDelayMs: 0,
    complete(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent = id('pi');
      return session;
    },
    completeSubscription(sessionId) {
      const session = sessions.get(sessionId);
      if (session?.mode !== 'subscription' || !session.customer)
        throw new Error(`no subscription session ${sessionId}`);
      const now = Math.floor(Date.now() / 1000);
      const trialEnd = session.metadata.trial_end ? Number(session.metadata.trial_end) : null;
      const subscription: FakeSubscription = {
        id: id('sub'),
        object: 'subscription',
        customer: session.customer,
        status: trialEnd ? 'trialing' : 'active',
        cancel_at_period_end: false,
        current_period_start: now,
        current_period_end: trialEnd ?? now + 30 * 86_400,
        trial_end: trialEnd,
        metadata: { organization_id: session.metadata.organization_id ?? '', plan_id: session.metadata.plan_id ?? '' },
        items: {
          data: [
            {
              id: id('si'),
              price: { unit_amount: session.amount_total, currency: session.currency, product: id('prod') },
            },
          ],
        },
        changes: [],
      };
      subscriptions.set(subscription.id, subscription);
      session.status = 'complete';
      session.subscription = subscription.id;
      return subscription;
    },
    event(type, object, options = {}) {
      const eventId = options.id ?? id('evt');
      const body = JSON.stringify({
        id: eventId,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000),
        data: { object },
      });
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      return { body, signature: stripeSignatureHeader(options.secret ?? webhookSecret, timestamp, body), id: eventId };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(request: IncomingMessage, response: ServerResponse, raw: string) {
    const url = new URL(request.url ?? '/', baseUrl);
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ method: request.method ?? '', path: url.pathname, idempotencyKey: key });
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      return error(response, 401, 'invalid_request_error', null, 'Invalid API Key provided');
    }
    if (request.method === 'POST' && key) {
      const hash = createHash('sha256').update(`${url.pathname}\n${raw}`).digest('hex');
      const seen = idempotent.get(key);
      if (seen) {
        if (seen.hash !== hash) {
          return error(
            response,
            400,
            'idempotency_error',
            null,
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          );
        }
        if (url.pathname === '/v1/refunds' && fake.refundDelayMs > 0)
          await new Promise((resolve) => setTimeout(resolve, fake.refundDelayMs));
        return send(response, seen.status, seen.body);
      }
      const answer = route(request.method, url.pathname, flatForm(raw));
      idempotent.set(key, { hash, ...answer });
      if (url.pathname === '/v1/refunds' && fake.refundDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, fake.refundDelayMs));
      return send(response, answer.status, answer.body);
    }
    const answer = route(request.method ?? 'GET', url.pathname, flatForm(raw));
    return send(response, answer.status, answer.body);
  }

  function route(method: string, path: string, form: Record<string, string>): { status: number; body: unknown } {
    const missing = (what: string) => ({
      status: 404,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } },
    });
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const quantity = Number(form['line_items[0][quantity]'] ?? 0);
      const unit = Number(form['line_items[0][price_data][unit_amount]'] ?? 0);
      if (!form.success_url || !quantity || !unit) {
        return {
          status: 400,
          body: {
            error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param' },
          },
        };
      }
      const sessionId = id('cs_test');
      const session: FakeSession = {
        id: sessionId,
        object: 'checkout.session',
        url: `${baseUrl}/pay/${sessionId}`,
        status: 'open',
        payment_status: 'unpaid',
        amount_total: quantity * unit,
        currency: form['line_items[0][price_data][currency]'] ?? 'eur',
        client_reference_id: form.client_reference_id ?? null,
        payment_intent: null,
        metadata:
          form.mode === 'subscription'
            ? {
                organization_id: form['metadata[organization_id]'] ?? '',
                plan_id: form['metadata[plan_id]'] ?? '',
                ...(form['subscription_data[trial_end]'] ? { trial_end: form['subscription_data[trial_end]'] } : {}),
              }
            : { order_id: form['metadata[order_id]'] ?? '', reference: form['metadata[reference]'] ?? '' },
        customer_email: form.customer_email ?? null,
        success_url: form.success_url.replace('{CHECKOUT_SESSION_ID}', sessionId),
        cancel_url: form.cancel_url ?? '',
        mode: form.mode === 'subscription' ? 'subscription' : 'payment',
        customer: form.customer ?? null,
        subscription: null,
      };
      if (session.mode === 'subscription' && (!session.customer || !customers.has(session.customer))) {
        return missing('customer');
      }
      if (session.mode === 'subscription' && form['line_items[0][price_data][recurring][interval]'] !== 'month') {
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'recurring required' } },
        };
      }
      sessions.set(sessionId, session);
      return { status: 200, body: session };
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && sessionMatch) {
      const session = sessions.get(decodeURIComponent(sessionMatch[1] ?? ''));
      return session ? { status: 200, body: session } : missing('checkout.session');
    }
    if (method === 'POST' && path === '/v1/customers') {
      const customer = {
        id: id('cus'),
        object: 'customer',
        email: form.email ?? '',
        name: form.name ?? '',
        metadata: { organization_id: form['metadata[organization_id]'] ?? '' },
      };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!form.customer || !customers.has(form.customer)) return missing('customer');
      const portalId = id('bps');
      return {
        status: 200,
        body: {
          id: portalId,
          object: 'billing_portal.session',
          url: `${baseUrl}/portal/${portalId}`,
          return_url: form.return_url,
        },
      };
    }
    if (method === 'POST' && path === '/v1/products') {
      return { status: 200, body: { id: id('prod'), object: 'product', name: form.name ?? '' } };
    }
    const subscriptionMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (subscriptionMatch) {
      const subscription = subscriptions.get(decodeURIComponent(subscriptionMatch[1] ?? ''));
      if (!subscription) return missing('subscription');
      if (method === 'GET') return { status: 200, body: subscription };
      if (form.cancel_at_period_end !== undefined)
        subscription.cancel_at_period_end = form.cancel_at_period_end === 'true';
      const amount = form['items[0][price_data][unit_amount]'];
      if (amount !== undefined) {
        const item = subscription.items.data[0];
        if (item && form['items[0][id]'] !== item.id) return missing('subscription_item');
        if (item) item.price.unit_amount = Number(amount);
        subscription.changes.push({
          amount: Number(amount),
          proration: form.proration_behavior ?? 'create_prorations',
        });
        if (form['metadata[plan_id]']) subscription.metadata.plan_id = form['metadata[plan_id]'];
      }
      return { status: 200, body: subscription };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = form.payment_intent ?? '';
      const session = [...sessions.values()].find((candidate) => candidate.payment_intent === intent);
      if (!session) return missing('payment_intent');
      const amount = Number(form.amount ?? session.amount_total);
      const already = refunds
        .filter((refund) => refund.payment_intent === intent)
        .reduce((sum, refund) => sum + refund.amount, 0);
      if (amount > session.amount_total - already) {
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'charge_already_refunded',
              message: 'Refund amount is greater than unrefunded amount',
            },
          },
        };
      }
      const refund = { id: id('re'), object: 'refund', payment_intent: intent, amount, status: 'succeeded' };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    return {
      status: 404,
      body: {
        error: { type: 'invalid_request_error', code: null, message: `Unrecognized request URL (${method}: ${path})` },
      },
    };
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, response, Buffer.concat(chunks).toString('utf8')).catch((failure) => {
        error(response, 500, 'api_error', null, String(failure));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.baseUrl = baseUrl;
  return fake;
}
