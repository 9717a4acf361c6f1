import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { buyer, payWithSandbox, placeOrder, sandboxCallback, testCards } from '../../../test/payments.ts';

describe('payments in the ledger', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('posts a paid order once (even when the gateway repeats itself) and each confirmed refund', async () => {
    const ledger = test.runtime.services.ledger.ledger;
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const deal = await publishDeal(test, merchant, { stockQuantity: 10, maxPerPurchase: 5 });
    const created = await placeOrder(test, { productId: deal.id, quantity: 2, buyer: buyer(), gateway: 'sandbox' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    const callback = {
      oid: order.order.reference,
      amount: order.payment.fields.amount,
      currency: '504',
      ProcReturnCode: '00',
      Response: 'Approved',
      TransId: `T-${order.order.reference}`,
    };
    await payWithSandbox(test, order, testCards.visa);
    // The gateway repeating itself changes nothing.
    await sandboxCallback(test, callback);
    const total: number = order.order.totalMinor;
    const organizationId: string = order.order.merchant.organizationId;
    expect(await ledger.balance('merchant_payable', organizationId)).toBe(-total);
    expect(await ledger.balance('gateway_clearing', null)).toBe(total);

    const refund = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: 100,
      reason: 'Partial refund',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(await ledger.balance('merchant_payable', organizationId)).toBe(-(total - 100));
    expect(await ledger.balance('gateway_clearing', null)).toBe(total - 100);

    // A refused refund (more than what is left) moves nothing.
    const tooMuch = await call(test, merchant, 'POST', `/api/v1/orders/${order.order.id}/refunds`, {
      amountMinor: total,
      reason: 'Too much',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(await ledger.balance('merchant_payable', organizationId)).toBe(-(total - 100));

    const report = await ledger.check();
    expect(report.ok).toBe(true);
    expect(report.transactions).toBe(2);
  });
});
