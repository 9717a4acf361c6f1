import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, apiKeyOf, clickLink, flushClicks, publishDeal, withKey } from '../../../test/affiliation.ts';
import { call, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';

describe('affiliation: the money loop', () => {
  let test: TestApp;

  beforeAll(async () => {
    // Sales here follow their click within milliseconds: the "faster than a person" hold has its own test.
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0' } });
  });
  afterAll(() => test.close());

  it('takes a 1,000.00 MAD sale through request, approval, link, click, conversion and refund', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const influencer = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const product = await publishDeal(test, merchant);

    const requested = await call(test, influencer, 'POST', `/api/v1/products/${product.id}/affiliation-requests`, {
      message: 'Je fais découvrir les meilleures tables de Marrakech.',
      audience: [{ platform: 'instagram', handle: '@gourmet.marrakech', followers: 85_000 }],
    });
    expect(requested.statusCode, requested.body).toBe(201);
    expect(requested.json()).toMatchObject({ status: 'pending', productId: product.id });
    // The merchant's team is told, by email and in-app.
    expect(await latestMail(test, merchant.email, 'notification')).not.toBeNull();

    const incoming = await call(test, merchant, 'GET', '/api/v1/affiliation-requests');
    expect(incoming.json().side).toBe('merchant');
    expect(incoming.json().items[0]).toMatchObject({
      id: requested.json().id,
      influencer: { id: influencer.id, performance: { clicks: 0, conversions: 0 } },
      audience: [{ platform: 'instagram', followers: 85_000 }],
    });

    const approved = await call(
      test,
      merchant,
      'POST',
      `/api/v1/affiliation-requests/${requested.json().id}/approve`,
      {},
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    const decisionMail = await latestMail(test, influencer.email, 'notification');
    expect(decisionMail?.subject).toContain('Affiliation');

    const link = await call(test, influencer, 'POST', '/api/v1/links', { productId: product.id, channel: 'instagram' });
    expect(link.statusCode, link.body).toBe(201);
    const { code, shortUrl, destinationUrl } = link.json();
    expect(shortUrl).toBe(`http://localhost:3000/r/${code}`);
    expect(destinationUrl).toBe(`http://localhost:3000/p/${product.slug}`);

    const { response, location, clickId } = await clickLink(test, code, {
      query: 'utm_source=instagram&utm_campaign=ete&souk_cid=forged',
      ip: '198.51.100.20',
    });
    expect(response.statusCode).toBe(302);
    expect(clickId).toMatch(/^[0-9a-f-]{36}$/);
    const target = new URL(location as string);
    expect(target.origin + target.pathname).toBe(destinationUrl);
    expect(target.searchParams.get('utm_source')).toBe('instagram');
    expect(target.searchParams.get('utm_campaign')).toBe('ete');
    const cookie = response.cookies.find((candidate) => candidate.name === 'souk_cid');
    expect(cookie?.value).toBe(clickId);
    expect(cookie?.maxAge).toBe(30 * 86_400);

    const key = await apiKeyOf(test, merchant, ['conversions:write']);
    const sale = { clickId, orderRef: 'ORDER-1001', amount: 100_000, currency: 'MAD' };
    const first = await withKey(test, key, 'POST', '/api/v1/conversions', sale);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      attributed: true,
      amount: 100_000,
      commission: {
        status: 'pending',
        amountMinor: 10_000,
        currency: 'MAD',
        influencerId: influencer.id,
        onHold: false,
        rule: { commission: { type: 'percentage', basisPoints: 1000 }, source: 'product', saleAmountMinor: 100_000 },
      },
    });

    const repeat = await withKey(test, key, 'POST', '/api/v1/conversions', sale);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json().conversionId).toBe(first.json().conversionId);
    expect(repeat.json().commission.id).toBe(first.json().commission.id);
    const counted = await rowsOf<{ n: number }>(
      test,
      sql`select count(*)::int as n from affiliation_commissions where influencer_id = ${influencer.id}`,
    );
    expect(counted[0]?.n).toBe(1);

    const earnings = await call(test, influencer, 'GET', '/api/v1/commissions?status=pending');
    expect(earnings.json()).toMatchObject({
      side: 'influencer',
      items: [{ amountMinor: 10_000, orderRef: 'ORDER-1001' }],
      totals: [{ currency: 'MAD', pending: 10_000 }],
    });

    const refund = await withKey(test, key, 'POST', '/api/v1/conversions/ORDER-1001/refund', {});
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json()).toMatchObject({
      refundedAmount: 100_000,
      commission: { status: 'reversed', amountMinor: 0 },
    });
    const audit = await rowsOf<{ action: string }>(
      test,
      sql`select action from audit_events where target_id = ${influencer.id} order by created_at`,
    );
    expect(audit.map((row) => row.action).filter((action) => action !== 'sign_in')).toEqual([
      'affiliation_approved',
      'commission_reversed',
    ]);
    // A repeat of the refund changes nothing.
    const again = await withKey(test, key, 'POST', '/api/v1/conversions/ORDER-1001/refund', {});
    expect(again.statusCode).toBe(200);
    expect(again.json().refundedAmount).toBe(100_000);
  });

  it('counts link-preview bots and HEAD apart: never a click, never attributed', async () => {
    const { link } = await affiliatedLink(test);
    for (const agent of [
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'WhatsApp/2.23.20.0 A',
      'Twitterbot/1.0',
    ]) {
      const { response, location, clickId } = await clickLink(test, link.code, { userAgent: agent });
      expect(response.statusCode).toBe(302);
      expect(location).toBeDefined();
      expect(clickId).toBeNull();
      expect(response.cookies.find((cookie) => cookie.name === 'souk_cid')).toBeUndefined();
    }
    const head = await test.app.inject({
      method: 'HEAD',
      url: `/r/${link.code}`,
      headers: { 'user-agent': 'Mozilla/5.0' },
    });
    expect(head.statusCode).toBe(302);
    expect(new URL(head.headers.location as string).searchParams.get('souk_cid')).toBeNull();
    await flushClicks(test);
    const clicks = await rowsOf<{ n: number }>(
      test,
      sql`select count(*)::int as n from affiliation_clicks where link_id = ${link.id}`,
    );
    expect(clicks[0]?.n).toBe(0);
    const rollups = await rowsOf<{ clicks: number; previews: number }>(
      test,
      sql`select coalesce(sum(clicks), 0)::int as clicks, coalesce(sum(previews), 0)::int as previews from affiliation_click_rollups where link_id = ${link.id}`,
    );
    expect(rollups[0]).toEqual({ clicks: 0, previews: 5 });
  });

  it('dedupes unique clicks per visitor within the hour and records device, browser and referrer', async () => {
    const { link, influencer } = await affiliatedLink(test);
    await clickLink(test, link.code, { ip: '203.0.113.7' });
    await clickLink(test, link.code, { ip: '203.0.113.7' });
    const desktop =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    await test.app.inject({
      method: 'GET',
      url: `/r/${link.code}`,
      headers: { 'user-agent': desktop, referer: 'https://l.instagram.com/?u=x' },
      remoteAddress: '203.0.113.8',
    });
    await flushClicks(test);
    const stats = await call(test, influencer, 'GET', `/api/v1/links/${link.id}/stats?granularity=hour`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().totals).toMatchObject({ clicks: 3, uniqueClicks: 2, previews: 0 });
    expect(stats.json().byDevice).toEqual(
      expect.arrayContaining([
        { key: 'mobile', clicks: 2 },
        { key: 'desktop', clicks: 1 },
      ]),
    );
    expect(stats.json().byBrowser).toEqual(expect.arrayContaining([{ key: 'Chrome', clicks: 1 }]));
    expect(stats.json().byReferrer).toEqual(expect.arrayContaining([{ key: 'l.instagram.com', clicks: 1 }]));
    expect(stats.json().byCountry).toEqual([{ key: 'unknown', clicks: 3 }]);
    expect(stats.json().series.reduce((sum: number, bucket: { clicks: number }) => sum + bucket.clicks, 0)).toBe(3);
    const listed = await call(test, influencer, 'GET', '/api/v1/links');
    expect(listed.json().items[0]).toMatchObject({
      id: link.id,
      influencerId: influencer.id,
      clicks: 3,
      uniqueClicks: 2,
      active: true,
    });
  });

  it('answers unknown, malformed and ended links with a translated 404 page, never a redirect', async () => {
    for (const path of ['/r/nosuchcode', '/r/%2F%2Fevil.example', '/r/ab']) {
      const response = await test.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'fr' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['content-type']).toContain('text/html');
    }
    const french = await test.app.inject({ method: 'GET', url: '/r/nosuchcode', headers: { 'x-souk-locale': 'fr' } });
    expect(french.body).toContain('Lien introuvable');
    const arabic = await test.app.inject({ method: 'GET', url: '/r/nosuchcode', headers: { 'x-souk-locale': 'ar' } });
    expect(arabic.body).toContain('dir="rtl"');

    const { merchant, link } = await affiliatedLink(test);
    expect((await clickLink(test, link.code)).response.statusCode).toBe(302);
    const requests = await call(test, merchant, 'GET', '/api/v1/affiliation-requests?status=approved');
    const ended = await call(
      test,
      merchant,
      'POST',
      `/api/v1/affiliation-requests/${requests.json().items[0].id}/end`,
      {
        reason: 'Fin du partenariat',
      },
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('ended');
    // The cached target is forgotten at once: the next visitor sees the 404 page.
    const after = await clickLink(test, link.code);
    expect(after.response.statusCode).toBe(404);
    expect(after.location).toBeUndefined();
  });

  it('serves QR codes of the short link to its owner only, as PNG and SVG', async () => {
    const { link, influencer, merchant } = await affiliatedLink(test);
    const png = await call(test, influencer, 'GET', `/api/v1/links/${link.id}/qr.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const svg = await call(test, merchant, 'GET', `/api/v1/links/${link.id}/qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.body).toContain('<svg');
    const stranger = await createTestUser(test, { accountType: 'influencer' });
    expect((await call(test, stranger, 'GET', `/api/v1/links/${link.id}/qr.png`)).statusCode).toBe(404);
    expect((await call(test, null, 'GET', `/api/v1/links/${link.id}/qr.png`)).statusCode).toBe(401);
  });
});
