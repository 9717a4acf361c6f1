import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { buyer, payWithSandbox, placeOrder, readOrder, testCards } from '../../../test/payments.ts';
import { sandboxCredentials } from './gateways/gateway-registry.ts';

const publicUrl = 'http://localhost:3000';
const secret = 'test-secret-test-secret-test-secret-0123';

// The real CMI adapter, configured as an operator would, with its base URL on the sandbox: the
// form, the callback to /payments/cmi/callback and the XML refund API all cross the protocol.
describe('the CMI gateway pointed at the sandbox', () => {
  let test: TestApp;
  const credentials = sandboxCredentials(publicUrl, secret);

  beforeAll(async () => {
    test = await buildTestApp({
      env: {
        CMI_CLIENT_ID: credentials.clientId,
        CMI_STORE_KEY: credentials.storeKey,
        CMI_API_USER: credentials.apiUser,
        CMI_API_PASSWORD: credentials.apiPassword,
        CMI_BASE_URL: credentials.baseUrl,
        CMI_MODE: 'live',
        PAYMENTS_SANDBOX: 'on',
      },
    });
  });
  afterAll(() => test.close());

  it('pays through CMI and refunds through its API', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const deal = await publishDeal(test, merchant, { stockQuantity: 5 });
    const checkout = (await call(test, null, 'GET', `/api/v1/products/${deal.id}/checkout`)).json();
    expect(checkout.gateways).toEqual([
      { id: 'cmi', test: false, currencies: ['MAD'] },
      { id: 'sandbox', test: true, currencies: ['MAD'] },
    ]);
    const created = await placeOrder(test, { productId: deal.id, quantity: 2, buyer: buyer(), gateway: 'cmi' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order.payment.fields.callbackUrl).toBe(`${publicUrl}/payments/cmi/callback`);
    expect(order.payment.fields.clientid).toBe(credentials.clientId);
    await payWithSandbox(test, order, testCards.mastercard);
    const paid = (await readOrder(test, order.order.id, { access: order.accessToken })).json();
    expect(paid).toMatchObject({ status: 'paid', gateway: { id: 'cmi', test: false } });

    const refund = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: 100_000,
      reason: 'One guest could not come',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().order).toMatchObject({ status: 'partially_refunded', refundedMinor: 100_000 });
    // The acquirer refuses more than it captured, and we say so.
    await test.runtime.database.db.execute(
      sql`update payments_sandbox_transactions set refunded_minor = amount_minor where oid = ${order.order.reference}`,
    );
    const refused = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      reason: 'The rest',
    });
    expect(refused.statusCode).toBe(409);
    const after = (await call(test, merchant, 'GET', `/api/v1/orders/${order.order.id}`)).json();
    expect(after.refunds.map((row: { status: string }) => row.status)).toEqual(['succeeded', 'failed']);
    expect(after.status).toBe('partially_refunded');
  });
});
