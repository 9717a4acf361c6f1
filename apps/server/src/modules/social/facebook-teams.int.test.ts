import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, joinTeam, teamOf } from '../../../test/catalog.ts';
import { FakeFacebook } from '../../../test/fakes/facebook.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { connectSandbox, postReaches } from '../../../test/social.ts';

describe('Facebook Pages adapter, merchant teams with approval, official accounts', () => {
  let test: TestApp;
  let fake: FakeFacebook;

  beforeAll(async () => {
    fake = await new FakeFacebook().start();
    test = await buildTestApp({
      env: {
        META_APP_ID: 'meta-app',
        META_APP_SECRET: 'meta-secret',
        META_GRAPH_URL: fake.url,
        META_OAUTH_URL: `${fake.url}/dialog/oauth`,
      },
    });
  });
  afterAll(async () => {
    await test?.close();
    await fake?.stop();
  });

  async function inviteEditor(owner: TestUser): Promise<TestUser> {
    const editor = await createTestUser(test, { accountType: 'influencer' });
    await joinTeam(test, owner, editor, 'editor');
    return editor;
  }

  it('connects a page for a team and publishes photos through unpublished uploads and one feed post', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, owner);
    const started = await call(test, owner, 'POST', '/api/v1/social/connections', {
      provider: 'facebook',
      owner: 'team',
      teamId,
    });
    expect(started.statusCode, started.body).toBe(201);
    const consent = await fetch(started.json().authorizationUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') as string);
    await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    const accounts = await call(test, owner, 'GET', `/api/v1/social/accounts?owner=team&teamId=${teamId}`);
    const [page] = accounts.json().items;
    expect(page).toMatchObject({ provider: 'facebook', handle: 'Riad Fake', ownerKind: 'team' });
    // The person's own accounts do not include the team's.
    expect((await call(test, owner, 'GET', '/api/v1/social/accounts')).json().items).toEqual([]);

    const created = await call(test, owner, 'POST', `/api/v1/social/posts`, {
      owner: 'team',
      teamId,
      media: [
        { url: 'https://cdn.example.com/1.jpg', kind: 'image' },
        { url: 'https://cdn.example.com/2.jpg', kind: 'image' },
      ],
      targets: [{ accountId: page.id, caption: 'Nouveau menu au riad', options: {} }],
      mode: 'now',
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = await postReaches(
      test,
      owner,
      created.json().id,
      ['published'],
      15_000,
      `?owner=team&teamId=${teamId}`,
    );
    expect(fake.photos.filter((photo) => !photo.published)).toHaveLength(2);
    expect(fake.posts.at(-1)?.attached).toContain('media_fbid');
    expect(post.targets[0].externalUrl).toMatch(/^https:\/\/www\.facebook\.com\/2000001_/);

    const stranger = await createTestUser(test, { accountType: 'merchant' });
    const foreign = await call(test, stranger, 'GET', `/api/v1/social/posts/${post.id}?owner=team&teamId=${teamId}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('holds an editor’s post for approval when the team asks, notifies managers, and schedules on approval', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, owner);
    const editor = await inviteEditor(owner);
    const settings = await call(test, editor, 'PUT', `/api/v1/social/teams/${teamId}/settings`, {
      requireApproval: true,
    });
    expect(settings.statusCode).toBe(403);
    expect(
      (await call(test, owner, 'PUT', `/api/v1/social/teams/${teamId}/settings`, { requireApproval: true })).statusCode,
    ).toBe(200);
    const account = await connectSandbox(test, owner, `team${Date.now() % 100000}`, { owner: 'team', teamId });
    const query = `?owner=team&teamId=${teamId}`;
    const created = await call(test, editor, 'POST', '/api/v1/social/posts', {
      owner: 'team',
      teamId,
      targets: [{ accountId: account.id, caption: 'Promo du week-end' }],
      mode: 'now',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().status).toBe('pending_approval');
    const notices = await call(test, owner, 'GET', '/api/v1/notifications');
    expect(notices.body).toContain(created.json().id);

    const byEditor = await call(test, editor, 'POST', `/api/v1/social/posts/${created.json().id}/approve${query}`);
    expect(byEditor.statusCode).toBe(403);
    const approved = await call(test, owner, 'POST', `/api/v1/social/posts/${created.json().id}/approve${query}`);
    expect(approved.statusCode, approved.body).toBe(200);
    const post = await postReaches(test, owner, created.json().id, ['published'], 15_000, query);
    expect(post.targets[0].transitions.map((row: { reasonCode: string }) => row.reasonCode)).toContain('approved');

    const second = await call(test, editor, 'POST', '/api/v1/social/posts', {
      owner: 'team',
      teamId,
      targets: [{ accountId: account.id, caption: 'Autre idée' }],
      mode: 'now',
    });
    const rejected = await call(test, owner, 'POST', `/api/v1/social/posts/${second.json().id}/reject${query}`, {
      reason: 'Hors charte',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', targets: [{ status: 'cancelled' }] });
  });

  it('lets admins run the official accounts and templates, and nobody else', async () => {
    const admin = await createTestUser(test, { role: 'admin' });
    const member = await createTestUser(test, { accountType: 'influencer' });
    const refused = await call(test, member, 'GET', '/api/v1/social/accounts?owner=platform');
    expect(refused.statusCode).toBe(403);
    const account = await connectSandbox(test, admin, 'souk.official', { owner: 'platform' });
    const template = await call(test, admin, 'POST', '/api/v1/admin/social/templates', {
      kind: 'new_deal',
      name: 'Nouvelle offre',
      locale: 'fr',
      body: 'Nouveau sur Souk : {title} à {price} {link}',
      hashtags: ['#souk'],
    });
    expect(template.statusCode, template.body).toBe(201);
    expect((await call(test, member, 'GET', '/api/v1/admin/social/templates')).statusCode).toBe(403);
    const created = await call(test, admin, 'POST', '/api/v1/social/posts', {
      owner: 'platform',
      templateId: template.json().id,
      targets: [{ accountId: account.id, caption: 'Bienvenue sur Souk' }],
      mode: 'schedule',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const analytics = await call(test, admin, 'GET', '/api/v1/social/analytics?owner=platform');
    expect(analytics.statusCode, analytics.body).toBe(200);
    expect(analytics.json().posts.scheduled).toBe(1);
    expect(analytics.json().byAccount[0]).toMatchObject({ handle: 'souk.official', published: 0 });
    expect((await call(test, member, 'GET', '/api/v1/social/analytics?owner=platform')).statusCode).toBe(403);
    const listed = await call(test, admin, 'GET', '/api/v1/social/posts?owner=platform');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(created.json().id);
    const moved = await call(test, admin, 'PATCH', `/api/v1/social/posts/${created.json().id}?owner=platform`, {
      scheduledAt: new Date(Date.now() + 7200_000).toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const removed = await call(test, admin, 'DELETE', `/api/v1/social/posts/${created.json().id}?owner=platform`);
    expect(removed.statusCode).toBe(204);
  });
});
