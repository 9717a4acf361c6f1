import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/catalog.ts';
import { FakeTikTok } from '../../../test/fakes/tiktok.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { connectVia, postReaches, publishNow } from '../../../test/social.ts';

const video = [{ url: 'https://cdn.example.com/clip.mp4', kind: 'video', width: 1080, height: 1920 }];
const options = { privacyLevel: 'PUBLIC_TO_EVERYONE', consent: true, brandContentToggle: true };

describe('TikTok Content Posting adapter against its local fake', () => {
  let test: TestApp;
  let fake: FakeTikTok;
  let user: TestUser;
  let accountId: string;

  beforeAll(async () => {
    fake = await new FakeTikTok().start();
    test = await buildTestApp({
      env: {
        TIKTOK_CLIENT_KEY: 'tt-key',
        TIKTOK_CLIENT_SECRET: 'tt-secret',
        TIKTOK_API_URL: fake.url,
        TIKTOK_OAUTH_URL: `${fake.url}/v2/auth/authorize/`,
      },
    });
    user = await createTestUser(test, { accountType: 'influencer' });
    const [account] = await connectVia(test, user, 'tiktok');
    accountId = (account as { id: string }).id;
    // PKCE: the verifier went with the code exchange.
    expect(fake.callsTo('POST /v2/oauth/token/')[0]?.body.code_verifier).toBeTruthy();
  });
  afterAll(async () => {
    await test?.close();
    await fake?.stop();
  });

  it('serves creator info for the composer', async () => {
    const info = await call(test, user, 'GET', `/api/v1/social/accounts/${accountId}/creator-info`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({
      creatorUsername: 'yasmine.fake',
      maxVideoPostDurationSec: 300,
      stitchDisabled: true,
    });
    expect(info.json().privacyLevelOptions).toContain('SELF_ONLY');
  });

  it('requires an explicit privacy level and the consent, changing nothing', async () => {
    const before = fake.inits.length;
    const created = await call(
      test,
      user,
      'POST',
      '/api/v1/social/posts',
      {
        media: video,
        targets: [{ accountId, caption: 'Clip', options: {} }],
        mode: 'now',
      },
      'ar',
    );
    expect(created.statusCode).toBe(422);
    const paths = created.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(['targets.0.options.privacyLevel', 'targets.0.options.consent']);
    expect(created.json().errors[0].message).toMatch(/تيك توك/);
    expect(fake.inits.length).toBe(before);
  });

  it('inits a pull-from-URL post once and polls the status until PUBLISH_COMPLETE', async () => {
    fake.publishStatuses = ['PROCESSING_DOWNLOAD', 'PUBLISH_COMPLETE'];
    const before = fake.inits.length;
    const post = await postReaches(
      test,
      user,
      await publishNow(test, user, accountId, { media: video, options }),
      ['published'],
      20_000,
    );
    expect(fake.inits.length).toBe(before + 1);
    const init = fake.inits.at(-1)?.body as {
      post_info: Record<string, unknown>;
      source_info: Record<string, unknown>;
    };
    expect(init.post_info).toMatchObject({ privacy_level: 'PUBLIC_TO_EVERYONE', brand_content_toggle: true });
    expect(init.source_info).toEqual({ source: 'PULL_FROM_URL', video_url: video[0]?.url });
    expect(post.targets[0].externalUrl).toBe('https://www.tiktok.com/@yasmine.fake/video/7300000000000000001');
    fake.publishStatuses = ['PUBLISH_COMPLETE'];
  });

  it('fails a post TikTok reports FAILED, with its fail_reason', async () => {
    fake.publishStatuses = ['FAILED'];
    fake.failReason = 'video_pull_failed';
    const post = await postReaches(test, user, await publishNow(test, user, accountId, { media: video, options }), [
      'failed',
    ]);
    expect(post.targets[0]).toMatchObject({
      errorCode: 'tiktok_video_pull_failed',
      errorKind: 'bad-body',
      retryable: true,
    });
    expect(post.targets[0].errorMessage).toContain('video_pull_failed');
    fake.publishStatuses = ['PUBLISH_COMPLETE'];
  });

  it('waits out a 429 with retry-after on init, then posts once', async () => {
    fake.script('POST /v2/post/publish/video/init/', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'rate_limit_exceeded', message: 'Too many requests', log_id: 'x' } },
    });
    const before = fake.inits.length;
    const post = await postReaches(
      test,
      user,
      await publishNow(test, user, accountId, { media: video, options }),
      ['published'],
      20_000,
    );
    expect(fake.inits.length).toBe(before + 1);
    const limited = post.targets[0].transitions.find(
      (row: { reasonCode: string }) => row.reasonCode === 'rate_limited',
    );
    expect(limited.reason).toMatch(/slow down/);
  });

  it('refreshes a token revoked mid-publish and repeats the step, keeping the refresh token', async () => {
    fake.expireAccessTokens();
    const before = fake.inits.length;
    const post = await postReaches(
      test,
      user,
      await publishNow(test, user, accountId, { media: video, options }),
      ['published'],
      20_000,
    );
    expect(fake.inits.length).toBe(before + 1);
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain(
      'token_refreshed',
    );
    const accounts = await call(test, user, 'GET', '/api/v1/social/accounts');
    expect(accounts.json().items[0].health).toBe('connected');
  });

  it('keeps the stored refresh token when a reconnect brings none', async () => {
    const refreshCallsBefore = fake.callsTo('POST /v2/oauth/token/').length;
    // TikTok's next code exchange answers without a refresh token.
    fake.script('POST /v2/oauth/token/', {
      body: {
        access_token: 'act.no-refresh',
        expires_in: 86_400,
        open_id: 'tt-open-1',
        scope: 'user.info.basic,video.publish',
        token_type: 'Bearer',
      },
    });
    fake.accessTokens.add('act.no-refresh');
    await connectVia(test, user, 'tiktok');
    expect(fake.callsTo('POST /v2/oauth/token/').length).toBe(refreshCallsBefore + 1);
    fake.expireAccessTokens();
    const post = await postReaches(
      test,
      user,
      await publishNow(test, user, accountId, { media: video, options }),
      ['published'],
      20_000,
    );
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain(
      'token_refreshed',
    );
  });
});
