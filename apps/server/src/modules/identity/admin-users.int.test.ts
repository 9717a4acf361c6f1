import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';

let test: TestApp;
let admin: TestUser;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
  admin = await createTestUser(test, { role: 'admin', accountType: null });
});
afterAll(async () => {
  await test?.close();
});

function suspend(as: TestUser, userId: string, reason = 'Fraudulent clicks') {
  return test.app.inject({
    method: 'POST',
    url: `/api/v1/admin/users/${userId}/suspend`,
    headers: { cookie: as.cookie, origin },
    payload: { reason },
  });
}

describe('admin: users', () => {
  it('finds accounts by part of their email', async () => {
    const target = await createTestUser(test, { accountType: 'influencer' });
    const needle = target.email.split('@')[0]?.slice(0, 8) ?? '';
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/users?q=${encodeURIComponent(needle)}`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { email: string }) => item.email)).toContain(target.email);
  });

  it("suspends an account: its existing session stops working at once, and it can't sign in", async () => {
    const target = await createTestUser(test, { accountType: 'merchant' });
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: target.cookie } })).statusCode,
    ).toBe(200);
    const response = await suspend(admin, target.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ banned: true, banReason: 'Fraudulent clicks' });
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: target.cookie } });
    expect(me.statusCode).toBe(401);
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: target.email, password: target.password },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().code).toBe('account_suspended');

    const reactivate = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${target.id}/reactivate`,
      headers: { cookie: admin.cookie, origin },
    });
    expect(reactivate.json().banned).toBe(false);
    const again = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: target.email, password: target.password },
    });
    expect(again.statusCode).toBe(200);
  });

  it('is closed to non-admins (403) and to anonymous callers (401), changing nothing', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const victim = await createTestUser(test, { accountType: 'influencer' });
    expect((await suspend(merchant, victim.id)).statusCode).toBe(403);
    const anonymous = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${victim.id}/suspend`,
      headers: { origin },
      payload: { reason: 'no' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: victim.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (
        await test.app.inject({
          method: 'GET',
          url: '/api/v1/admin/audit-events',
          headers: { cookie: merchant.cookie },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses to suspend oneself, or without a reason', async () => {
    expect((await suspend(admin, admin.id)).statusCode).toBe(409);
    const target = await createTestUser(test);
    expect((await suspend(admin, target.id, '')).statusCode).toBe(422);
  });

  it('writes the audit log: sign-ins, failures, suspensions, with actor, target, IP and user agent', async () => {
    const target = await createTestUser(test);
    await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin, 'user-agent': 'AuditTest/1.0' },
      payload: { email: target.email, password: 'wrong-password-000' },
    });
    await suspend(admin, target.id, 'Chargebacks');
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?userId=${target.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(200);
    const actions = response.json().items.map((item: { action: string }) => item.action);
    expect(actions.slice(0, 3)).toEqual(['user_suspended', 'sign_in_failed', 'sign_in']);
    const suspension = response.json().items[0];
    expect(suspension).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetEmail: target.email });
    const failure = response.json().items[1];
    expect(failure.userAgent).toBe('AuditTest/1.0');
    expect(failure.ipAddress).toBeTruthy();
  });
});
