import type { PayoutRun } from '@souk/contracts/payouts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Affiliated, affiliatedLink, apiKeyOf, clickLink, flushClicks, withKey } from '../test/affiliation.ts';
import { call, rowsOf, teamOf } from '../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../test/harness.ts';
import { submitIndividualKyc } from '../test/kyc.ts';
import { buyer, paidSaleThroughLink, payWithSandbox, placeOrder, readOrder, testCards } from '../test/payments.ts';

/**
 * The money backbone's acceptance: one month of activity across modules — checkout sales through
 * tracked links, sales reported through the conversions API, refunds, approvals, redemptions —
 * then the month's runs. The payout run pays exactly the approved commissions, the ledger balances
 * to zero, each merchant's settlement reconciles with its paid orders, and the invoices issued
 * along the way are numbered 1..N without a gap.
 */
describe('a month of money', () => {
  let test: TestApp;
  let admin: TestUser;
  let ip = 20;

  beforeAll(async () => {
    // Sales follow their click within milliseconds here; unredeemed vouchers wait 60 days to settle.
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0', SETTLEMENT_HOLD_DAYS: '60' } });
    admin = await createTestUser(test, { role: 'admin', locale: 'en' });
  });
  afterAll(() => test.close());

  async function approveKyc(user: TestUser) {
    const submitted = await submitIndividualKyc(test, user);
    expect((await call(test, admin, 'GET', `/api/v1/admin/kyc/${submitted.id}`)).statusCode).toBe(200);
    const decided = await call(test, admin, 'POST', `/api/v1/admin/kyc/${submitted.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
  }

  async function freshClick(affiliated: Affiliated): Promise<string> {
    const { clickId } = await clickLink(test, affiliated.link.code, { ip: `203.0.113.${ip++}` });
    await flushClicks(test);
    return clickId as string;
  }

  /** A 1,000.00 MAD order paid through the influencer's link, with its commission's id. */
  function _checkoutSale(affiliated: Affiliated) {
    return paidSaleThroughLink(test, affiliated, `203.0.113.${ip++}`);
  }

  async function checkoutSale(affiliated: Affiliated) {
    const created = await placeOrder(test, {
      productId: affiliated.product.id,
      quantity: 1,
      buyer: buyer(),
      gateway: 'sandbox',
      clickId: await freshClick(affiliated),
    });
    expect(created.statusCode, created.body).toBe(201);
    await payWithSandbox(test, created.json(), testCards.visa);
    const order = (await readOrder(test, created.json().order.id, { access: created.json().accessToken })).json();
    expect(order.status).toBe('paid');
    const commissionId = await eventually(async () => {
      const rows = await rowsOf<{ id: string }>(
        test,
        sql`select c.id from affiliation_commissions c join affiliation_conversions v on v.id = c.conversion_id
            where v.order_ref = ${order.reference}`,
      );
      expect(rows).toHaveLength(1);
      return rows[0]?.id as string;
    });
    return { order, commissionId };
  }

  async function redeem(merchant: TestUser, code: string) {
    const redeemed = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code });
    expect(redeemed.json().outcome).toBe('redeemed');
  }

  async function approve(merchant: TestUser, commissionId: string) {
    const approved = await call(test, merchant, 'POST', `/api/v1/commissions/${commissionId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
  }

  it('pays the approved commissions, balances the ledger, reconciles settlements and numbers invoices 1..N', async () => {
    // Merchant A sells on Souk through Alice's link: two orders redeemed and approved, one refunded whole.
    const alice = await affiliatedLink(test, { deal: { stockQuantity: 20 } });
    await approveKyc(alice.influencer);
    const kept = [await checkoutSale(alice), await checkoutSale(alice)];
    for (const sale of kept) {
      await redeem(alice.merchant, sale.order.vouchers[0].code);
      await approve(alice.merchant, sale.commissionId);
    }
    const refunded = await checkoutSale(alice);
    const refund = await call(test, alice.merchant, 'POST', `/api/v1/orders/${refunded.order.id}/refunds`, {
      reason: 'Client absent',
    });
    expect(refund.statusCode, refund.body).toBe(201);

    // Merchant B reports sales made elsewhere through Bob's link: both approved, one partly refunded.
    const bob = await affiliatedLink(test);
    await approveKyc(bob.influencer);
    const key = await apiKeyOf(test, bob.merchant, ['conversions:write']);
    for (const [orderRef, amount] of [
      ['B-1', 150_000],
      ['B-2', 120_000],
    ] as const) {
      const reported = await withKey(test, key, 'POST', '/api/v1/conversions', {
        clickId: await freshClick(bob),
        orderRef,
        amount,
        currency: 'MAD',
      });
      expect(reported.statusCode, reported.body).toBe(201);
      await approve(bob.merchant, reported.json().commission.id);
    }
    const partial = await withKey(test, key, 'POST', '/api/v1/conversions/B-2/refund', {
      amount: 20_000,
      refundRef: 'R-B-2',
    });
    expect(partial.statusCode, partial.body).toBe(200);
    // Merchant B also sells once on Souk without any link: no commission, but a settlement line.
    const direct = await placeOrder(test, {
      productId: bob.product.id,
      quantity: 1,
      buyer: buyer(),
      gateway: 'sandbox',
    });
    expect(direct.statusCode, direct.body).toBe(201);
    await payWithSandbox(test, direct.json(), testCards.visa);
    const directOrder = (await readOrder(test, direct.json().order.id, { access: direct.json().accessToken })).json();
    await redeem(bob.merchant, directOrder.vouchers[0].code);

    // The month closes: settlements, commission invoices, then the payout run.
    const now = new Date();
    const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const after = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2));
    const settled = await test.runtime.services.settlements.settlements.run(period, 'en', after);
    const invoiced = await test.runtime.services.settlements.commissionInvoices.run(period, 'en', after);
    expect(invoiced.created).toHaveLength(1);
    const created = await call(test, admin, 'POST', '/api/v1/admin/payout-runs', { period });
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json() as PayoutRun;

    // 1. The payout run pays exactly the approved commissions: 2 × 100.00 to Alice, 15.00 + 10.00 … to Bob.
    const [approvedTotal] = await rowsOf<{ total: number }>(
      test,
      sql`select coalesce(sum(amount_minor), 0)::int as total from affiliation_commissions where status = 'approved'`,
    );
    expect(run.excluded).toEqual([]);
    expect(run.totalMinor).toBe(approvedTotal?.total);
    expect(run.totalMinor).toBe(2 * 10_000 + 15_000 + 10_000);
    expect(Object.fromEntries(run.lines.map((line) => [line.influencerId, line.amountMinor]))).toEqual({
      [alice.influencer.id]: 20_000,
      [bob.influencer.id]: 25_000,
    });

    // 2. The ledger balances: every transaction sums to zero, and so does every currency.
    const check = await test.runtime.services.ledger.ledger.check();
    expect(check.unbalanced).toEqual([]);
    expect(check.ok).toBe(true);
    for (const total of check.totals) expect(total.sumMinor).toBe(0);

    // 3. Each merchant's settlement reconciles with its paid orders, read from the payments tables.
    for (const merchant of [alice.merchant, bob.merchant]) {
      const organizationId = await teamOf(test, merchant);
      const settlement = settled.created.find((row) => row.organizationId === organizationId);
      if (!settlement) throw new Error(`no settlement for ${organizationId}`);
      const [orders] = await rowsOf<{ gross: string; refunded: string }>(
        test,
        sql`select coalesce(sum(total_minor), 0) as gross, coalesce(sum(refunded_minor), 0) as refunded
            from payments_orders where organization_id = ${organizationId}
            and status in ('paid', 'partially_refunded', 'refunded')
            and exists (select 1 from payments_vouchers v where v.order_id = payments_orders.id and v.status = 'redeemed')`,
      );
      expect(settlement.grossMinor).toBe(Number(orders?.gross));
      expect(settlement.refundsMinor).toBe(Number(orders?.refunded));
      expect(settlement.netMinor).toBe(
        settlement.grossMinor -
          settlement.refundsMinor -
          settlement.feeMinor -
          settlement.feeVatMinor -
          settlement.commissionsMinor,
      );
    }
    const aliceSettlement = settled.created.find((row) => row.grossMinor === 200_000);
    // Free plan: 10 % fee on 2,000.00, 20 % VAT on the fee, Alice's 2 × 100.00 commissions.
    expect(aliceSettlement).toMatchObject({ feeMinor: 20_000, feeVatMinor: 4_000, commissionsMinor: 20_000 });

    // 4. The invoices of the month (settlement fees, the commission invoice) are numbered 1..N.
    const documents = await rowsOf<{ sequence: number; number: string }>(
      test,
      sql`select sequence, number from invoicing_documents where type = 'invoice' order by sequence`,
    );
    expect(documents.length).toBeGreaterThanOrEqual(settled.created.length + invoiced.created.length);
    expect(documents.map((row) => row.sequence)).toEqual(documents.map((_, index) => index + 1));
    expect(new Set(documents.map((row) => row.number)).size).toBe(documents.length);
  }, 180_000);
});
