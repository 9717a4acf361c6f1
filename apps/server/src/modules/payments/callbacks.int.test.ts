import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { buyer, placeOrder, readOrder, sandboxCallback, sandboxCallbackTampered } from '../../../test/payments.ts';

/** The fields CMI posts back for an order, approved unless told otherwise. */
function callbackFields(reference: string, amount: string, overrides: Record<string, string> = {}) {
  return {
    oid: reference,
    amount,
    currency: '504',
    ProcReturnCode: '00',
    Response: 'Approved',
    AuthCode: '123456',
    TransId: `T${reference}`,
    mdStatus: '1',
    ...overrides,
  };
}

describe('CMI callbacks: only a signed, matching callback fulfils, exactly once', () => {
  let test: TestApp;
  let merchant: TestUser;
  let deal: { id: string };

  beforeAll(async () => {
    test = await buildTestApp();
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    deal = await publishDeal(test, merchant, { stockQuantity: 50 });
  });
  afterAll(() => test.close());

  async function pendingOrder(quantity = 1) {
    const created = await placeOrder(test, { productId: deal.id, quantity, buyer: buyer(), gateway: 'sandbox' });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  }

  async function statusOf(order: { order: { id: string }; accessToken: string }) {
    return (await readOrder(test, order.order.id, { access: order.accessToken })).json();
  }

  async function voucherCount(orderId: string) {
    const rows = await rowsOf<{ count: number }>(
      test,
      sql`select count(*)::int as count from payments_vouchers where order_id = ${orderId} and status = 'valid'`,
    );
    return rows[0]?.count;
  }

  it('answers FAILURE to a tampered HASH and leaves the order unpaid (logged as rejected)', async () => {
    const order = await pendingOrder();
    const response = await sandboxCallbackTampered(test, callbackFields(order.order.reference, '1000.00'), {
      HASH: 'AAAA',
    });
    expect(response.body).toBe('FAILURE');
    expect(response.headers['content-type']).toContain('text/plain');
    expect((await statusOf(order)).status).toBe('pending_payment');
    const logged = await rowsOf<{ outcome: string; detail: string }>(
      test,
      sql`select outcome, detail from payments_gateway_events where external_id = ${order.order.reference}`,
    );
    expect(logged).toContainEqual({ outcome: 'rejected', detail: 'hash_mismatch' });
  });

  it('answers FAILURE when the amount was changed after signing', async () => {
    const order = await pendingOrder();
    const response = await sandboxCallbackTampered(test, callbackFields(order.order.reference, '1000.00'), {
      amount: '1.00',
    });
    expect(response.body).toBe('FAILURE');
    expect((await statusOf(order)).status).toBe('pending_payment');
  });

  it('answers FAILURE to a correctly signed callback whose amount differs from the order, and logs it', async () => {
    const order = await pendingOrder();
    const response = await sandboxCallback(test, callbackFields(order.order.reference, '10.00'));
    expect(response.body).toBe('FAILURE');
    expect((await statusOf(order)).status).toBe('pending_payment');
    const logged = await rowsOf<{ detail: string }>(
      test,
      sql`select detail from payments_gateway_events where order_id = ${order.order.id} and outcome = 'rejected'`,
    );
    expect(logged[0]?.detail).toBe('amount_mismatch: 1000 != 100000');
  });

  it('answers FAILURE to an unknown oid', async () => {
    const response = await sandboxCallback(test, callbackFields('SK-UNKNOWN1', '1000.00'));
    expect(response.body).toBe('FAILURE');
  });

  it('captures with ACTION=POSTAUTH; the same callback twice gives one paid order and one set of vouchers', async () => {
    const order = await pendingOrder(2);
    const fields = callbackFields(order.order.reference, '2000.00');
    expect((await sandboxCallback(test, fields)).body).toBe('ACTION=POSTAUTH');
    expect((await sandboxCallback(test, fields)).body).toBe('ACTION=POSTAUTH');
    expect((await statusOf(order)).status).toBe('paid');
    expect(await voucherCount(order.order.id)).toBe(2);
    const events = await rowsOf<{ type: string }>(
      test,
      sql`select type from payments_order_events where order_id = ${order.order.id} and type = 'paid'`,
    );
    expect(events).toHaveLength(1);
    const mails = await rowsOf<{ count: number }>(
      test,
      sql`select count(*)::int as count from mail_messages where template = 'order-confirmation' and to_address = ${order.order.buyer.email}`,
    );
    expect(mails[0]?.count).toBe(1);
  });

  it('acknowledges a declined callback with APPROVED; a later successful one still pays, once', async () => {
    const order = await pendingOrder();
    const declined = await sandboxCallback(
      test,
      callbackFields(order.order.reference, '1000.00', {
        ProcReturnCode: '51',
        Response: 'Declined',
        ErrMsg: 'Insufficient funds',
      }),
    );
    expect(declined.body).toBe('APPROVED');
    const afterDecline = await statusOf(order);
    expect(afterDecline).toMatchObject({ status: 'cancelled', lastPaymentError: 'Insufficient funds' });
    // The buyer tried again on the gateway's page with the same oid, and it went through.
    expect((await sandboxCallback(test, callbackFields(order.order.reference, '1000.00'))).body).toBe(
      'ACTION=POSTAUTH',
    );
    expect((await sandboxCallback(test, callbackFields(order.order.reference, '1000.00'))).body).toBe(
      'ACTION=POSTAUTH',
    );
    const paid = await statusOf(order);
    expect(paid).toMatchObject({ status: 'paid', lastPaymentError: null });
    expect(await voucherCount(order.order.id)).toBe(1);
  });

  it('a callback signed with another store key is refused', async () => {
    const order = await pendingOrder();
    const response = await sandboxCallback(test, callbackFields(order.order.reference, '1000.00'), {
      storeKey: 'not-the-key',
    });
    expect(response.body).toBe('FAILURE');
    expect((await statusOf(order)).status).toBe('pending_payment');
  });

  it('the browser’s return to okUrl never pays, even with a valid HASH', async () => {
    const order = await pendingOrder();
    const { sandboxCredentials } = await import('./gateways/gateway-registry.ts');
    const { cmiResponseHash } = await import('./gateways/cmi-hash.ts');
    const credentials = sandboxCredentials(test.runtime.config.PUBLIC_URL, test.runtime.config.AUTH_SECRET as string);
    const fields: Record<string, string> = {
      clientid: credentials.clientId,
      ...callbackFields(order.order.reference, '1000.00'),
    };
    fields.HASH = cmiResponseHash(fields, credentials.storeKey);
    const back = await test.app.inject({
      method: 'POST',
      url: '/payments/sandbox/ok',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/orders/${order.order.id}?access=${encodeURIComponent(order.accessToken)}`);
    expect((await statusOf(order)).status).toBe('pending_payment');
  });

  it('expires unpaid orders after their reservation and puts the units back', async () => {
    const order = await pendingOrder(4);
    const [before] = await rowsOf<{ stock: number }>(
      test,
      sql`select stock_quantity as stock from catalog_products where id = ${deal.id}`,
    );
    const expired = await test.runtime.services.payments.fulfilment.expireReservations(
      new Date(Date.now() + 16 * 60_000),
    );
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await statusOf(order)).status).toBe('expired');
    const [after] = await rowsOf<{ stock: number }>(
      test,
      sql`select stock_quantity as stock from catalog_products where id = ${deal.id}`,
    );
    expect((after?.stock ?? 0) - (before?.stock ?? 0)).toBeGreaterThanOrEqual(4);
    // Paid after all (the buyer was slow): the units are taken again if they are still there.
    expect((await sandboxCallback(test, callbackFields(order.order.reference, '4000.00'))).body).toBe(
      'ACTION=POSTAUTH',
    );
    expect((await statusOf(order)).status).toBe('paid');
  });
});
