import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, apiKeyOf, clickLink, flushClicks, publishDeal, withKey } from '../../../test/affiliation.ts';
import { call, joinTeam, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';

/** Moves a click back in time, so a sale after it is not "faster than a person". */
async function ageClick(test: TestApp, clickId: string | null, seconds: number) {
  await test.runtime.database.db.execute(
    sql`update affiliation_clicks set created_at = created_at - make_interval(secs => ${seconds}) where id = ${clickId}`,
  );
}

async function auditActions(test: TestApp, targetId: string): Promise<string[]> {
  const rows = await rowsOf<{ action: string }>(
    test,
    sql`select action from audit_events where target_id = ${targetId} and action like 'commission_%' order by created_at`,
  );
  return rows.map((row) => row.action);
}

describe('affiliation: commissions, fraud holds, pixel, exports', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await buildTestApp({ env: { PIXEL_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => test.close());

  it('approves due commissions daily, and shrinks a commission in proportion to a partial refund', async () => {
    const { merchant, influencer, link } = await affiliatedLink(test);
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.50' });
    await flushClicks(test);
    await ageClick(test, clickId, 120);
    const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'SALE-1',
      amount: 100_000,
      currency: 'MAD',
      items: [{ sku: 'DINNER', quantity: 2, unitAmount: 50_000 }],
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const commission = sale.json().commission;
    expect(commission).toMatchObject({ status: 'pending', onHold: false, fraudSignals: [], amountMinor: 10_000 });
    // Fourteen days of hold by default.
    const hold = Date.parse(commission.approvableAt) - Date.parse(commission.createdAt);
    expect(hold).toBe(14 * 86_400_000);

    const partial = await withKey(test, key, 'POST', '/api/v1/conversions/SALE-1/refund', {
      amount: 25_000,
      refundRef: 'RF-1',
    });
    expect(partial.json()).toMatchObject({
      refundedAmount: 25_000,
      commission: { status: 'pending', amountMinor: 7_500 },
    });
    const repeat = await withKey(test, key, 'POST', '/api/v1/conversions/SALE-1/refund', {
      amount: 25_000,
      refundRef: 'RF-1',
    });
    expect(repeat.json()).toMatchObject({ refundedAmount: 25_000, commission: { amountMinor: 7_500 } });

    // Not due yet: nothing happens; once due, the job approves it exactly once.
    expect(await test.runtime.services.affiliation.commissions.approveDue()).toBe(0);
    await test.runtime.database.db.execute(
      sql`update affiliation_commissions set approvable_at = now() - interval '1 minute' where id = ${commission.id}`,
    );
    expect(await test.runtime.services.affiliation.commissions.approveDue()).toBeGreaterThanOrEqual(1);
    expect(await test.runtime.services.affiliation.commissions.approveDue()).toBe(0);
    const earnings = await call(test, influencer, 'GET', '/api/v1/commissions');
    expect(earnings.json().items[0]).toMatchObject({ id: commission.id, status: 'approved', amountMinor: 7_500 });
    expect(await auditActions(test, influencer.id)).toEqual(['commission_reversed', 'commission_approved']);

    const owed = await call(test, merchant, 'GET', '/api/v1/commissions');
    expect(owed.json()).toMatchObject({
      side: 'merchant',
      perInfluencer: [
        { influencerId: influencer.id, currency: 'MAD', pendingMinor: 0, approvedMinor: 7_500, paidMinor: 0 },
      ],
    });
    const rest = await withKey(test, key, 'POST', '/api/v1/conversions/SALE-1/refund', {});
    expect(rest.json()).toMatchObject({ refundedAmount: 100_000, commission: { status: 'reversed', amountMinor: 0 } });
  });

  it('holds fast, self-referred, velocity and same-address conversions for review; the merchant decides', async () => {
    const { merchant, influencer, link } = await affiliatedLink(test);
    const analyst = await createTestUser(test, { accountType: 'merchant' });
    await joinTeam(test, merchant, analyst, 'analyst');
    const key = await apiKeyOf(test, merchant, ['conversions:write']);

    const fast = await clickLink(test, link.code, { ip: '198.51.100.60' });
    const held = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId: fast.clickId,
      orderRef: 'FAST-1',
      amount: 20_000,
      currency: 'MAD',
    });
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json().commission).toMatchObject({ onHold: true, fraudSignals: ['fast_conversion'] });

    const own = await clickLink(test, link.code, { ip: '198.51.100.61' });
    await flushClicks(test);
    await ageClick(test, own.clickId, 600);
    const selfBuy = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId: own.clickId,
      orderRef: 'SELF-1',
      amount: 20_000,
      currency: 'MAD',
      customerEmail: influencer.email.toUpperCase(),
    });
    expect(selfBuy.json().commission).toMatchObject({ onHold: true, fraudSignals: ['self_referral'] });

    let last: string | null = null;
    for (let index = 0; index < 22; index++) last = (await clickLink(test, link.code, { ip: '198.51.100.62' })).clickId;
    await flushClicks(test);
    await ageClick(test, last, 600);
    const busy = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId: last,
      orderRef: 'BUSY-1',
      amount: 20_000,
      currency: 'MAD',
    });
    // The 22nd click of the address within the hour: velocity (the later clicks aged together).
    expect(busy.json().commission.fraudSignals).toContain('click_velocity');

    // The analyst reads but may not decide; another merchant does not even see it.
    const heldId = held.json().commission.id;
    expect((await call(test, analyst, 'POST', `/api/v1/commissions/${heldId}/approve`)).statusCode).toBe(403);
    const stranger = await createTestUser(test, { accountType: 'merchant' });
    expect((await call(test, stranger, 'POST', `/api/v1/commissions/${heldId}/approve`)).statusCode).toBe(404);
    expect((await call(test, influencer, 'POST', `/api/v1/commissions/${heldId}/approve`)).statusCode).toBe(404);

    const queue = await call(
      test,
      analyst,
      'GET',
      `/api/v1/commissions?onHold=true&organizationId=${held.json().commission.organizationId}`,
    );
    expect(queue.json().items).toHaveLength(3);
    // Held ones are never approved by the job, however old.
    await test.runtime.database.db.execute(
      sql`update affiliation_commissions set approvable_at = now() - interval '1 day'`,
    );
    await test.runtime.services.affiliation.commissions.approveDue();
    expect((await call(test, merchant, 'GET', '/api/v1/commissions?onHold=true')).json().items).toHaveLength(3);

    const approved = await call(test, merchant, 'POST', `/api/v1/commissions/${heldId}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', onHold: false });
    const noReason = await call(test, merchant, 'POST', `/api/v1/commissions/${selfBuy.json().commission.id}/reject`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    const rejected = await call(test, merchant, 'POST', `/api/v1/commissions/${selfBuy.json().commission.id}/reject`, {
      reason: 'Achat par l’influenceur',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Achat par l’influenceur' });
    const twice = await call(test, merchant, 'POST', `/api/v1/commissions/${selfBuy.json().commission.id}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(await auditActions(test, influencer.id)).toEqual(['commission_approved', 'commission_rejected_fraud']);
  });

  it('flags many conversions from one click address, and records sales without a click unattributed', async () => {
    const { merchant, link } = await affiliatedLink(test);
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const signals: string[][] = [];
    for (let index = 0; index < 4; index++) {
      const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.70' });
      await flushClicks(test);
      await ageClick(test, clickId, 600);
      const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
        clickId,
        orderRef: `SAME-IP-${index}`,
        amount: 10_000,
        currency: 'MAD',
      });
      signals.push(sale.json().commission.fraudSignals);
    }
    expect(signals.slice(0, 3)).toEqual([[], [], []]);
    expect(signals[3]).toEqual(['ip_conversions']);

    const orphan = await withKey(test, key, 'POST', '/api/v1/conversions', {
      orderRef: 'NO-CLICK-1',
      amount: 5_000,
      currency: 'MAD',
    });
    expect(orphan.statusCode).toBe(201);
    expect(orphan.json()).toMatchObject({ attributed: false, commission: null });
    const csv = await withKey(
      test,
      await apiKeyOf(test, merchant, ['analytics:read']),
      'GET',
      '/api/v1/conversions/export.csv',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'conversion_id,created_at,order_ref,amount_minor,refunded_minor,currency,source,link_code,signals',
    );
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes('NO-CLICK-1'))).toMatch(/,5000,0,MAD,api,,no_click$/);
  });

  it('takes pixel conversions on hold, idempotently, rate limited, and serves the script', async () => {
    const { merchant, link } = await affiliatedLink(test);
    const settings = await call(test, merchant, 'GET', '/api/v1/affiliation/settings');
    const pixelKey = settings.json().pixelKey as string;
    expect(pixelKey).toMatch(/^pk_/);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.80' });
    await flushClicks(test);
    await ageClick(test, clickId, 600);
    const url = `/px?m=${pixelKey}&order=PX-1&amount=30000&currency=MAD&cid=${clickId}`;
    const pixel = await test.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.81' });
    expect(pixel.statusCode, pixel.body).toBe(200);
    expect(pixel.headers['content-type']).toBe('image/gif');
    expect((await test.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.81' })).statusCode).toBe(200);
    const list = await call(test, merchant, 'GET', '/api/v1/commissions');
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      orderRef: 'PX-1',
      amountMinor: 3_000,
      onHold: true,
      fraudSignals: ['unverified_source'],
    });

    const unknown = await test.app.inject({
      method: 'GET',
      url: `/px?m=pk_nope&order=PX-2&amount=1&currency=MAD`,
      remoteAddress: '198.51.100.81',
    });
    expect(unknown.statusCode).toBe(422);
    const limited = await test.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.81' });
    expect(limited.statusCode).toBe(429);

    const script = await test.app.inject({ method: 'GET', url: '/px.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('http://localhost:3000/px');
  });

  it('reports link statistics with conversions and commissions, and exports clicks and commissions as CSV', async () => {
    const { merchant, influencer, link } = await affiliatedLink(test);
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.90' });
    await clickLink(test, link.code, { ip: '198.51.100.91', userAgent: 'facebookexternalhit/1.1' });
    await flushClicks(test);
    await ageClick(test, clickId, 600);
    await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'ST-1',
      amount: 100_000,
      currency: 'MAD',
    });
    const stats = await call(test, influencer, 'GET', `/api/v1/links/${link.id}/stats`);
    expect(stats.json()).toMatchObject({
      granularity: 'day',
      currency: 'MAD',
      totals: {
        clicks: 1,
        uniqueClicks: 1,
        previews: 1,
        conversions: 1,
        conversionRate: 1,
        revenueMinor: 100_000,
        commissionsMinor: { pending: 10_000, approved: 0, paid: 0, reversed: 0, rejected: 0 },
      },
      byChannel: [{ key: 'default', clicks: 1 }],
    });
    const overall = await call(test, merchant, 'GET', '/api/v1/links/stats');
    expect(overall.json().totals.conversions).toBe(1);

    const clicks = await call(test, influencer, 'GET', '/api/v1/clicks/export.csv');
    const clickLines = clicks.body.trim().split('\r\n');
    expect(clickLines[0]).toBe('click_id,created_at,link_code,channel,unique,device,browser,os,country,referrer');
    expect(clickLines).toHaveLength(2);
    expect(clickLines[1]).toContain(clickId);
    const commissions = await call(test, merchant, 'GET', '/api/v1/commissions/export.csv');
    expect(commissions.body.trim().split('\r\n')[1]).toContain(',pending,10000,10000,MAD,ST-1,');
    expect((await call(test, null, 'GET', '/api/v1/commissions/export.csv')).statusCode).toBe(401);
  });

  it('pays the influencer’s override instead of the product commission, within the product’s minimum and cap', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const product = await publishDeal(test, merchant);
    const bounds = await call(test, merchant, 'PUT', `/api/v1/products/${product.id}/affiliation-settings`, {
      minCommissionMinor: 1_000,
      maxCommissionMinor: 4_000,
    });
    expect(bounds.statusCode, bounds.body).toBe(200);
    const star = await createTestUser(test, { accountType: 'influencer' });
    const request = await call(test, star, 'POST', `/api/v1/products/${product.id}/affiliation-requests`, {});
    const approved = await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${request.json().id}/approve`, {
      commissionOverride: { type: 'percentage', basisPoints: 1500 },
    });
    expect(approved.json().commissionOverride).toEqual({ type: 'percentage', basisPoints: 1500 });
    const link = (await call(test, star, 'POST', '/api/v1/links', { productId: product.id, channel: 'tiktok' })).json();
    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const amounts: number[] = [];
    for (const [index, amount] of [20_000, 5_000, 100_000].entries()) {
      const { clickId } = await clickLink(test, link.code, { ip: `198.51.100.${100 + index}` });
      await flushClicks(test);
      await ageClick(test, clickId, 600);
      const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
        clickId,
        orderRef: `OV-${index}`,
        amount,
        currency: 'MAD',
      });
      expect(sale.json().commission.rule).toMatchObject({ source: 'override', minMinor: 1_000, maxMinor: 4_000 });
      amounts.push(sale.json().commission.amountMinor);
    }
    // 15 % of 200.00 = 30.00; of 50.00 = 7.50, raised to the 10.00 minimum; of 1,000.00 = 150.00, capped at 40.00.
    expect(amounts).toEqual([3_000, 1_000, 4_000]);
  });

  it('attributes a sale made on Souk from the buyer’s click id (checkout)', async () => {
    const { link } = await affiliatedLink(test);
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.95' });
    const organizationId = (
      await rowsOf<{ organization_id: string }>(
        test,
        sql`select organization_id from affiliation_links where id = ${link.id}`,
      )
    )[0]?.organization_id as string;
    // Straight from the buffer: the sale may come before the click's batch is written.
    const { result, created } = await test.runtime.services.affiliation.recordCheckoutSale({
      organizationId,
      orderRef: 'SOUK-ORDER-1',
      amount: 100_000,
      currency: 'MAD',
      clickId,
    });
    expect(created).toBe(true);
    expect(result.commission).toMatchObject({ amountMinor: 10_000, fraudSignals: ['fast_conversion'] });
  });
});
