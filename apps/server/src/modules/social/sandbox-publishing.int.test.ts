import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, clickLink, flushClicks } from '../../../test/affiliation.ts';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp } from '../../../test/harness.ts';
import { connectSandbox, postReaches, publishedAfterWaiting, transitionsOf } from '../../../test/social.ts';
import { socialSandboxPosts, socialTransitions } from './schema.ts';

describe('social publishing on the sandbox network', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('connects through the consent screen, publishes now with the per-channel link, and the feed click counts', async () => {
    const { influencer, product } = await affiliatedLink(test);
    const account = await connectSandbox(test, influencer, 'lina.test');
    expect(account.health).toBe('connected');

    const created = await call(test, influencer, 'POST', '/api/v1/social/posts', {
      productId: product.id,
      media: [{ url: 'https://cdn.example.com/deal.jpg', kind: 'image', width: 1080, height: 1080 }],
      targets: [{ accountId: account.id, caption: 'Super offre ✨ {link}', options: {} }],
      mode: 'now',
    });
    expect(created.statusCode, created.body).toBe(201);
    await postReaches(test, influencer, created.json().id, ['published']);
    // The post's own status follows its targets' (settled with the last publication).
    const post = await eventually(async () => {
      const read = (await call(test, influencer, 'GET', `/api/v1/social/posts/${created.json().id}`)).json();
      expect(read.status).toBe('published');
      return read;
    });
    const [target] = post.targets;
    expect(target.externalUrl).toContain('/sandbox/social/@lina.test');
    expect(transitionsOf(target)).toEqual(publishedAfterWaiting);
    expect(post.status).toBe('published');
    expect(post.linkUrl).toMatch(/\/r\/[A-Za-z0-9]+$/);

    const feed = await test.app.inject({
      method: 'GET',
      url: '/sandbox/social/@lina.test',
      headers: { 'accept-language': 'en' },
    });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Super offre');
    const code = /\/r\/([A-Za-z0-9-]+)/.exec(feed.body)?.[1] as string;
    expect(code).toBeTruthy();
    const { response } = await clickLink(test, code);
    expect(response.statusCode).toBe(302);
    await flushClicks(test);
    await eventually(async () => {
      const stats = await call(test, influencer, 'GET', `/api/v1/social/posts/${post.id}/stats`);
      expect(stats.statusCode, stats.body).toBe(200);
      expect(stats.json().link.clicks).toBe(1);
    });
  });

  it('publishes posts due together, some on two accounts, each target once with every transition; a repeated batch changes nothing', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const first = await connectSandbox(test, owner, 'burst.one');
    const second = await connectSandbox(test, owner, 'burst.two');
    const scheduledAt = new Date(Date.now() + 3000).toISOString();
    const postIds: string[] = [];
    for (let index = 0; index < 8; index++) {
      const accounts = index % 2 === 0 ? [first, second] : [index % 4 === 1 ? first : second];
      const created = await call(test, owner, 'POST', '/api/v1/social/posts', {
        targets: accounts.map((account) => ({ accountId: account.id, caption: `Ensemble ${index}` })),
        mode: 'schedule',
        scheduledAt,
      });
      expect(created.statusCode, created.body).toBe(201);
      postIds.push(created.json().id);
    }
    const targetIds: string[] = [];
    for (const postId of postIds) {
      const post = await postReaches(test, owner, postId, ['published'], 20_000);
      expect(post.status).toBe('published');
      for (const target of post.targets) {
        targetIds.push(target.id);
        expect(transitionsOf(target)).toEqual(publishedAfterWaiting);
      }
    }
    expect(targetIds).toHaveLength(12);
    const { db } = test.runtime.database;
    const copies = await db
      .select({ clientRef: socialSandboxPosts.clientRef })
      .from(socialSandboxPosts)
      .where(inArray(socialSandboxPosts.clientRef, targetIds));
    expect(copies.map((row) => row.clientRef).sort()).toEqual([...targetIds].sort());

    const before = await db.select().from(socialTransitions).where(inArray(socialTransitions.targetId, targetIds));
    await test.runtime.services.social.publisher.runBatch([...targetIds, ...targetIds]);
    const after = await db.select().from(socialTransitions).where(inArray(socialTransitions.targetId, targetIds));
    expect(after).toHaveLength(before.length);
  });

  it('refuses scheduling in the past, another user’s account, and a wrong OAuth state', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const stranger = await createTestUser(test, { accountType: 'influencer' });
    const account = await connectSandbox(test, owner, 'owner.test');
    const past = await call(
      test,
      owner,
      'POST',
      '/api/v1/social/posts',
      {
        targets: [{ accountId: account.id, caption: 'Hello' }],
        mode: 'schedule',
        scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
      },
      'fr',
    );
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0]).toMatchObject({ path: 'scheduledAt', message: expect.stringContaining('passée') });

    const foreign = await call(test, stranger, 'POST', '/api/v1/social/posts', {
      targets: [{ accountId: account.id, caption: 'Hello' }],
      mode: 'now',
    });
    expect(foreign.statusCode).toBe(404);
    const foreignRead = await call(test, stranger, 'GET', `/api/v1/social/accounts/${account.id}/best-time`);
    expect(foreignRead.statusCode).toBe(404);
    const foreignDelete = await call(test, stranger, 'DELETE', `/api/v1/social/accounts/${account.id}`);
    expect(foreignDelete.statusCode).toBe(404);
    const own = await call(test, owner, 'GET', `/api/v1/social/accounts/${account.id}/best-time`);
    expect(own.statusCode).toBe(200);
    expect(own.json().source).toBe('defaults');

    const started = await call(test, owner, 'POST', '/api/v1/social/connections', { provider: 'sandbox' });
    const wrong = await test.app.inject({ method: 'GET', url: '/social/oauth/sandbox/callback?state=forged&code=abc' });
    expect(wrong.statusCode).toBe(303);
    expect(wrong.headers.location).toBe('/social/accounts?error=state_invalid');
    // A state started for the sandbox is refused on another platform's callback, and used up.
    const state = started.json().state;
    const crossed = await test.app.inject({
      method: 'GET',
      url: `/social/oauth/reddit/callback?state=${state}&code=abc`,
    });
    expect(crossed.headers.location).toBe('/social/accounts?error=state_invalid');
    const listed = await call(test, owner, 'GET', '/api/v1/social/accounts');
    expect(listed.json().items).toHaveLength(1);
  });
});
