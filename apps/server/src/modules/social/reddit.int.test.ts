import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/catalog.ts';
import { FakeReddit } from '../../../test/fakes/reddit.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { connectVia, postReaches, publishNow } from '../../../test/social.ts';

const options = { subreddit: 'r/morocco', title: 'Un riad à -30 % à Marrakech' };

describe('Reddit adapter against its local fake', () => {
  let test: TestApp;
  let fake: FakeReddit;
  let user: TestUser;
  let accountId: string;

  beforeAll(async () => {
    fake = await new FakeReddit().start();
    test = await buildTestApp({
      env: {
        REDDIT_CLIENT_ID: 'reddit-client',
        REDDIT_CLIENT_SECRET: 'reddit-secret',
        REDDIT_WWW_URL: fake.url,
        REDDIT_API_URL: fake.url,
        SOCIAL_CALL_TIMEOUT_MS: '2000',
      },
    });
    user = await createTestUser(test, { accountType: 'influencer' });
    const [account] = await connectVia(test, user, 'reddit');
    expect(account?.handle).toBe('souk_fake');
    accountId = (account as { id: string }).id;
    const authorize = fake.callsTo('GET /api/v1/authorize')[0];
    expect(authorize?.query.get('duration')).toBe('permanent');
  });
  afterAll(async () => {
    await test?.close();
    await fake?.stop();
  });

  it('submits a self post with a descriptive User-Agent', async () => {
    const post = await postReaches(test, user, await publishNow(test, user, accountId, { media: [], options }), [
      'published',
    ]);
    expect(fake.submissions.at(-1)).toMatchObject({ sr: 'morocco', kind: 'self', title: options.title });
    expect(fake.userAgents.at(-1)).toMatch(/^web:souk-social-publishing:v\d/);
    expect(post.targets[0].externalUrl).toMatch(/^https:\/\/www\.reddit\.com\/r\/morocco\/comments\//);
    const stats = await call(test, user, 'GET', `/api/v1/social/posts/${post.id}/stats`);
    expect(stats.json().platforms[0].metrics).toEqual({ score: 42, comments: 5 });
  });

  it('reads json.errors in a 200 answer: a bad subreddit fails the post with the platform’s words', async () => {
    fake.nextSubmitErrors = [['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']];
    const count = fake.submissions.length;
    const post = await postReaches(test, user, await publishNow(test, user, accountId, { media: [], options }), [
      'failed',
    ]);
    expect(post.targets[0]).toMatchObject({ errorCode: 'reddit_subreddit_noexist', errorKind: 'bad-body' });
    expect(post.targets[0].errorMessage).toContain("that subreddit doesn't exist");
    expect(fake.submissions.length).toBe(count);
  });

  it('treats RATELIMIT in json.errors as a wait, then submits', async () => {
    fake.nextSubmitErrors = [['RATELIMIT', 'you are doing that too much. try again in 1 second.', 'ratelimit']];
    const post = await postReaches(
      test,
      user,
      await publishNow(test, user, accountId, { media: [], options }),
      ['published'],
      20_000,
    );
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain('rate_limited');
  });

  it('refreshes a token revoked mid-publish (401) and repeats the submit once', async () => {
    fake.revokeAccessTokens();
    const count = fake.submissions.length;
    const post = await postReaches(test, user, await publishNow(test, user, accountId, { media: [], options }), [
      'published',
    ]);
    expect(fake.submissions.length).toBe(count + 1);
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain(
      'token_refreshed',
    );
  });

  it('marks a submit that times out unconfirmed, never repeated', async () => {
    fake.script('POST /api/submit', {
      delayMs: 3500,
      body: { json: { errors: [], data: { name: 't3_late', url: 'https://www.reddit.com/r/x/comments/late/' } } },
    });
    const calls = fake.callsTo('POST /api/submit').length;
    const post = await postReaches(test, user, await publishNow(test, user, accountId, { media: [], options }), [
      'unconfirmed',
    ]);
    await test.runtime.services.social.publisher.sweep();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(fake.callsTo('POST /api/submit').length).toBe(calls + 1);
    expect(post.targets[0].retryable).toBe(false);
  });

  it('refuses a post without a subreddit or title, and a title over 300 characters', async () => {
    const created = await call(test, user, 'POST', '/api/v1/social/posts', {
      targets: [{ accountId, caption: 'Hello', options: {} }],
      mode: 'now',
    });
    expect(created.statusCode).toBe(422);
    const paths = created.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['targets.0.options.subreddit', 'targets.0.options.title']));
    const long = await call(test, user, 'POST', '/api/v1/social/posts', {
      targets: [{ accountId, caption: 'Hello', options: { subreddit: 'morocco', title: 't'.repeat(301) } }],
      mode: 'now',
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0].path).toBe('body.targets.0.options.title');
  });
});
