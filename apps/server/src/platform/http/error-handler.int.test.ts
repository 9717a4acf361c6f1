import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { notifications } from '../../modules/messaging/schema.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(async () => {
  await test?.close();
});

async function countNotifications(): Promise<number> {
  const [row] = await test.runtime.database.db.select({ count: count() }).from(notifications);
  return row?.count ?? 0;
}

describe('errors are RFC 9457 problems', () => {
  it('answers an unknown API route with a 404 problem carrying the request id', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 404, code: 'not_found', instance: '/api/v1/does-not-exist' });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(problem.title).toBe("La ressource demandée n'existe pas.");
  });

  it('translates the title from Accept-Language', async () => {
    const english = await test.app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.json().title).toBe('The requested resource does not exist.');
    const arabic = await test.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'ar' } });
    expect(arabic.json().title).toBe('المورد المطلوب غير موجود.');
  });

  it('rejects malformed JSON with 400 and writes nothing', async () => {
    const user = await createTestUser(test);
    const before = await countNotifications();
    const response = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      headers: { cookie: user.cookie, 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: '{"preferences": [',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'malformed_body', status: 400 });
    expect(await countNotifications()).toBe(before);
  });

  it('rejects an oversized body with 413', async () => {
    const user = await createTestUser(test);
    const response = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      headers: { cookie: user.cookie, origin: 'http://localhost:3000', 'content-type': 'application/json' },
      payload: JSON.stringify({ preferences: [], padding: 'x'.repeat(4096) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('lists translated field errors with 422 on invalid input', async () => {
    const user = await createTestUser(test);
    const response = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/notification-preferences',
      headers: { cookie: user.cookie, origin: 'http://localhost:3000', 'accept-language': 'fr' },
      payload: { preferences: [{ event: 'account.welcome', channel: 'pigeon', enabled: 'yes' }] },
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.preferences.0.channel', 'body.preferences.0.enabled']),
    );
    expect(problem.errors[0].message).not.toMatch(/^Invalid/);
  });

  it('asks anonymous callers to sign in (401) and hides admin routes from users (403)', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    const user = await createTestUser(test);
    const forbidden = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/mail-messages',
      headers: { cookie: user.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
  });
});
