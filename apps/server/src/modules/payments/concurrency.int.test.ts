import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDeal } from '../../../test/affiliation.ts';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { buyer, placeOrder, sandboxCallback } from '../../../test/payments.ts';

// Runs on PGlite by default and on PostgreSQL with TEST_DATABASE=postgres, where the 50 requests
// really race on separate connections.
describe('never oversell', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('50 concurrent checkouts for the last 10 units: exactly 10 paid orders, stock 0, never negative', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const deal = await publishDeal(test, merchant, { stockQuantity: 10, maxPerPurchase: 5 });
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () =>
        placeOrder(test, { productId: deal.id, quantity: 1, buyer: buyer(), gateway: 'sandbox' }),
      ),
    );
    const created = attempts.filter((response) => response.statusCode === 201).map((response) => response.json());
    const refused = attempts.filter((response) => response.statusCode !== 201);
    expect(created).toHaveLength(10);
    expect(refused.every((response) => [409, 422].includes(response.statusCode))).toBe(true);

    const answers = await Promise.all(
      created.map((order) =>
        sandboxCallback(test, {
          oid: order.order.reference,
          amount: order.payment.fields.amount,
          currency: '504',
          ProcReturnCode: '00',
          Response: 'Approved',
          TransId: `T-${order.order.reference}`,
        }),
      ),
    );
    expect(answers.map((answer) => answer.body)).toEqual(Array(10).fill('ACTION=POSTAUTH'));

    const [stock] = await rowsOf<{ stock: number }>(
      test,
      sql`select stock_quantity as stock from catalog_products where id = ${deal.id}`,
    );
    expect(stock?.stock).toBe(0);
    const [paid] = await rowsOf<{ n: number; vouchers: number }>(
      test,
      sql`select count(distinct o.id)::int as n, count(v.id)::int as vouchers from payments_orders o
          join payments_order_items i on i.order_id = o.id
          join payments_vouchers v on v.order_id = o.id and v.status = 'valid'
          where i.product_id = ${deal.id} and o.status = 'paid'`,
    );
    expect(paid).toEqual({ n: 10, vouchers: 10 });
    // The database itself refuses a negative stock, whatever a future code path does.
    await expect(
      test.runtime.database.db.execute(sql`update catalog_products set stock_quantity = -1 where id = ${deal.id}`),
    ).rejects.toThrow();
  });

  it('the same Idempotency-Key sent five times at once makes one order', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const deal = await publishDeal(test, merchant, { stockQuantity: 10 });
    const body = { productId: deal.id, quantity: 2, buyer: buyer(), gateway: 'sandbox' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(test, body, { headers: { 'idempotency-key': 'double-click-1' } })),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.json().order.id)).size).toBe(1);
    const [stock] = await rowsOf<{ stock: number }>(
      test,
      sql`select stock_quantity as stock from catalog_products where id = ${deal.id}`,
    );
    expect(stock?.stock).toBe(8);
  });
});
