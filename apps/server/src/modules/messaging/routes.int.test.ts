import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { notifications } from './schema.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

function call(method: 'GET' | 'POST' | 'PUT', url: string, user?: TestUser, payload?: unknown) {
  return test.app.inject({
    method,
    url: `/api/v1${url}`,
    // Browsers send the page's origin with every state-changing request; the CSRF check wants it.
    headers: user ? { cookie: user.cookie, origin: test.runtime.config.PUBLIC_URL } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function announce(user: TestUser, title: string) {
  await test.runtime.services.messaging.notifications.notify(user.id, 'platform.announcement', { title, body: 'b' });
}

describe('notification routes', () => {
  it('lists, marks one read, then marks all read', async () => {
    const user = await createTestUser(test, { locale: 'fr' });
    await announce(user, 'first');
    await announce(user, 'second');

    const list = await call('GET', '/notifications', user);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.unreadCount).toBe(2);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({ event: 'platform.announcement', readAt: null, link: null });
    expect(new Date(body.items[0].createdAt).toISOString()).toBe(body.items[0].createdAt);

    const target = body.items[1].id;
    const marked = await call('POST', `/notifications/${target}/read`, user);
    expect(marked.statusCode).toBe(204);
    expect(marked.body).toBe('');

    const unread = (await call('GET', '/notifications?unread=true', user)).json();
    expect(unread.unreadCount).toBe(1);
    expect(unread.items.map((item: { id: string }) => item.id)).not.toContain(target);

    const all = await call('POST', '/notifications/read-all', user);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 1 });
    expect((await call('GET', '/notifications', user)).json().unreadCount).toBe(0);
  });

  it('pages through notifications created in the same millisecond without skipping any', async () => {
    const user = await createTestUser(test);
    const createdAt = new Date();
    await test.runtime.database.db.insert(notifications).values(
      Array.from({ length: 5 }, (_, index) => ({
        recipientId: user.id,
        event: 'platform.announcement',
        title: `same-${index}`,
        body: 'b',
        createdAt,
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (await call('GET', `/notifications${query}`, user)).json();
      seen.push(...page.items.map((item: { title: string }) => item.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['same-0', 'same-1', 'same-2', 'same-3', 'same-4']);
  });

  it("answers 404 for someone else's notification and leaves it unread", async () => {
    const owner = await createTestUser(test);
    const intruder = await createTestUser(test);
    await announce(owner, 'private');
    const [row] = await test.runtime.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, owner.id));
    if (!row) throw new Error('no notification');

    const response = await call('POST', `/notifications/${row.id}/read`, intruder);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    const read = await call('POST', '/notifications/read-all', intruder);
    expect(read.json()).toEqual({ updated: 0 });
    expect((await call('GET', '/notifications', owner)).json().unreadCount).toBe(1);
  });

  it('rejects a malformed id or cursor with 422', async () => {
    const user = await createTestUser(test);
    expect((await call('POST', '/notifications/not-a-uuid/read', user)).statusCode).toBe(422);
    expect((await call('GET', '/notifications?cursor=garbage', user)).statusCode).toBe(422);
  });

  it('refuses anonymous callers with 401', async () => {
    for (const [method, url] of [
      ['GET', '/notifications'],
      ['POST', '/notifications/read-all'],
      ['GET', '/notification-preferences'],
      ['PUT', '/notification-preferences'],
      ['GET', '/admin/mail-messages'],
    ] as const) {
      const response = await call(method, url, undefined, method === 'PUT' ? { preferences: [] } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('notification preference routes', () => {
  it('round-trips preferences', async () => {
    const user = await createTestUser(test);
    const initial = await call('GET', '/notification-preferences', user);
    expect(initial.statusCode).toBe(200);
    expect(initial.json().preferences).toContainEqual({ event: 'account.welcome', channel: 'email', enabled: true });

    const change = { preferences: [{ event: 'account.welcome', channel: 'email', enabled: false }] };
    const updated = await call('PUT', '/notification-preferences', user, change);
    expect(updated.statusCode).toBe(200);
    expect(updated.json().preferences).toContainEqual({ event: 'account.welcome', channel: 'email', enabled: false });
    expect(updated.json().preferences).toHaveLength(initial.json().preferences.length);

    const reread = await call('GET', '/notification-preferences', user);
    expect(reread.json()).toEqual(updated.json());
  });

  it('rejects an unknown event or channel with 422 and changes nothing', async () => {
    const user = await createTestUser(test);
    const before = (await call('GET', '/notification-preferences', user)).json();
    for (const bad of [
      { event: 'no.such.event', channel: 'email', enabled: false },
      { event: 'account.welcome', channel: 'carrier-pigeon', enabled: false },
    ]) {
      const response = await call('PUT', '/notification-preferences', user, {
        preferences: [{ event: 'account.welcome', channel: 'in_app', enabled: false }, bad],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await call('GET', '/notification-preferences', user)).json()).toEqual(before);
  });
});

describe('admin mail routes', () => {
  it('are forbidden to non-admins', async () => {
    const user = await createTestUser(test);
    expect((await call('GET', '/admin/mail-messages', user)).statusCode).toBe(403);
    expect((await call('GET', '/admin/mail-messages/0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d', user)).statusCode).toBe(403);
  });

  it('list the outbox and show one mail with its html and text to admins', async () => {
    const admin = await createTestUser(test, { role: 'admin' });
    const id = await test.runtime.services.messaging.mail.send({
      to: 'outbox@example.com',
      template: 'welcome',
      locale: 'fr',
      data: { name: 'Yasmine' },
    });

    const list = await call('GET', '/admin/mail-messages?to=outbox@example.com', admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id,
        to: 'outbox@example.com',
        template: 'welcome',
        subject: 'Bienvenue sur Souk, Yasmine',
      }),
    ]);
    expect(list.json().items[0]).not.toHaveProperty('html');

    const one = await call('GET', `/admin/mail-messages/${id}`, admin);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id, locale: 'fr' });
    expect(one.json().html).toContain('<html lang="fr" dir="ltr">');
    expect(one.json().text).toContain('Yasmine');

    expect((await call('GET', '/admin/mail-messages/0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d', admin)).statusCode).toBe(
      404,
    );
  });
});

describe('OpenAPI', () => {
  it('documents the messaging routes', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/notifications',
        '/api/v1/notifications/{id}/read',
        '/api/v1/notifications/read-all',
        '/api/v1/notification-preferences',
        '/api/v1/admin/mail-messages',
        '/api/v1/admin/mail-messages/{id}',
      ]),
    );
  });
});
