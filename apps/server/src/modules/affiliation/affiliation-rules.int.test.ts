import { affiliationProblemMessages } from '@souk/contracts/affiliation-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, apiKeyOf, clickLink, flushClicks, publishDeal, withKey } from '../../../test/affiliation.ts';
import { call, joinTeam, rowsOf, teamOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';

const en = affiliationProblemMessages.en;
const fr = affiliationProblemMessages.fr;

async function count(test: TestApp, table: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(test, sql.raw(`select count(*)::int as n from ${table}`));
  return rows[0]?.n ?? 0;
}

describe('affiliation: bad input and permissions change nothing', () => {
  let test: TestApp;
  let merchant: TestUser;
  let influencer: TestUser;

  beforeAll(async () => {
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0' } });
    merchant = await createTestUser(test, { accountType: 'merchant' });
    influencer = await createTestUser(test, { accountType: 'influencer' });
  });
  afterAll(() => test.close());

  it('refuses a request for an unpublished product, twice for the same product, and from a merchant', async () => {
    const team = await teamOf(test, merchant);
    const { id: publishedId } = await publishDeal(test, merchant);
    const draft = await call(test, merchant, 'POST', `/api/v1/products?organizationId=${team}`, {
      title: 'Brouillon de test',
      categoryId: (await rowsOf<{ id: string }>(test, sql`select id from catalog_categories limit 1`))[0]?.id,
      descriptionHtml: '<p>x</p>',
      originalPriceMinor: 1000,
      discountedPriceMinor: 900,
      location: { address: 'Rue', city: 'Rabat', latitude: null, longitude: null },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const before = await count(test, 'affiliation_requests');
    const unpublished = await call(
      test,
      influencer,
      'POST',
      `/api/v1/products/${draft.json().id}/affiliation-requests`,
      {},
      'fr',
    );
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().detail).toBe(fr.product_not_published);

    expect(
      (await call(test, influencer, 'POST', `/api/v1/products/${publishedId}/affiliation-requests`, {})).statusCode,
    ).toBe(201);
    const twice = await call(test, influencer, 'POST', `/api/v1/products/${publishedId}/affiliation-requests`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(en.request_exists);

    const asMerchant = await call(test, merchant, 'POST', `/api/v1/products/${publishedId}/affiliation-requests`, {});
    expect(asMerchant.statusCode).toBe(403);
    const anonymous = await call(test, null, 'POST', `/api/v1/products/${publishedId}/affiliation-requests`, {});
    expect(anonymous.statusCode).toBe(401);
    const badAudience = await call(test, influencer, 'POST', `/api/v1/products/${publishedId}/affiliation-requests`, {
      audience: [{ platform: 'instagram', handle: '@x', followers: -5 }],
    });
    expect(badAudience.statusCode).toBe(422);
    expect(await count(test, 'affiliation_requests')).toBe(before + 1);
  });

  it('lets only the product team’s owner, admin or editor decide; a reason is required to reject', async () => {
    const other = await createTestUser(test, { accountType: 'merchant' });
    const analyst = await createTestUser(test, { accountType: 'merchant' });
    const editor = await createTestUser(test, { accountType: 'merchant' });
    await joinTeam(test, merchant, analyst, 'analyst');
    await joinTeam(test, merchant, editor, 'editor');
    const { id: productId } = await publishDeal(test, merchant);
    const asker = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const request = (await call(test, asker, 'POST', `/api/v1/products/${productId}/affiliation-requests`, {})).json();

    expect((await call(test, other, 'POST', `/api/v1/affiliation-requests/${request.id}/approve`, {})).statusCode).toBe(
      404,
    );
    expect(
      (await call(test, analyst, 'POST', `/api/v1/affiliation-requests/${request.id}/approve`, {})).statusCode,
    ).toBe(403);
    expect((await call(test, asker, 'POST', `/api/v1/affiliation-requests/${request.id}/approve`, {})).statusCode).toBe(
      404,
    );
    const noReason = await call(test, editor, 'POST', `/api/v1/affiliation-requests/${request.id}/reject`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    const ownList = await call(test, asker, 'GET', '/api/v1/affiliation-requests');
    expect(ownList.json()).toMatchObject({ side: 'influencer', items: [{ id: request.id, status: 'pending' }] });
    // The influencer's own view carries no performance figures.
    expect(ownList.json().items[0].influencer.performance).toBeNull();

    const rejected = await call(test, editor, 'POST', `/api/v1/affiliation-requests/${request.id}/reject`, {
      reason: 'Audience trop éloignée de notre clientèle',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'Audience trop éloignée de notre clientèle',
    });
    const decidedTwice = await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${request.id}/approve`, {});
    expect(decidedTwice.statusCode).toBe(409);
    expect(decidedTwice.json().detail).toBe(en.request_decided);
    const notifications = await call(test, asker, 'GET', '/api/v1/notifications');
    expect(notifications.json().items[0].title).toContain('declined');
  });

  it('approves on its own when the product says so, and applies an influencer override', async () => {
    const { id: productId } = await publishDeal(test, merchant);
    const settings = await call(test, merchant, 'PUT', `/api/v1/products/${productId}/affiliation-settings`, {
      autoApprove: true,
      minCommissionMinor: 5_000,
      maxCommissionMinor: 1_000,
    });
    expect(settings.statusCode).toBe(422);
    expect(settings.json().errors[0]).toEqual({ path: 'body.maxCommissionMinor', message: en.cap_below_minimum });
    const saved = await call(test, merchant, 'PUT', `/api/v1/products/${productId}/affiliation-settings`, {
      autoApprove: true,
    });
    expect(saved.json()).toMatchObject({ autoApprove: true, minCommissionMinor: null });
    const eager = await createTestUser(test, { accountType: 'influencer' });
    const request = await call(test, eager, 'POST', `/api/v1/products/${productId}/affiliation-requests`, {});
    expect(request.json()).toMatchObject({ status: 'approved', autoApproved: true });
    expect((await call(test, eager, 'POST', '/api/v1/links', { productId })).statusCode).toBe(201);
  });

  it('refuses links without an approved affiliation and bad aliases', async () => {
    // A merchant of its own: without KYC a team publishes three deals at most.
    const seller = await createTestUser(test, { accountType: 'merchant' });
    const { id: productId } = await publishDeal(test, seller);
    const before = await count(test, 'affiliation_links');
    const unapproved = await call(test, influencer, 'POST', '/api/v1/links', { productId });
    expect(unapproved.statusCode).toBe(403);
    expect(unapproved.json().detail).toBe(en.affiliation_required);
    const { influencer: approved, product, link } = await affiliatedLink(test, { merchant: seller });
    const linksAfterSetup = await count(test, 'affiliation_links');
    expect(linksAfterSetup).toBe(before + 1);
    // Same product, same channel, no alias: the same link back.
    const again = await call(test, approved, 'POST', '/api/v1/links', { productId: product.id });
    expect(again.json().id).toBe(link.id);
    const whatsapp = await call(test, approved, 'POST', '/api/v1/links', {
      productId: product.id,
      channel: 'whatsapp',
    });
    expect(whatsapp.json()).toMatchObject({ channel: 'whatsapp' });
    expect(whatsapp.json().id).not.toBe(link.id);

    for (const [alias, status, message] of [
      ['api', 422, en.alias_reserved],
      ['admin', 422, en.alias_reserved],
      ['px', 422, en.alias_reserved],
      ['été-2026', 422, en.alias_invalid],
      ['a/b', 422, en.alias_invalid],
      ['x', 422, en.alias_invalid],
      ['Summer Sale', 422, en.alias_invalid],
    ] as const) {
      const response = await call(test, approved, 'POST', '/api/v1/links', { productId: product.id, alias });
      expect(response.statusCode, alias).toBe(status);
      expect(response.json().errors?.[0]?.message ?? response.json().detail, alias).toBe(message);
    }
    const taken = await call(test, approved, 'POST', '/api/v1/links', {
      productId: product.id,
      alias: 'ete-marrakech',
    });
    expect(taken.statusCode).toBe(201);
    expect(taken.json().shortUrl).toBe('http://localhost:3000/r/ete-marrakech');
    const clash = await call(test, approved, 'POST', '/api/v1/links', {
      productId: product.id,
      alias: 'ete-marrakech',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toBe(en.alias_taken);
    expect(await count(test, 'affiliation_links')).toBe(linksAfterSetup + 2);
  });

  it('refuses bad conversions: other merchant’s click, unknown click, bad amounts, unknown currency, changed amount', async () => {
    const seller = await createTestUser(test, { accountType: 'merchant' });
    const { link } = await affiliatedLink(test, { merchant: seller });
    const other = await affiliatedLink(test);
    const { clickId: otherClick } = await clickLink(test, other.link.code, { ip: '198.51.100.31' });
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.30' });
    await flushClicks(test);
    const key = await apiKeyOf(test, seller, ['conversions:write']);
    const before = await count(test, 'affiliation_conversions');
    const cases: [Record<string, unknown>, number, string | null][] = [
      [{ clickId: otherClick, orderRef: 'BAD-1', amount: 1000, currency: 'MAD' }, 422, en.click_other_merchant],
      [{ clickId: crypto.randomUUID(), orderRef: 'BAD-2', amount: 1000, currency: 'MAD' }, 422, en.click_unknown],
      [{ clickId: 'not-a-uuid', orderRef: 'BAD-3', amount: 1000, currency: 'MAD' }, 422, null],
      [{ clickId, orderRef: 'BAD-4', amount: 0, currency: 'MAD' }, 422, null],
      [{ clickId, orderRef: 'BAD-5', amount: -100, currency: 'MAD' }, 422, null],
      [{ clickId, orderRef: 'BAD-6', amount: 10.5, currency: 'MAD' }, 422, null],
      [{ clickId, orderRef: 'BAD-7', amount: 1000, currency: 'XYZ' }, 422, null],
      [{ clickId, orderRef: 'bad ref with spaces', amount: 1000, currency: 'MAD' }, 422, null],
    ];
    for (const [body, status, message] of cases) {
      const response = await withKey(test, key, 'POST', '/api/v1/conversions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      if (message) expect(response.json().errors[0].message).toBe(message);
    }
    expect(await count(test, 'affiliation_conversions')).toBe(before);

    const first = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'R-1',
      amount: 50_000,
      currency: 'MAD',
    });
    expect(first.statusCode).toBe(201);
    const changed = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'R-1',
      amount: 60_000,
      currency: 'MAD',
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toBe(en.order_amount_differs);
    const tooBig = await withKey(test, key, 'POST', '/api/v1/conversions/R-1/refund', {
      amount: 60_000,
      refundRef: 'RF-1',
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().errors[0].message).toBe(en.refund_too_large);
    const noRef = await withKey(test, key, 'POST', '/api/v1/conversions/R-1/refund', { amount: 1000 });
    expect(noRef.statusCode).toBe(422);
    const unknownOrder = await withKey(test, key, 'POST', '/api/v1/conversions/NOPE-1/refund', {});
    expect(unknownOrder.statusCode).toBe(404);
    expect(await count(test, 'affiliation_conversions')).toBe(before + 1);
    expect(await count(test, 'affiliation_refunds')).toBe(0);

    // Scopes and callers: a key without the scope, anonymous, an influencer.
    const readOnly = await apiKeyOf(test, seller, ['analytics:read']);
    expect(
      (
        await withKey(test, readOnly, 'POST', '/api/v1/conversions', {
          clickId,
          orderRef: 'R-2',
          amount: 1,
          currency: 'MAD',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call(test, null, 'POST', '/api/v1/conversions', { clickId, orderRef: 'R-2', amount: 1, currency: 'MAD' }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await call(test, influencer, 'POST', '/api/v1/conversions', {
          clickId,
          orderRef: 'R-2',
          amount: 1,
          currency: 'MAD',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a click older than the merchant’s attribution window', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const { link } = await affiliatedLink(test, { merchant: owner });
    const { clickId } = await clickLink(test, link.code, { ip: '198.51.100.40' });
    await flushClicks(test);
    const shorter = await call(test, owner, 'PATCH', '/api/v1/affiliation/settings', { attributionWindowDays: 1 });
    expect(shorter.json()).toMatchObject({ attributionWindowDays: 1, holdDays: 14 });
    await test.runtime.database.db.execute(
      sql`update affiliation_clicks set created_at = now() - interval '2 days' where id = ${clickId}`,
    );
    const key = await apiKeyOf(test, owner, ['conversions:write']);
    const late = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: 'LATE-1',
      amount: 1000,
      currency: 'MAD',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0]).toEqual({ path: 'body.clickId', message: en.click_expired });
  });
});
