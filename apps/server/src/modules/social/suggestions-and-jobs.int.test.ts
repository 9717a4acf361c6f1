import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, clickLink, flushClicks } from '../../../test/affiliation.ts';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp } from '../../../test/harness.ts';
import { connectSandbox, postReaches } from '../../../test/social.ts';
import { socialAccounts, socialTargets } from './schema.ts';

describe('suggestions, best time, token refresh, sweep and the sandbox pages', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('writes captions within each platform’s rules, in the asked language, with the platform’s link variant', async () => {
    const { influencer, product, link } = await affiliatedLink(test);
    const arabic = await call(test, influencer, 'POST', '/api/v1/social/suggestions', {
      productId: product.id,
      platform: 'instagram',
      locale: 'ar',
    });
    expect(arabic.statusCode, arabic.body).toBe(200);
    const body = arabic.json();
    expect(body.engine).toBe('built-in');
    expect(body.captions.length).toBeGreaterThanOrEqual(3);
    for (const caption of body.captions) {
      expect([...caption].length).toBeLessThanOrEqual(2200);
      expect(caption).toContain('الرابط في النبذة');
    }
    expect(body.hashtags).toContain('#المغرب');
    expect(body.linkUrl).toMatch(/\/r\//);
    expect(body.linkUrl).not.toBe(link.shortUrl);

    const french = await call(test, influencer, 'POST', '/api/v1/social/suggestions', {
      linkId: link.id,
      platform: 'facebook',
      locale: 'fr',
    });
    expect(french.json().captions[0]).toContain(french.json().linkUrl);
    expect(french.json().captions[0]).toMatch(/Réservez ici/);

    const stranger = await createTestUser(test, { accountType: 'influencer' });
    const foreignLink = await call(test, stranger, 'POST', '/api/v1/social/suggestions', {
      linkId: link.id,
      platform: 'facebook',
      locale: 'en',
    });
    expect(foreignLink.statusCode).toBe(404);
    const neither = await call(test, stranger, 'POST', '/api/v1/social/suggestions', {
      platform: 'facebook',
      locale: 'en',
    });
    expect(neither.statusCode).toBe(422);
  });

  it('finds the best hour from the owner’s own clicks', async () => {
    const { influencer, link } = await affiliatedLink(test);
    const account = await connectSandbox(test, influencer, 'clicks.test');
    for (let index = 0; index < 25; index++) await clickLink(test, link.code, { ip: `10.1.${index}.9` });
    await flushClicks(test);
    const best = await call(
      test,
      influencer,
      'GET',
      `/api/v1/social/accounts/${account.id}/best-time?timeZone=Africa/Casablanca`,
    );
    expect(best.statusCode, best.body).toBe(200);
    expect(best.json().source).toBe('history');
    const hour = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Africa/Casablanca', hour: 'numeric', hourCycle: 'h23' }).format(
        new Date(),
      ),
    );
    expect(best.json().slots[0]).toMatchObject({ hour, clicks: 25 });
    expect(new Date(best.json().slots[0].nextAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('refreshes tokens before they end, and flags a refused refresh as "reconnect needed" with a notice', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const account = await connectSandbox(test, owner, 'refresh.test');
    const { db } = test.runtime.database;
    const social = test.runtime.services.social;
    const soon = new Date(Date.now() + 5 * 60_000);
    await db.update(socialAccounts).set({ tokenExpiresAt: soon }).where(eq(socialAccounts.id, account.id));
    const [renewed] = await social.accounts.refreshDue();
    expect(renewed).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(socialAccounts).where(eq(socialAccounts.id, account.id));
    expect(row?.tokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const credentials = social.accounts.credentials(row as NonNullable<typeof row>);
    await social.sandbox.revoke(credentials.refreshToken as string);
    await db.update(socialAccounts).set({ tokenExpiresAt: soon }).where(eq(socialAccounts.id, account.id));
    await social.accounts.refreshDue();
    const listed = await call(test, owner, 'GET', '/api/v1/social/accounts');
    expect(listed.json().items[0]).toMatchObject({ health: 'reconnect_needed' });
    expect(listed.json().items[0].healthReason).toBeTruthy();
    const notices = await call(test, owner, 'GET', '/api/v1/notifications');
    expect(notices.body).toContain('refresh.test');
    // Reconnecting clears the flag on the same account.
    const again = await connectSandbox(test, owner, 'refresh.test');
    expect(again).toMatchObject({ id: account.id, health: 'connected' });
  });

  it('sweeps a late scheduled post back into the queue, and turns a stale in-flight claim into unconfirmed', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const account = await connectSandbox(test, owner, 'sweep.test');
    const { db } = test.runtime.database;
    const scheduled = await call(test, owner, 'POST', '/api/v1/social/posts', {
      targets: [{ accountId: account.id, caption: 'Plus tard' }],
      mode: 'schedule',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const [late] = scheduled.json().targets;
    // As if its job had been lost while it was due three minutes ago.
    await db
      .update(socialTargets)
      .set({ dueAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(socialTargets.id, late.id));
    const swept = await test.runtime.services.social.publisher.sweep();
    expect(swept.requeued).toBeGreaterThanOrEqual(1);
    const post = await postReaches(test, owner, scheduled.json().id, ['published']);
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain(
      'recovered_by_sweep',
    );

    const stuck = await call(test, owner, 'POST', '/api/v1/social/posts', {
      targets: [{ accountId: account.id, caption: 'Interrompu' }],
      mode: 'schedule',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const [claimed] = stuck.json().targets;
    await db
      .update(socialTargets)
      .set({ stage: 'finalize:inflight', status: 'publishing', claimedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(socialTargets.id, claimed.id));
    await test.runtime.services.social.publisher.sweep();
    const after = await call(test, owner, 'GET', `/api/v1/social/posts/${stuck.json().id}`);
    expect(after.json().targets[0]).toMatchObject({ status: 'unconfirmed', retryable: false });
    const edit = await call(test, owner, 'PATCH', `/api/v1/social/posts/${stuck.json().id}`, {
      scheduledAt: new Date(Date.now() + 7200_000).toISOString(),
    });
    expect(edit.statusCode).toBe(409);
  });

  it('serves the sandbox pages translated, right-to-left in Arabic, and refuses a foreign redirect', async () => {
    const feed = await test.app.inject({
      method: 'GET',
      url: '/sandbox/social/@nobody.here',
      headers: { 'accept-language': 'ar' },
    });
    expect(feed.body).toContain('dir="rtl"');
    expect(feed.body).toContain('لا منشورات بعد');
    const foreign = await test.app.inject({
      method: 'GET',
      url: '/sandbox/social/oauth/authorize?redirect_uri=https://evil.example/cb&state=x&code_challenge=abc',
      headers: { 'accept-language': 'en' },
    });
    expect(foreign.body).toContain('Invalid authorization request');
    expect(foreign.body).not.toContain('<form');

    const owner = await createTestUser(test, { accountType: 'influencer' });
    const started = await call(test, owner, 'POST', '/api/v1/social/connections', { provider: 'sandbox' });
    const authorize = new URL(started.json().authorizationUrl);
    const denied = await test.app.inject({
      method: 'POST',
      url: '/sandbox/social/oauth/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...Object.fromEntries(authorize.searchParams),
        handle: '',
        decision: 'deny',
      }).toString(),
    });
    const back = new URL(denied.headers.location as string);
    const result = await test.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(result.headers.location).toBe('/social/accounts?error=access_denied');
    await eventually(async () => {
      expect((await call(test, owner, 'GET', '/api/v1/social/accounts')).json().items).toEqual([]);
    });
  });
});
