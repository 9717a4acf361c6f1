import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/catalog.ts';
import { FakeInstagram } from '../../../test/fakes/instagram.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { connectVia, postReaches, publishedAfterWaiting, publishNow, transitionsOf } from '../../../test/social.ts';

describe('Instagram Graph adapter against its local fake', () => {
  let test: TestApp;
  let fake: FakeInstagram;
  let user: TestUser;
  let accountId: string;

  beforeAll(async () => {
    fake = await new FakeInstagram().start();
    test = await buildTestApp({
      env: {
        META_APP_ID: 'meta-app',
        META_APP_SECRET: 'meta-secret',
        META_GRAPH_URL: fake.url,
        META_OAUTH_URL: `${fake.url}/dialog/oauth`,
        SOCIAL_CALL_TIMEOUT_MS: '2000',
      },
    });
    user = await createTestUser(test, { accountType: 'influencer' });
    const accounts = await connectVia(test, user, 'instagram');
    // The page without an Instagram professional account is not offered.
    expect(accounts.map((account) => account.handle)).toEqual(['souk.fake']);
    accountId = (accounts[0] as { id: string }).id;
  });
  afterAll(async () => {
    await test?.close();
    await fake?.stop();
  });

  it('lists Instagram as configured, with its rules', async () => {
    const providers = await call(test, user, 'GET', '/api/v1/social/providers');
    const instagram = providers.json().items.find((item: { provider: string }) => item.provider === 'instagram');
    expect(instagram).toMatchObject({
      configured: true,
      setup: null,
      rules: { captionMaxLength: 2200, linkHandling: 'not_clickable_use_bio' },
    });
    const tiktok = providers.json().items.find((item: { provider: string }) => item.provider === 'tiktok');
    expect(tiktok.configured).toBe(false);
    expect(tiktok.setup.redirectUrl).toBe('http://localhost:3000/social/oauth/tiktok/callback');
  });

  it('keeps tokens sealed at rest', async () => {
    const rows = await test.runtime.database.db.execute<{ access_token: string }>(
      "select access_token from social_accounts where provider = 'instagram'" as never,
    );
    const sealed = (rows as unknown as { rows: { access_token: string }[] }).rows[0]?.access_token ?? '';
    expect(sealed).not.toContain('IGTOKEN');
    expect(sealed).toMatch(/^local\./);
  });

  it('creates a container, polls it until FINISHED, then publishes it once', async () => {
    fake.containerStatuses = ['IN_PROGRESS', 'FINISHED'];
    const postId = await publishNow(test, user, accountId);
    const post = await postReaches(test, user, postId, ['published']);
    const [target] = post.targets;
    expect(target.externalUrl).toMatch(/^https:\/\/www\.instagram\.com\/p\/m\d+\/$/);
    expect(fake.published).toHaveLength(1);
    expect(transitionsOf(target)).toEqual(publishedAfterWaiting);
    fake.containerStatuses = ['FINISHED'];
    expect(fake.callsTo('GET /:igUser/content_publishing_limit').length).toBeGreaterThan(0);
    const stats = await call(test, user, 'GET', `/api/v1/social/posts/${postId}/stats`);
    expect(stats.json().platforms[0].metrics).toEqual({ likes: 7, comments: 2 });
  });

  it('refuses a caption over 2,200 characters, too many media and a wrong shape, changing nothing', async () => {
    const before = fake.calls.length;
    const created = await call(test, user, 'POST', '/api/v1/social/posts', {
      media: [
        ...Array.from({ length: 11 }, () => ({
          url: 'https://cdn.example.com/a.jpg',
          kind: 'image',
          width: 1000,
          height: 1000,
        })),
        { url: 'https://cdn.example.com/wide.jpg', kind: 'image', width: 3000, height: 1000 },
      ],
      targets: [{ accountId, caption: 'x'.repeat(2201) }],
      mode: 'now',
    });
    expect(created.statusCode).toBe(422);
    const paths = created.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['targets.0.caption', 'targets.0.media', 'targets.0.media.11']));
    expect(
      created.json().errors.find((error: { path: string }) => error.path === 'targets.0.caption').message,
    ).toContain('2200');
    const list = await call(test, user, 'GET', '/api/v1/social/posts');
    expect(
      list.json().items.every((item: { targets: { caption: string }[] }) => item.targets[0]?.caption.length !== 2201),
    ).toBe(true);
    expect(fake.calls.length).toBe(before);
  });

  it('fails a post whose container ends in ERROR, and one whose container EXPIRED, with the reason in words', async () => {
    for (const [status, code] of [
      ['ERROR', 'container_error'],
      ['EXPIRED', 'container_expired'],
    ] as const) {
      fake.containerStatuses = [status];
      const published = fake.published.length;
      const post = await postReaches(test, user, await publishNow(test, user, accountId), ['failed']);
      const [target] = post.targets;
      expect(target).toMatchObject({ errorCode: code, errorKind: 'bad-body', retryable: true });
      expect(target.errorMessage).toMatch(/Instagram/);
      expect(target.advice).toBeTruthy();
      expect(fake.published.length).toBe(published);
      if (status === 'EXPIRED') {
        // A failure never means "maybe published": the retry starts over with a new container.
        fake.containerStatuses = ['FINISHED'];
        const retried = await call(test, user, 'POST', `/api/v1/social/posts/${post.id}/targets/${target.id}/retry`);
        expect(retried.statusCode, retried.body).toBe(200);
        await postReaches(test, user, post.id, ['published']);
        expect(fake.published.length).toBe(published + 1);
      }
    }
    fake.containerStatuses = ['FINISHED'];
  });

  it('retries a 500 on the read-only status check and publishes', async () => {
    fake.script('GET /:id', {
      status: 500,
      body: { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 } },
    });
    const post = await postReaches(test, user, await publishNow(test, user, accountId), ['published'], 20_000);
    const reasons = post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode);
    expect(reasons).toContain('platform_unavailable');
  });

  it('marks a timed-out media_publish unconfirmed and never publishes twice', async () => {
    fake.script('POST /:igUser/media_publish', { delayMs: 3500, status: 200, body: { id: 'late' } });
    const before = fake.callsTo('POST /:igUser/media_publish').length;
    const postId = await publishNow(test, user, accountId);
    const post = await postReaches(test, user, postId, ['unconfirmed']);
    const [target] = post.targets;
    expect(target.retryable).toBe(false);
    expect(target.advice).toMatch(/Check on the platform/);
    await test.runtime.services.social.publisher.sweep();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(fake.callsTo('POST /:igUser/media_publish').length).toBe(before + 1);
    const retry = await call(test, user, 'POST', `/api/v1/social/posts/${postId}/targets/${target.id}/retry`);
    expect(retry.statusCode).toBe(409);
    expect(fake.callsTo('POST /:igUser/media_publish').length).toBe(before + 1);
  });

  it('defers a post when the live rolling quota is used up', async () => {
    fake.quotaUsage = 50;
    const published = fake.published.length;
    const postId = await publishNow(test, user, accountId);
    const post = await eventually(async () => {
      const read = await call(test, user, 'GET', `/api/v1/social/posts/${postId}`);
      const [target] = read.json().targets;
      expect(target.transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain('quota_reached');
      return read.json();
    });
    fake.quotaUsage = 0;
    expect(post.targets[0].status).toBe('scheduled');
    expect(post.targets[0].transitions.at(-1).reason).toMatch(/daily quota/);
    expect(fake.published.length).toBe(published);
  });

  it('flags "reconnect needed" when the token is dead and cannot be renewed, and tells the owner', async () => {
    fake.expireTokens();
    const post = await postReaches(test, user, await publishNow(test, user, accountId), ['failed']);
    expect(post.targets[0].errorKind).toBe('disconnect');
    const accounts = await call(test, user, 'GET', '/api/v1/social/accounts');
    expect(accounts.json().items[0].health).toBe('reconnect_needed');
    const notifications = await call(test, user, 'GET', '/api/v1/notifications');
    expect(notifications.body).toContain('souk.fake');
  });
});
