import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

const origin = 'http://localhost:3000';

describe('sessions and /me', () => {
  it('returns the signed-in account', async () => {
    const user = await createTestUser(test, { accountType: 'merchant', locale: 'ar' });
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'user',
      accountType: 'merchant',
      locale: 'ar',
      emailVerified: true,
    });
  });

  it('refuses a wrong password with a translated problem and no session cookie', async () => {
    const user = await createTestUser(test);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin, 'accept-language': 'en' },
      payload: { email: user.email, password: 'definitely-not-it' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid_credentials', title: 'Incorrect email or password.' });
    expect(response.cookies.find((cookie) => cookie.name.includes('session_token'))).toBeUndefined();
  });

  it('gives the same answer for an unknown email (no account enumeration)', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: 'nobody@example.test', password: 'whatever-password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_credentials');
  });

  it('ends the session on sign-out', async () => {
    const user = await createTestUser(test);
    const signOut = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: user.cookie, origin },
    });
    expect(signOut.statusCode).toBe(200);
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('does not let a forged cookie through', async () => {
    const me = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'souk.session_token=forged.value' },
    });
    expect(me.statusCode).toBe(401);
  });
});
