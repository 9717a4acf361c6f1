import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { registerAccessControl, scoped } from '../../platform/http/access.ts';
import { registerErrorHandler } from '../../platform/http/error-handler.ts';
import { registerLocale } from '../../platform/http/locale.ts';

let test: TestApp;
let owner: TestUser;
let stranger: TestUser;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
  owner = await createTestUser(test, { accountType: 'merchant' });
  stranger = await createTestUser(test, { accountType: 'merchant' });
});
afterAll(async () => {
  await test?.close();
});

async function createKey(user: TestUser, scopes: string[]) {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: { cookie: user.cookie, origin },
    payload: { name: 'Shop backend', scopes },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { key: string; apiKey: { id: string; prefix: string } };
}

/** A route of the kind later modules add (e.g. the conversions API), guarded by a scope. */
async function probeApp() {
  const app = Fastify();
  registerLocale(app);
  registerAccessControl(app, test.runtime.services.resolveViewer, origin);
  registerErrorHandler(app);
  app.post('/conversions', { config: { access: scoped('conversions:write') } }, async (request) => ({
    userId: request.viewer?.userId,
  }));
  await app.ready();
  return app;
}

describe('API keys', () => {
  it('shows the secret once and stores only its hash', async () => {
    const { key, apiKey } = await createKey(owner, ['products:read']);
    expect(key).toMatch(/^souk_[A-Za-z0-9_-]{40,}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: owner.cookie } });
    expect(list.body).not.toContain(key);
    const stored = JSON.stringify(await test.runtime.database.db.execute('select * from api_keys' as never));
    expect(stored).not.toContain(key);
  });

  it('authenticates programs with Bearer, enforces scopes and records the last use', async () => {
    const probe = await probeApp();
    const reader = await createKey(owner, ['products:read']);
    const writer = await createKey(owner, ['conversions:write']);
    const refused = await probe.inject({
      method: 'POST',
      url: '/conversions',
      headers: { authorization: `Bearer ${reader.key}` },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const allowed = await probe.inject({
      method: 'POST',
      url: '/conversions',
      headers: { authorization: `Bearer ${writer.key}` },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toEqual({ userId: owner.id });
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: owner.cookie } });
    const used = list.json().items.find((item: { id: string }) => item.id === writer.apiKey.id);
    expect(used.lastUsedAt).not.toBeNull();
    await probe.close();
  });

  it("refuses a suspended owner's keys, and accepts them again once the account is reactivated", async () => {
    const probe = await probeApp();
    const admin = await createTestUser(test, { role: 'admin', accountType: null });
    const target = await createTestUser(test, { accountType: 'merchant' });
    const { key } = await createKey(target, ['conversions:write']);
    const convert = () =>
      probe.inject({ method: 'POST', url: '/conversions', headers: { authorization: `Bearer ${key}` } });
    const adminAction = (action: 'suspend' | 'reactivate') =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/admin/users/${target.id}/${action}`,
        headers: { cookie: admin.cookie, origin },
        ...(action === 'suspend' ? { payload: { reason: 'Fraudulent conversions' } } : {}),
      });
    expect((await convert()).statusCode).toBe(200);
    expect((await adminAction('suspend')).statusCode).toBe(200);
    expect((await convert()).statusCode).toBe(401);
    expect((await adminAction('reactivate')).statusCode).toBe(200);
    expect((await convert()).statusCode).toBe(200);
    await probe.close();
  });

  it('stops a revoked key at once, and never lets a key manage keys or act as a person', async () => {
    const probe = await probeApp();
    const { key, apiKey } = await createKey(owner, ['conversions:write']);
    const asPerson = await test.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(asPerson.statusCode).toBe(403);
    const revoke = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: { cookie: owner.cookie, origin },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await probe.inject({
      method: 'POST',
      url: '/conversions',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(after.statusCode).toBe(401);
    const garbage = await probe.inject({
      method: 'POST',
      url: '/conversions',
      headers: { authorization: 'Bearer souk_not-a-real-key' },
    });
    expect(garbage.statusCode).toBe(401);
    await probe.close();
  });

  it("answers 404 when revoking another user's key, and leaves it working", async () => {
    const { apiKey } = await createKey(owner, ['products:read']);
    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: { cookie: stranger.cookie, origin },
    });
    expect(response.statusCode).toBe(404);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: owner.cookie } });
    expect(list.json().items.find((item: { id: string }) => item.id === apiKey.id).revokedAt).toBeNull();
  });

  it('refuses unknown scopes and empty names with 422', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: owner.cookie, origin },
      payload: { name: '', scopes: ['everything:write'] },
    });
    expect(response.statusCode).toBe(422);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.scopes.0']));
  });

  it('refuses a cookie-authenticated change coming from another site', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: owner.cookie, origin: 'https://evil.example' },
      payload: { name: 'Stolen', scopes: ['products:read'] },
    });
    expect(response.statusCode).toBe(403);
    const noOrigin = await test.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { cookie: owner.cookie },
      payload: { name: 'Headless', scopes: ['products:read'] },
    });
    expect(noOrigin.statusCode).toBe(403);
  });
});
