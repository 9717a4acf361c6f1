import { validateRib } from '@souk/contracts/moroccan-identifiers';
import { settlementsProblemMessages } from '@souk/contracts/settlements-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, apiKeyOf, clickLink, flushClicks, publishDeal, withKey } from '../../../test/affiliation.ts';
import { call, rowsOf, teamOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { samplePdf, uploadDocument } from '../../../test/kyc.ts';
import { buyer, payWithSandbox, placeOrder, readOrder, testCards } from '../../../test/payments.ts';
import { previousPeriod } from './period.ts';

/** The month of the test's orders, and an instant after it ends (the run's "now"). */
function currentPeriod(): { period: string; after: Date } {
  const now = new Date();
  const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return { period, after: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2)) };
}

describe('merchant settlements and commission invoices', () => {
  let test: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    // Vouchers not redeemed stay out until 60 days after payment: only redeemed orders settle this month.
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0', SETTLEMENT_HOLD_DAYS: '60' } });
    admin = await createTestUser(test, { role: 'admin', locale: 'en' });
  });
  afterAll(() => test.close());

  async function paidOrder(productId: string, clickId?: string) {
    const created = await placeOrder(test, {
      productId,
      quantity: 1,
      buyer: buyer(),
      gateway: 'sandbox',
      ...(clickId ? { clickId } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    await payWithSandbox(test, created.json(), testCards.mastercard);
    const read = (await readOrder(test, created.json().order.id, { access: created.json().accessToken })).json();
    expect(read.status).toBe('paid');
    return read;
  }

  it('settles redeemed orders once: lines reconcile with paid orders − refunds − fee − commissions', async () => {
    const { merchant, product, link, influencer } = await affiliatedLink(test);
    const other = await affiliatedLink(test);
    // Three orders of 1,000.00 MAD: one through the influencer's link, one refunded by half, one never redeemed.
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.7' });
    await flushClicks(test);
    const viaLink = await paidOrder(product.id, clickId as string);
    const refunded = await paidOrder(product.id);
    const unredeemed = await paidOrder(product.id);
    const otherOrder = await paidOrder(other.product.id);
    // A partial refund first (a used voucher is not refundable), then the vouchers are used.
    const refund = await call(test, merchant, 'POST', `/api/v1/orders/${refunded.id}/refunds`, {
      amountMinor: 50_000,
      reason: 'Client parti plus tôt',
    });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    for (const [order, owner] of [
      [viaLink, merchant],
      [refunded, merchant],
      [otherOrder, other.merchant],
    ] as const) {
      const redeemed = await call(test, owner, 'POST', '/api/v1/vouchers/redeem', { code: order.vouchers[0].code });
      expect(redeemed.json().outcome).toBe('redeemed');
    }
    // The sale through the link earns the influencer 10 %.
    const commission = await eventually(async () => {
      const list = await call(test, influencer, 'GET', '/api/v1/commissions');
      const item = list.json().items[0];
      expect(item?.amountMinor).toBe(10_000);
      return item;
    });
    expect(commission).toBeTruthy();

    const { period, after } = currentPeriod();
    const first = await test.runtime.services.settlements.settlements.run(period, 'en', after);
    const settlement = first.created.find((row) => row.grossMinor === 200_000);
    expect(settlement).toBeDefined();
    if (!settlement) return;
    // Free plan: 10 % fee. Gross 2,000.00; refund 500.00 (fee given back 50.00); commission 100.00.
    const fee = 20_000 - 5_000;
    const vat = 3_000;
    expect(settlement).toMatchObject({
      grossMinor: 200_000,
      refundsMinor: 50_000,
      feeMinor: fee,
      feeVatMinor: vat,
      commissionsMinor: 10_000,
      netMinor: 200_000 - 50_000 - fee - vat - 10_000,
      orderCount: 2,
      status: 'pending',
    });
    // The lines add up to the paid orders of the merchant, from the payments tables themselves.
    const [paid] = await rowsOf<{ gross: string; refunded: string }>(
      test,
      sql`select sum(total_minor) as gross, sum(refunded_minor) as refunded from payments_orders
          where id in (${viaLink.id}, ${refunded.id})`,
    );
    const lines = await call(test, merchant, 'GET', `/api/v1/settlements/${settlement.id}`);
    expect(lines.statusCode, lines.body).toBe(200);
    const body = lines.json();
    const total = (key: string) =>
      body.lines.reduce((sum: number, line: Record<string, number>) => sum + (line[key] ?? 0), 0);
    expect(total('grossMinor')).toBe(Number(paid?.gross));
    expect(total('refundedMinor')).toBe(Number(paid?.refunded));
    expect(total('netMinor') - body.feeVatMinor).toBe(body.netMinor);
    expect(body.lines.map((line: { reference: string }) => line.reference)).not.toContain(unredeemed.reference);

    // Per merchant: the other merchant's settlement holds its own order only.
    const theirs = first.created.find(
      (row) => row.organizationId !== settlement.organizationId && row.grossMinor === 100_000,
    );
    expect(theirs).toBeDefined();
    const theirLines = (await call(test, admin, 'GET', `/api/v1/settlements/${theirs?.id}`)).json().lines;
    expect(theirLines.map((line: { orderId: string }) => line.orderId)).toEqual([otherOrder.id]);

    // Running again (route or service) creates nothing and counts nothing twice.
    const again = await call(test, admin, 'POST', '/api/v1/admin/settlements/run', { period });
    expect([200, 409]).toContain(again.statusCode);
    const second = await test.runtime.services.settlements.settlements.run(period, 'en', after);
    expect(second.created).toHaveLength(0);
    const [counts] = await rowsOf<{ lines: string; distinct: string }>(
      test,
      sql`select count(*) as lines, count(distinct order_id) as distinct from settlement_lines where kind = 'order'`,
    );
    expect(Number(counts?.lines)).toBe(Number(counts?.distinct));
    // The database itself refuses an order on a second settlement.
    await expect(
      test.runtime.database.db.execute(
        sql`insert into settlement_lines (settlement_id, kind, order_id, reference, occurred_at, gross_minor, refunded_minor, fee_minor, commission_minor, net_minor)
            values (${settlement.id}, 'order', ${viaLink.id}, 'dup', now(), 1, 0, 0, 0, 1)`,
      ),
    ).rejects.toThrow();

    // The ledger took the fee with its VAT from the merchant's payable balance.
    const feePosted = await test.runtime.services.ledger.ledger.balance('platform_revenue', null, 'MAD');
    expect(feePosted).toBeLessThanOrEqual(-fee);

    // Permissions: the other merchant and an influencer see nothing; only admins pay.
    expect((await call(test, other.merchant, 'GET', `/api/v1/settlements/${settlement.id}`)).statusCode).toBe(404);
    expect((await call(test, influencer, 'GET', `/api/v1/settlements/${settlement.id}`)).statusCode).toBe(404);
    expect((await call(test, merchant, 'GET', '/api/v1/admin/settlements')).statusCode).toBe(403);
    expect((await call(test, merchant, 'POST', `/api/v1/admin/settlements/${settlement.id}/paid`, {})).statusCode).toBe(
      403,
    );
    const own = await call(test, merchant, 'GET', '/api/v1/settlements');
    expect(own.json().items.map((item: { id: string }) => item.id)).toEqual([settlement.id]);
    const adminList = await call(test, admin, 'GET', `/api/v1/admin/settlements?period=${period}`);
    expect(adminList.json().items.length).toBeGreaterThanOrEqual(2);

    // No approved RIB: the transfer cannot be marked paid (translated), nothing changes.
    const noRib = await call(test, admin, 'POST', `/api/v1/admin/settlements/${settlement.id}/paid`, {}, 'fr');
    expect(noRib.statusCode).toBe(409);
    expect(noRib.json().detail).toBe(settlementsProblemMessages.fr.no_payout_account);
    const failed = await call(test, admin, 'POST', `/api/v1/admin/settlements/${settlement.id}/failed`, {
      reason: 'RIB refusé par la banque',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', failureReason: 'RIB refusé par la banque' });
    const csv = await call(test, admin, 'GET', `/api/v1/admin/settlements/export.csv?period=${period}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('beneficiary,rib,amount,currency,reference,problem');
    const statement = await call(test, merchant, 'GET', `/api/v1/settlements/${settlement.id}/statement.csv`);
    expect(statement.body).toContain(viaLink.reference);
  });

  it('refuses a month that is not over', async () => {
    const { period } = currentPeriod();
    const early = await call(test, admin, 'POST', '/api/v1/admin/settlements/run', { period });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(settlementsProblemMessages.en.period_not_closed);
  });

  it('invoices approved commissions on reported sales once per month', async () => {
    const { merchant, link, influencer } = await affiliatedLink(test);
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.9' });
    await flushClicks(test);
    const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'SHOP-77',
      amount: 200_000,
      currency: 'MAD',
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const commissionId = sale.json().commission.id as string;
    const approved = await call(test, merchant, 'POST', `/api/v1/commissions/${commissionId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);

    const { period, after } = currentPeriod();
    const service = test.runtime.services.settlements.commissionInvoices;
    const first = await service.run(period, 'en', after);
    const invoice = first.created.find((row) => row.organizationId !== '' && row.commissionsMinor === 20_000);
    expect(invoice).toBeDefined();
    if (!invoice) return;
    // Commission 200.00 + 10 % fee on 2,000.00 = 400.00 excl. VAT; 480.00 with VAT.
    expect(invoice).toMatchObject({ salesMinor: 200_000, feeMinor: 20_000, totalMinor: 48_000, status: 'due' });
    expect((await service.run(period, 'en', after)).created).toHaveLength(0);

    const list = await call(test, merchant, 'GET', '/api/v1/commission-invoices');
    expect(list.json().items).toHaveLength(1);
    expect(
      (await call(test, influencer, 'GET', `/api/v1/commission-invoices?organizationId=${invoice.organizationId}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(test, merchant, 'POST', `/api/v1/admin/commission-invoices/${invoice.id}/paid`, {})).statusCode,
    ).toBe(403);
    const paid = await call(test, admin, 'POST', `/api/v1/admin/commission-invoices/${invoice.id}/paid`, {
      bankReference: 'VIR-123',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paymentMethod: 'bank_transfer' });
    const twice = await call(test, admin, 'POST', `/api/v1/admin/commission-invoices/${invoice.id}/paid`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(settlementsProblemMessages.en.invoice_already_paid);
  });

  it('takes a commission invoice paid by card through the gateway, once', async () => {
    const { merchant, link, influencer } = await affiliatedLink(test);
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.11' });
    await flushClicks(test);
    const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'SHOP-CARD-1',
      amount: 100_000,
      currency: 'MAD',
    });
    expect(sale.statusCode, sale.body).toBe(201);
    await call(test, merchant, 'POST', `/api/v1/commissions/${sale.json().commission.id}/approve`, {});
    const { period, after } = currentPeriod();
    const { created } = await test.runtime.services.settlements.commissionInvoices.run(period, 'en', after);
    expect(created).toHaveLength(1);
    const invoice = created[0] as NonNullable<(typeof created)[0]>;
    expect(invoice.invoiceNumber).toMatch(/^F-\d{4}-\d{6}$/);

    expect((await call(test, influencer, 'POST', `/api/v1/commission-invoices/${invoice.id}/pay`)).statusCode).toBe(
      404,
    );
    const pay = await call(test, merchant, 'POST', `/api/v1/commission-invoices/${invoice.id}/pay`);
    expect(pay.statusCode, pay.body).toBe(200);
    const { location } = await payWithSandbox(test, { payment: pay.json().payment } as never, testCards.mastercard);
    expect(location).toContain('/merchant/settlements');
    const list = await call(test, merchant, 'GET', '/api/v1/commission-invoices');
    expect(list.json().items[0]).toMatchObject({ id: invoice.id, status: 'paid', paymentMethod: 'card' });
    const again = await call(test, merchant, 'POST', `/api/v1/commission-invoices/${invoice.id}/pay`);
    expect(again.statusCode).toBe(409);
    expect(
      await test.runtime.services.ledger.ledger.balance('merchant_receivable', invoice.organizationId, 'MAD'),
    ).toBe(0);
  });

  it('two runs at once settle each order once', async () => {
    const { merchant, product } = await affiliatedLink(test);
    const order = await paidOrder(product.id);
    const redeemed = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: order.vouchers[0].code });
    expect(redeemed.json().outcome).toBe('redeemed');
    const { period, after } = currentPeriod();
    const service = test.runtime.services.settlements.settlements;
    const runs = await Promise.all([service.run(period, 'en', after), service.run(period, 'en', after)]);
    const created = runs.flatMap((run) => run.created);
    expect(created).toHaveLength(1);
    const [lines] = await rowsOf<{ n: string }>(
      test,
      sql`select count(*) as n from settlement_lines where order_id = ${order.id}`,
    );
    expect(Number(lines?.n)).toBe(1);
  });

  it("pays a settlement to the team's approved RIB once, and the merchant's payable balance comes back to zero", async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const organizationId = await teamOf(test, merchant);
    const company = test.factories.kycCompany();
    const saved = await call(test, merchant, 'PATCH', `/api/v1/kyc?organizationId=${organizationId}`, company);
    expect(saved.statusCode, saved.body).toBe(200);
    for (const kind of ['rc_extract', 'ice_certificate', 'representative_cin'] as const) {
      const uploaded = await uploadDocument(
        test,
        merchant,
        kind,
        { name: `${kind}.pdf`, type: 'application/pdf', bytes: samplePdf() },
        organizationId,
      );
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }
    const submitted = await call(test, merchant, 'POST', `/api/v1/kyc/submit?organizationId=${organizationId}`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const decided = await call(test, admin, 'POST', `/api/v1/admin/kyc/${submitted.json().id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const deal = await publishDeal(test, merchant);
    const order = await paidOrder(deal.id);
    const redeemed = await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: order.vouchers[0].code });
    expect(redeemed.json().outcome).toBe('redeemed');
    const { period, after } = currentPeriod();
    const { created } = await test.runtime.services.settlements.settlements.run(period, 'en', after);
    const settlement = created.find((row) => row.organizationId === organizationId);
    expect(settlement).toMatchObject({ grossMinor: 100_000, feeMinor: 10_000, feeVatMinor: 2_000, netMinor: 88_000 });
    if (!settlement) return;
    expect(settlement.feeInvoiceNumber).toMatch(/^F-\d{4}-\d{6}$/);

    const file = await call(test, admin, 'GET', `/api/v1/admin/settlements/export.csv?period=${period}`);
    const row = file.body.split('\r\n').find((line) => line.includes(String(company.bankAccount).slice(-6)));
    expect(row).toContain('880.00,MAD');
    expect(validateRib(String(row?.split(',')[1])).ok).toBe(true);

    const paid = await call(test, admin, 'POST', `/api/v1/admin/settlements/${settlement.id}/paid`, {
      bankReference: 'VIR-2026-001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', bankReference: 'VIR-2026-001' });
    const twice = await call(test, admin, 'POST', `/api/v1/admin/settlements/${settlement.id}/paid`, {}, 'fr');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(settlementsProblemMessages.fr.settlement_already_paid);
    expect(
      (await call(test, admin, 'POST', `/api/v1/admin/settlements/${settlement.id}/failed`, { reason: 'Trop tard' }))
        .statusCode,
    ).toBe(409);
    // Paid order credited the merchant; fee + VAT and the transfer debited it: nothing is owed any more.
    expect(await test.runtime.services.ledger.ledger.balance('merchant_payable', organizationId, 'MAD')).toBe(0);
  });

  it('gives back, in the next settlement, a commission rejected after its order was settled', async () => {
    const { merchant, product, link } = await affiliatedLink(test);
    const organizationId = await teamOf(test, merchant);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.44' });
    await flushClicks(test);
    const first = await paidOrder(product.id, clickId as string);
    await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: first.vouchers[0].code });
    const commission = await eventually(async () => {
      const list = await call(test, merchant, 'GET', '/api/v1/commissions');
      const item = list.json().items[0];
      expect(item?.amountMinor).toBe(10_000);
      return item as { id: string };
    });
    const { period, after } = currentPeriod();
    const service = test.runtime.services.settlements.settlements;
    const one = (await service.run(period, 'en', after)).created.find((row) => row.organizationId === organizationId);
    expect(one).toMatchObject({ commissionsMinor: 10_000, netMinor: 78_000 });

    const rejected = await call(test, merchant, 'POST', `/api/v1/commissions/${commission.id}/reject`, {
      reason: 'Commande passée par un employé',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const second = await paidOrder(product.id);
    await call(test, merchant, 'POST', '/api/v1/vouchers/redeem', { code: second.vouchers[0].code });
    const later = new Date(after.getTime() + 32 * 86_400_000);
    const nextPeriod = previousPeriod(later);
    const two = (await service.run(nextPeriod, 'en', later)).created.find(
      (row) => row.organizationId === organizationId,
    );
    expect(two).toMatchObject({ grossMinor: 100_000, commissionsMinor: -10_000, netMinor: 98_000 });
    const detail = (await call(test, merchant, 'GET', `/api/v1/settlements/${two?.id}`)).json();
    expect(detail.lines.find((line: { kind: string }) => line.kind === 'adjustment')).toMatchObject({
      orderId: first.id,
      commissionMinor: -10_000,
      netMinor: 10_000,
    });
    // What Souk owes the merchant in the ledger is exactly its two unpaid settlements.
    expect(await test.runtime.services.ledger.ledger.balance('merchant_payable', organizationId, 'MAD')).toBe(
      -(78_000 + 98_000),
    );
  });
});
