import { paymentsProblemMessages } from '@souk/contracts/payments-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { call, joinTeam, origin, rowsOf } from '../../../test/catalog.ts';
import { type StripeFake, startStripeFake } from '../../../test/fakes/stripe-fake.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';
import { buyer, placeOrder, readOrder } from '../../../test/payments.ts';

describe('Stripe Checkout against a local Stripe', () => {
  let test: TestApp;
  let stripe: StripeFake;
  let merchant: TestUser;
  let deal: { id: string };

  beforeAll(async () => {
    stripe = await startStripeFake();
    test = await buildTestApp({
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.baseUrl,
        STRIPE_CURRENCIES: 'MAD,EUR',
        PAYMENTS_GATEWAY_TIMEOUT_MS: '2500',
      },
    });
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    deal = await publishDeal(test, merchant, { stockQuantity: 30 });
  });
  afterAll(async () => {
    await test.close();
    await stripe.close();
  });

  function webhook(delivery: { body: string; signature: string }) {
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/payments/stripe/webhook',
      headers: { 'content-type': 'application/json', 'stripe-signature': delivery.signature },
      payload: delivery.body,
    });
  }

  async function paidOrder(quantity = 2) {
    const created = await placeOrder(test, { productId: deal.id, quantity, buyer: buyer(), gateway: 'stripe' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    const sessionId = new URL(order.payment.url).pathname.split('/').pop() as string;
    const session = stripe.complete(sessionId);
    const response = await webhook(stripe.event('checkout.session.completed', session));
    expect(response.statusCode, response.body).toBe(200);
    return { ...order, session };
  }

  it('offers Stripe only (no sandbox once a real gateway is configured)', async () => {
    const checkout = (await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`)).json();
    expect(checkout.gateways).toEqual([{ id: 'stripe', test: true, currencies: ['MAD', 'EUR'] }]);
  });

  it('creates a Checkout Session with an Idempotency-Key; the same key and body give the same order', async () => {
    const body = { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'stripe' };
    const first = await placeOrder(test, body, { headers: { 'idempotency-key': 'checkout-1' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().payment.kind).toBe('redirect');
    expect(first.json().payment.url).toMatch(new RegExp(`^${stripe.baseUrl}/pay/cs_test_`));
    const session = stripe.sessions.get(new URL(first.json().payment.url).pathname.split('/').pop() as string);
    expect(session?.success_url).toBe(
      `${origin}/orders/${first.json().order.id}?access=${encodeURIComponent(first.json().accessToken)}&session_id=${session?.id}`,
    );
    expect(session?.amount_total).toBe(100_000);
    expect(stripe.requests.at(-1)?.idempotencyKey).toBeTruthy();

    const again = await placeOrder(test, body, { headers: { 'idempotency-key': 'checkout-1' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().order.id).toBe(first.json().order.id);
    expect(again.json().payment.url).toBe(first.json().payment.url);
    expect(again.json().accessToken).toBe(first.json().accessToken);

    const other = await placeOrder(test, { ...body, quantity: 2 }, { headers: { 'idempotency-key': 'checkout-1' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toBe(paymentsProblemMessages.en.idempotency_key_reused);
  });

  it('pays on checkout.session.completed; a replayed event changes nothing', async () => {
    const order = await paidOrder(2);
    const read = (await readOrder(test, order.order.id, { access: order.accessToken })).json();
    expect(read).toMatchObject({ status: 'paid', gateway: { id: 'stripe', test: true } });
    expect(read.vouchers.filter((voucher: { status: string }) => voucher.status === 'valid')).toHaveLength(2);
    // Another event about the same payment, then an exact redelivery of it: acknowledged, no effect.
    const replay = stripe.event('checkout.session.async_payment_succeeded', order.session, { id: 'evt_replayed' });
    expect((await webhook(replay)).json()).toMatchObject({ received: true, outcome: 'duplicate' });
    expect((await webhook(replay)).json()).toMatchObject({ received: true, outcome: 'duplicate' });
    const logged = await rowsOf<{ detail: string }>(
      test,
      sql`select detail from payments_gateway_events where external_id = 'evt_replayed' order by created_at`,
    );
    expect(logged.map((row) => row.detail)).toEqual(['duplicate', 'event already processed']);
    const [mails] = await rowsOf<{ count: number }>(
      test,
      sql`select count(*)::int as count from mail_messages where template = 'order-confirmation' and to_address = ${order.order.buyer.email}`,
    );
    expect(mails?.count).toBe(1);
  });

  it('refuses a webhook with a bad signature or older than 300 s, accepts one 299 s old', async () => {
    const created = (
      await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'stripe' })
    ).json();
    const session = stripe.complete(new URL(created.payment.url).pathname.split('/').pop() as string);
    const forged = await webhook(stripe.event('checkout.session.completed', session, { secret: 'whsec_forged' }));
    expect(forged.statusCode).toBe(400);
    const stale = await webhook(
      stripe.event('checkout.session.completed', session, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error).toBe('signature_too_old');
    expect((await readOrder(test, created.order.id, { access: created.accessToken })).json().status).toBe(
      'pending_payment',
    );
    const fresh = await webhook(
      stripe.event('checkout.session.completed', session, { timestamp: Math.floor(Date.now() / 1000) - 299 }),
    );
    expect(fresh.statusCode).toBe(200);
    expect((await readOrder(test, created.order.id, { access: created.accessToken })).json().status).toBe('paid');
  });

  it('refuses a webhook whose amount differs from the order', async () => {
    const created = (
      await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'stripe' })
    ).json();
    const session = stripe.complete(new URL(created.payment.url).pathname.split('/').pop() as string);
    const response = await webhook(stripe.event('checkout.session.completed', { ...session, amount_total: 100 }));
    expect(response.json().outcome).toBe('rejected');
    expect((await readOrder(test, created.order.id, { access: created.accessToken })).json().status).toBe(
      'pending_payment',
    );
  });

  it('refunds part, then the rest, through Stripe; never more than was paid; vouchers voided', async () => {
    const order = await paidOrder(2);
    const tooMuch = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: 200_001,
      reason: 'Client unhappy',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0]).toEqual({
      path: 'body.amountMinor',
      message: paymentsProblemMessages.en.refund_too_large,
    });

    const part = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: 100_000,
      reason: 'One guest cancelled',
    });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().order).toMatchObject({
      status: 'partially_refunded',
      refundedMinor: 100_000,
      refundableMinor: 100_000,
    });
    expect(
      part
        .json()
        .order.vouchers.map((voucher: { status: string }) => voucher.status)
        .sort(),
    ).toEqual(['valid', 'void']);
    expect(stripe.refunds.at(-1)).toMatchObject({ payment_intent: order.session.payment_intent, amount: 100_000 });
    expect(await latestMail(test, order.order.buyer.email, 'refund-processed')).not.toBeNull();

    const rest = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      reason: 'Closing the order',
    });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().order).toMatchObject({ status: 'refunded', refundedMinor: 200_000, refundableMinor: 0 });
    const none = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, { reason: 'Again' });
    expect(none.statusCode).toBe(409);
  });

  it('refuses a refund of redeemed vouchers', async () => {
    const order = await paidOrder(1);
    const read = (await readOrder(test, order.order.id, { access: order.accessToken })).json();
    const redeemed = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: read.vouchers[0].code });
    expect(redeemed.json().outcome).toBe('redeemed');
    const refused = await call(
      test,
      merchant,
      'POST',
      `/api/v1/orders/${order.order.id}/refunds`,
      { reason: 'After use' },
      'fr',
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(paymentsProblemMessages.fr.nothing_refundable);
  });

  it('a gateway timeout during a refund leaves the order consistent, and retrying refunds once', async () => {
    const order = await paidOrder(1);
    stripe.refundDelayMs = 3_500;
    const timedOut = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      reason: 'Timeout test',
    });
    expect(timedOut.statusCode).toBe(503);
    expect(timedOut.json().detail).toBe(paymentsProblemMessages.en.gateway_timeout);
    const meanwhile = (await call(test, merchant, 'GET', `/api/v1/orders/${order.order.id}`)).json();
    // Still paid, nothing counted as refunded, but nothing more can be refunded while it is pending.
    expect(meanwhile).toMatchObject({ status: 'paid', refundedMinor: 0, refundableMinor: 0 });
    expect(meanwhile.refunds).toMatchObject([{ status: 'pending', amountMinor: 100_000 }]);
    const other = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: 500,
      reason: 'Other',
    });
    expect(other.statusCode).toBe(409);

    stripe.refundDelayMs = 0;
    const retried = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      reason: 'Timeout test',
    });
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json().order).toMatchObject({ status: 'refunded', refundedMinor: 100_000 });
    expect(retried.json().refund.id).toBe(meanwhile.refunds[0].id);
    // Stripe applied it once: the retry reused the same Idempotency-Key.
    expect(stripe.refunds.filter((refund) => refund.payment_intent === order.session.payment_intent)).toHaveLength(1);
  });

  it('lets only the merchant owner/admin or a platform admin refund; others get 404 or 403', async () => {
    const order = await paidOrder(1);
    const otherMerchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const analyst = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    await joinTeam(test, merchant, analyst, 'analyst');
    const stranger = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const admin = await createTestUser(test, { role: 'admin', locale: 'en' });
    const url = `/api/v1/orders/${order.order.id}/refunds`;
    expect((await call(test, null, 'POST', url, { reason: 'No account' })).statusCode).toBe(401);
    expect((await call(test, otherMerchant, 'POST', url, { reason: 'Not mine' })).statusCode).toBe(404);
    expect((await call(test, stranger, 'POST', url, { reason: 'Not mine' })).statusCode).toBe(404);
    expect((await call(test, analyst, 'POST', url, { reason: 'Too junior' })).statusCode).toBe(403);
    const byAdmin = await call(test, admin, 'POST', url, { amountMinor: 1_000, reason: 'Goodwill gesture' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json().order.events.map((event: { type: string }) => event.type)).toContain('refunded');
  });

  it('gives the money back when a payment arrives after the units were sold to someone else', async () => {
    const scarce = await publishDeal(test, merchant, { stockQuantity: 1 });
    const late = (
      await placeOrder(test, { productId: scarce.id, quantity: 1, buyer: buyer(), gateway: 'stripe' })
    ).json();
    await test.runtime.services.payments.fulfilment.expireReservations(new Date(Date.now() + 16 * 60_000));
    const quick = await placeOrder(test, { productId: scarce.id, quantity: 1, buyer: buyer(), gateway: 'stripe' });
    expect(quick.statusCode, quick.body).toBe(201);
    const session = stripe.complete(new URL(late.payment.url).pathname.split('/').pop() as string);
    const response = await webhook(stripe.event('checkout.session.completed', session));
    expect(response.json()).toMatchObject({ received: true, outcome: 'unfulfillable' });
    expect(stripe.refunds.filter((refund) => refund.payment_intent === session.payment_intent)).toMatchObject([
      { amount: 100_000 },
    ]);
    const order = (await call(test, merchant, 'GET', `/api/v1/orders/${late.order.id}`)).json();
    expect(order.status).toBe('expired');
    expect(order.events.map((event: { type: string }) => event.type)).toEqual(
      expect.arrayContaining(['late_payment_unfulfillable', 'late_payment_refunded']),
    );
  });
});
