import { paymentsProblemMessages } from '@souk/contracts/payments-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';
import { buyer, formOf, payWithSandbox, placeOrder, readOrder, testCards } from '../../../test/payments.ts';

describe('checkout through the sandbox gateway (CMI protocol)', () => {
  let test: TestApp;
  let merchant: TestUser;
  let deal: { id: string; slug: string };

  beforeAll(async () => {
    test = await buildTestApp();
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    deal = await publishDeal(test, merchant, { stockQuantity: 20, maxPerPurchase: 5 });
  });
  afterAll(() => test.close());

  it('offers the sandbox, labelled as a test, on a fresh install', async () => {
    const checkout = await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`);
    expect(checkout.statusCode, checkout.body).toBe(200);
    expect(checkout.json()).toMatchObject({
      purchasable: true,
      reason: null,
      maxQuantity: 5,
      product: {
        id: deal.id,
        unitPriceMinor: 100_000,
        originalPriceMinor: 150_000,
        currency: 'MAD',
        remainingStock: 20,
      },
      gateways: [{ id: 'sandbox', test: true, currencies: ['MAD'] }],
    });
  });

  it('buys two units with the test Visa: paid only by the callback, vouchers, mails with the PDF', async () => {
    const person = buyer();
    const created = await placeOrder(test, { productId: deal.id, quantity: 2, buyer: person, gateway: 'sandbox' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order.order).toMatchObject({ status: 'pending_payment', totalMinor: 200_000, currency: 'MAD' });
    expect(order.payment.kind).toBe('form');
    expect(order.payment.action).toBe('http://localhost:3000/sandbox/cmi/fim/est3Dgate');
    expect(order.payment.fields).toMatchObject({
      storetype: '3D_PAY_HOSTING',
      amount: '2000.00',
      currency: '504',
      hashAlgorithm: 'ver3',
      oid: order.order.reference,
    });
    // The store key signs the form; it is never in it.
    expect(Object.keys(order.payment.fields).map((key) => key.toLowerCase())).not.toContain('storekey');
    // Units are held from now on.
    expect((await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`)).json().product.remainingStock).toBe(
      18,
    );
    // Vouchers exist but show no code before payment.
    expect(
      order.order.vouchers.map((voucher: { code: string | null; status: string }) => [voucher.code, voucher.status]),
    ).toEqual([
      [null, 'pending'],
      [null, 'pending'],
    ]);

    const { location } = await payWithSandbox(test, order, testCards.visa);
    expect(location).toBe(`/orders/${order.order.id}?access=${encodeURIComponent(order.accessToken)}`);

    const paid = await readOrder(test, order.order.id, { access: order.accessToken });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      viewerRole: 'buyer',
      gateway: { id: 'sandbox', test: true },
      events: null,
    });
    const codes = paid.json().vouchers.map((voucher: { code: string }) => voucher.code);
    expect(codes).toHaveLength(2);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(2);

    const mail = await latestMail(test, person.email, 'order-confirmation');
    expect(mail?.subject).toContain(order.order.reference);
    for (const code of codes) expect(mail?.text).toContain(code);
    expect(mail?.attachments?.[0]).toMatchObject({
      filename: `souk-${order.order.reference}.pdf`,
      contentType: 'application/pdf',
    });
    expect(
      Buffer.from(mail?.attachments?.[0]?.contentBase64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await latestMail(test, merchant.email, 'merchant-new-order')).not.toBeNull();

    const pdf = await test.app.inject({ method: 'GET', url: paid.json().voucherPdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const qr = await test.app.inject({ method: 'GET', url: paid.json().vouchers[0].qrSvgUrl });
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain('<svg');
  });

  it('asks for 3-D Secure with the 3-DS card: the right code pays, a wrong one declines', async () => {
    const good = (
      await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'sandbox' })
    ).json();
    await payWithSandbox(test, good, testCards.threeDs, '123');
    expect((await readOrder(test, good.order.id, { access: good.accessToken })).json().status).toBe('paid');

    const bad = (
      await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'sandbox' })
    ).json();
    await payWithSandbox(test, bad, testCards.threeDs, '999');
    const declined = (await readOrder(test, bad.order.id, { access: bad.accessToken })).json();
    expect(declined.status).toBe('cancelled');
    expect(declined.lastPaymentError).toContain('3-D Secure');
  });

  it('declines an unknown card with a reason, releases the units and mails the buyer', async () => {
    const person = buyer();
    const before = (await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`)).json().product
      .remainingStock;
    const created = (
      await placeOrder(test, { productId: deal.id, quantity: 3, buyer: person, gateway: 'sandbox', locale: 'fr' })
    ).json();
    const { location, returnPage } = await payWithSandbox(test, created, testCards.unknown);
    expect(formOf(returnPage).action).toBe('http://localhost:3000/payments/sandbox/fail');
    expect(location).toContain(`/orders/${created.order.id}`);
    const order = (await readOrder(test, created.order.id, { access: created.accessToken })).json();
    expect(order.status).toBe('cancelled');
    expect(order.lastPaymentError).toBe('Carte refusée : ce n’est pas une carte de test.');
    expect(
      order.vouchers.every(
        (voucher: { status: string; code: string | null }) => voucher.status === 'void' && voucher.code === null,
      ),
    ).toBe(true);
    expect((await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`)).json().product.remainingStock).toBe(
      before,
    );
    expect((await latestMail(test, person.email, 'payment-failed'))?.locale).toBe('fr');
  });

  it('shows the card page in Arabic, right to left, labelled as a test gateway', async () => {
    const created = (
      await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'sandbox', locale: 'ar' })
    ).json();
    const page = await test.app.inject({
      method: 'POST',
      url: '/sandbox/cmi/fim/est3Dgate',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(created.payment.fields).toString(),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('بوابة دفع تجريبية');
    expect(page.body).toContain('<label for="card-number">');
    // A form whose HASH does not match is refused like CMI would.
    const tampered = await test.app.inject({
      method: 'POST',
      url: '/sandbox/cmi/fim/est3Dgate',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...created.payment.fields, amount: '1.00' }).toString(),
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('HASH');
  });

  it('refuses a quantity above the maximum or the stock, and an unknown gateway, in the caller’s language', async () => {
    const above = await placeOrder(
      test,
      { productId: deal.id, quantity: 6, buyer: buyer(), gateway: 'sandbox' },
      { locale: 'fr' },
    );
    expect(above.statusCode).toBe(422);
    expect(above.json().errors).toEqual([
      { path: 'body.quantity', message: paymentsProblemMessages.fr.quantity_above_maximum },
    ]);
    const small = await publishDeal(test, merchant, { stockQuantity: 2, maxPerPurchase: 5 });
    const stock = await placeOrder(
      test,
      { productId: small.id, quantity: 3, buyer: buyer(), gateway: 'sandbox' },
      { locale: 'ar' },
    );
    expect(stock.statusCode).toBe(422);
    expect(stock.json().errors[0].message).toBe(paymentsProblemMessages.ar.quantity_above_stock);
    const stripe = await placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'stripe' });
    expect(stripe.statusCode).toBe(422);
    expect(stripe.json().errors[0].message).toBe(paymentsProblemMessages.en.gateway_unavailable);
    const phone = await placeOrder(test, {
      productId: deal.id,
      quantity: 1,
      buyer: buyer({ phone: '12xxxxx' }),
      gateway: 'sandbox',
    });
    expect(phone.statusCode).toBe(422);
  });

  it('refuses an expired deal', async () => {
    const ending = await publishDeal(test, merchant, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const checkout = (await call(test, null, 'GET', `/api/v1/products/${ending.id}/checkout`)).json();
    expect(checkout).toMatchObject({ purchasable: false, reason: 'expired' });
    const refused = await placeOrder(test, { productId: ending.id, quantity: 1, buyer: buyer(), gateway: 'sandbox' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(paymentsProblemMessages.en.deal_expired);
  });
});
