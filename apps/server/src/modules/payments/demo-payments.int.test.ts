import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { seedDemoData } from '../../seed/seed-demo.ts';

describe('demo orders', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('gives each demo merchant paid orders with vouchers, once', async () => {
    await seedDemoData(test.runtime.services);
    const count = async () =>
      (
        await rowsOf<{ orders: number; redeemed: number; valid: number }>(
          test,
          sql`select count(distinct o.id)::int as orders,
                   count(*) filter (where v.status = 'redeemed')::int as redeemed,
                   count(*) filter (where v.status = 'valid')::int as valid
            from payments_orders o join payments_vouchers v on v.order_id = o.id
            where o.status = 'paid' and o.reference like 'SK-DEMO%'`,
        )
      )[0];
    const first = await count();
    expect(first?.orders).toBeGreaterThanOrEqual(3);
    expect(first?.redeemed).toBe(first?.orders);
    expect(first?.valid).toBeGreaterThan(0);
    await seedDemoData(test.runtime.services);
    expect(await count()).toEqual(first);
    // A demo order refunds through the sandbox like any other.
    const [order] = await rowsOf<{ id: string }>(
      test,
      sql`select id from payments_orders where reference like 'SK-DEMO%' limit 1`,
    );
    const admin = await createTestUser(test, { role: 'admin', locale: 'en' });
    const refund = await call(test, admin, 'POST', `/api/v1/orders/${order?.id}/refunds`, {
      amountMinor: 100,
      reason: 'Demo refund',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().refund.status).toBe('succeeded');
  });
});
