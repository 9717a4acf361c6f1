import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import { paymentsProblemMessages, redemptionMessages } from '@souk/contracts/payments-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, clickLink, flushClicks, publishDeal } from '../../../test/affiliation.ts';
import { call, joinTeam, origin, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';
import { buyer, payWithSandbox, placeOrder, readOrder, testCards } from '../../../test/payments.ts';
import { generateVoucherCode } from './voucher-codes.ts';

describe('vouchers, order permissions and commissions', () => {
  let test: TestApp;
  let merchant: TestUser;
  let deal: { id: string };

  beforeAll(async () => {
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0' } });
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    deal = await publishDeal(test, merchant, { stockQuantity: 40 });
  });
  afterAll(() => test.close());

  async function paidOrder(
    options: {
      user?: TestUser;
      quantity?: number;
      productId?: string;
      headers?: Record<string, string>;
      clickId?: string;
    } = {},
  ) {
    const created = await placeOrder(
      test,
      {
        productId: options.productId ?? deal.id,
        quantity: options.quantity ?? 1,
        buyer: buyer(options.user ? { email: options.user.email } : {}),
        gateway: 'sandbox',
        ...(options.clickId ? { clickId: options.clickId } : {}),
      },
      { user: options.user ?? null, headers: options.headers ?? {} },
    );
    expect(created.statusCode, created.body).toBe(201);
    await payWithSandbox(test, created.json(), testCards.mastercard);
    const read = (await readOrder(test, created.json().order.id, { access: created.json().accessToken })).json();
    expect(read.status).toBe('paid');
    return { ...read, accessToken: created.json().accessToken as string };
  }

  it('redeems once; the second scan says when and by whom; the buyer is told', async () => {
    const order = await paidOrder();
    const code = order.vouchers[0].code as string;
    const lookup = await call(test, merchant, 'POST', '/api/v1/vouchers/lookup', { code });
    expect(lookup.json()).toMatchObject({
      outcome: 'valid',
      ok: true,
      voucher: { code, status: 'valid', buyerName: order.buyer.name },
    });
    const first = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', {
      code: code.toLowerCase().replaceAll('-', ' '),
    });
    expect(first.json()).toMatchObject({ outcome: 'redeemed', ok: true, message: redemptionMessages.en.redeemed });
    const second = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code }, 'fr');
    expect(second.json()).toMatchObject({
      outcome: 'already_redeemed',
      ok: false,
      message: redemptionMessages.fr.already_redeemed,
      voucher: { status: 'redeemed' },
    });
    expect(second.json().voucher.redeemedAt).toBeTruthy();
    expect(second.json().voucher.redeemedBy).toBeTruthy();
    expect(await latestMail(test, order.buyer.email, 'voucher-redeemed')).not.toBeNull();
  });

  it('two phones at once: exactly one redeems', async () => {
    const order = await paidOrder();
    const code = order.vouchers[0].code as string;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code })),
    );
    const outcomes = results.map((result) => result.json().outcome).sort();
    expect(outcomes.filter((outcome) => outcome === 'redeemed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'already_redeemed')).toHaveLength(5);
  });

  it('says "invalid code" for one wrong character, never "already used"; not found, other merchant, void, expired', async () => {
    const order = await paidOrder();
    const code = order.vouchers[0].code as string;
    await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code });
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    const typo = await call(
      test,
      merchant,
      'POST',
      '/api/v1/vouchers/redeem',
      { code: code.slice(0, -1) + last },
      'ar',
    );
    expect(typo.json()).toEqual({
      outcome: 'invalid_code',
      ok: false,
      message: redemptionMessages.ar.invalid_code,
      voucher: null,
    });
    expect(
      (await call(test, merchant, 'POST', '/api/v1/vouchers/lookup', { code: generateVoucherCode() })).json().outcome,
    ).toBe('not_found');

    const rival = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const fresh = await paidOrder();
    const foreign = await call(test, rival, 'POST', '/api/v1/vouchers/redeem', { code: fresh.vouchers[0].code });
    expect(foreign.json()).toMatchObject({ outcome: 'other_merchant', voucher: null });

    const refunded = await paidOrder();
    expect(
      (await call(test, merchant, 'POST', `/api/v1/orders/${refunded.id}/refunds`, { reason: 'Cancelled' })).statusCode,
    ).toBe(201);
    expect(
      (await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: refunded.vouchers[0].code })).json()
        .outcome,
    ).toBe('void');

    const late = await paidOrder();
    await test.runtime.database.db.execute(
      sql`update payments_vouchers set expires_at = now() - interval '1 day' where order_id = ${late.id}`,
    );
    expect(
      (await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: late.vouchers[0].code })).json().outcome,
    ).toBe('expired');
    // A voucher whose order is not paid yet has no code anyone could know; by code it says not paid.
    const [pending] = await rowsOf<{ code: string }>(
      test,
      sql`select v.code from payments_vouchers v join payments_orders o on o.id = v.order_id where o.status = 'pending_payment' limit 1`,
    );
    if (pending)
      expect(
        (await call(test, merchant, 'POST', '/api/v1/vouchers/lookup', { code: pending.code })).json().outcome,
      ).toBe('not_paid');
  });

  it('redemption needs a merchant team member (editor or more); an analyst may only look up', async () => {
    const order = await paidOrder();
    const code = order.vouchers[0].code;
    expect((await call(test, null, 'POST', '/api/v1/vouchers/redeem', { code })).statusCode).toBe(401);
    const influencer = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    expect((await call(test, influencer, 'POST', '/api/v1/vouchers/redeem', { code })).statusCode).toBe(403);
    const analyst = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    await joinTeam(test, merchant, analyst, 'analyst');
    const team = (await test.runtime.services.identity.teams.membershipsOf(merchant.id))[0]?.teamId as string;
    expect(
      (await call(test, analyst, 'POST', '/api/v1/vouchers/lookup', { code, organizationId: team })).json().outcome,
    ).toBe('valid');
    expect(
      (await call(test, analyst, 'POST', '/api/v1/vouchers/redeem', { code, organizationId: team })).statusCode,
    ).toBe(403);
  });

  it('shows an order to its buyer, team and admins only; codes are the buyer’s', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const order = await paidOrder({ user: owner });
    const otherBuyer = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const otherMerchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const admin = await createTestUser(test, { role: 'admin', locale: 'en' });

    expect((await readOrder(test, order.id)).statusCode).toBe(404);
    expect((await readOrder(test, order.id, { access: 'forged-token' })).statusCode).toBe(404);
    expect((await readOrder(test, order.id, { user: otherBuyer })).statusCode).toBe(404);
    expect((await readOrder(test, order.id, { user: otherMerchant })).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/vouchers.pdf` })).statusCode).toBe(
      404,
    );
    expect(
      (await test.app.inject({ method: 'GET', url: `/api/v1/vouchers/${order.vouchers[0].code}/qr.svg?access=nope` }))
        .statusCode,
    ).toBe(404);

    const asOwner = (await readOrder(test, order.id, { user: owner })).json();
    expect(asOwner).toMatchObject({ viewerRole: 'buyer', events: null });
    expect(asOwner.vouchers[0].code).toBe(order.vouchers[0].code);
    const asMerchant = (await readOrder(test, order.id, { user: merchant })).json();
    expect(asMerchant.viewerRole).toBe('merchant');
    expect(asMerchant.vouchers[0].code).toMatch(/••••$/);
    expect(asMerchant.voucherPdfUrl).toBeNull();
    expect(asMerchant.events.map((event: { type: string }) => event.type)).toEqual(['created', 'paid']);
    const asAdmin = (await readOrder(test, order.id, { user: admin })).json();
    expect(asAdmin.viewerRole).toBe('admin');

    const mine = (await call(test, owner, 'GET', '/api/v1/orders')).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([order.id]);
    expect((await call(test, otherBuyer, 'GET', '/api/v1/orders')).json().items).toEqual([]);
    expect((await call(test, null, 'GET', '/api/v1/orders')).statusCode).toBe(401);

    const merchantList = await call(test, merchant, 'GET', '/api/v1/merchant/orders?limit=2');
    expect(merchantList.statusCode).toBe(200);
    expect(merchantList.json().items).toHaveLength(2);
    expect(merchantList.json().nextCursor).toBeTruthy();
    const next = await call(
      test,
      merchant,
      'GET',
      `/api/v1/merchant/orders?limit=2&cursor=${merchantList.json().nextCursor}`,
    );
    expect(next.json().items[0].id).not.toBe(merchantList.json().items[1].id);
    expect((await call(test, otherMerchant, 'GET', '/api/v1/merchant/orders')).json().items).toEqual([]);
    expect((await call(test, owner, 'GET', '/api/v1/merchant/orders')).statusCode).toBe(403);
    const summary = (await call(test, merchant, 'GET', '/api/v1/merchant/orders/summary')).json();
    expect(summary.paidOrders).toBeGreaterThanOrEqual(1);
    expect(summary.revenueMinor).toBe(summary.paidOrders * 100_000 - summary.refundedMinor);

    expect((await call(test, merchant, 'GET', '/api/v1/admin/orders')).statusCode).toBe(403);
    expect((await call(test, admin, 'GET', '/api/v1/admin/orders')).json().items.length).toBeGreaterThan(0);
    expect(
      (await call(test, admin, 'GET', `/api/v1/admin/payment-attempts?orderId=${order.id}`)).json().items[0],
    ).toMatchObject({
      status: 'succeeded',
      gateway: 'sandbox',
    });
    expect(
      (await call(test, admin, 'GET', `/api/v1/admin/gateway-events?orderId=${order.id}`)).json().items.length,
    ).toBeGreaterThan(0);
    expect((await call(test, merchant, 'GET', '/api/v1/admin/gateway-events')).statusCode).toBe(403);
  });

  it('a paid order from a tracked link (cookie) makes exactly one pending commission; a refund reverses it', async () => {
    const { merchant: seller, product, link, influencer } = await affiliatedLink(test, { deal: { stockQuantity: 10 } });
    const { clickId } = await clickLink(test, link.code);
    await flushClicks(test);
    const order = await paidOrder({ productId: product.id, headers: { cookie: `souk_cid=${clickId}` } });
    const commission = await eventually(async () => {
      const rows = await rowsOf<{ status: string; amount: number; influencer: string }>(
        test,
        sql`select c.status, c.amount_minor as amount, c.influencer_id as influencer from affiliation_commissions c
            join affiliation_conversions v on v.id = c.conversion_id where v.order_ref = ${order.reference}`,
      );
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(commission).toEqual({ status: 'pending', amount: 10_000, influencer: influencer.id });
    const refund = await call(test, seller, 'POST', `/api/v1/orders/${order.id}/refunds`, {
      reason: 'Customer cancelled',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    await eventually(async () => {
      const rows = await rowsOf<{ status: string }>(
        test,
        sql`select c.status from affiliation_commissions c join affiliation_conversions v on v.id = c.conversion_id where v.order_ref = ${order.reference}`,
      );
      expect(rows).toEqual([{ status: 'reversed' }]);
    });
  });

  it('a merchant buying their own deal through a tracked link creates no commission', async () => {
    const { merchant: seller, product, link } = await affiliatedLink(test, { deal: { stockQuantity: 10 } });
    const { clickId } = await clickLink(test, link.code);
    await flushClicks(test);
    const order = await paidOrder({ productId: product.id, user: seller, clickId: clickId as string });
    expect(order.status).toBe('paid');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows = await rowsOf<{ n: number }>(
      test,
      sql`select count(*)::int as n from affiliation_conversions where order_ref = ${order.reference}`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('a buyer with a redeemed voucher reviews the deal once, marked as a verified purchase', async () => {
    const person = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const reviewed = await publishDeal(test, merchant, { stockQuantity: 5 });
    const order = await paidOrder({ user: person, productId: reviewed.id });
    const review = { rating: 5, title: 'Parfait', body: 'Accueil chaleureux, massage excellent.' };
    const early = await call(test, person, 'POST', `/api/v1/products/${reviewed.id}/reviews`, review, 'fr');
    expect(early.statusCode).toBe(403);
    expect(early.json().detail).toBe(catalogProblemMessages.fr.review_requires_redemption);
    const stranger = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    expect((await call(test, stranger, 'POST', `/api/v1/products/${reviewed.id}/reviews`, review)).statusCode).toBe(
      403,
    );
    expect((await call(test, null, 'POST', `/api/v1/products/${reviewed.id}/reviews`, review)).statusCode).toBe(401);

    await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: order.vouchers[0].code });
    const written = await call(test, person, 'POST', `/api/v1/products/${reviewed.id}/reviews`, review);
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({ rating: 5, verifiedPurchase: true });
    expect((await call(test, person, 'POST', `/api/v1/products/${reviewed.id}/reviews`, review)).statusCode).toBe(409);
    const listed = await call(test, null, 'GET', `/api/v1/marketplace/products/${reviewed.slug}/reviews`);
    expect(listed.json().items[0]).toMatchObject({ body: review.body, verifiedPurchase: true });
  });

  it('a guest who signs up later finds the orders placed with their address', async () => {
    const person = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const created = await placeOrder(test, {
      productId: deal.id,
      quantity: 1,
      buyer: buyer({ email: person.email.toUpperCase() }),
      gateway: 'sandbox',
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await call(test, person, 'GET', '/api/v1/orders');
    const mine = response.json();
    expect(
      mine.items.map((item: { id: string }) => item.id),
      response.body,
    ).toEqual([created.json().order.id]);
    const someoneElse = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    expect((await call(test, someoneElse, 'GET', '/api/v1/orders')).json().items).toEqual([]);
  });

  it('refund problems are translated', async () => {
    const order = await paidOrder();
    const tooMuch = await call(
      test,
      merchant,
      'POST',
      `/api/v1/orders/${order.id}/refunds`,
      { amountMinor: 999_999, reason: 'x y z' },
      'ar',
    );
    expect(tooMuch.json().errors[0].message).toBe(paymentsProblemMessages.ar.refund_too_large);
    expect(origin).toBe('http://localhost:3000');
  });
});
