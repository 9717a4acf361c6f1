import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { cookieFrom, latestMail, linkIn } from '../../../test/mailbox.ts';

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

  it('warns by email about a sign-in from a device never seen before, not about a known one', async () => {
    const user = await createTestUser(test, { locale: 'en' });
    const signIn = (userAgent: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin, 'user-agent': userAgent },
        payload: { email: user.email, password: user.password },
      });
    const known = (await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } }))
      .statusCode;
    expect(known).toBe(200);
    // createTestUser signed in with inject's default user agent: the same one is a known device.
    await signIn('lightMyRequest');
    expect(await latestMail(test, user.email, 'new-sign-in')).toBeNull();
    await signIn('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1');
    const mail = await latestMail(test, user.email, 'new-sign-in');
    expect(mail?.subject).toBe('New sign-in to your Souk account');
    expect(mail?.text).toContain('iPhone');
  });

  it('lists the sessions and revokes one', async () => {
    const user = await createTestUser(test);
    const second = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin, 'user-agent': 'SecondDevice/1.0' },
      payload: { email: user.email, password: user.password },
    });
    const secondCookie = cookieFrom(second.cookies);
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/auth/list-sessions',
      headers: { cookie: user.cookie },
    });
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as { token: string; userAgent: string }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => session.userAgent === 'SecondDevice/1.0');
    const revoke = await test.app.inject({
      method: 'POST',
      url: '/api/auth/revoke-session',
      headers: { cookie: user.cookie, origin },
      payload: { token: other?.token },
    });
    expect(revoke.statusCode).toBe(200);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: secondCookie } })).statusCode,
    ).toBe(401);
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } })).statusCode,
    ).toBe(200);
  });

  it('changes the email address once the link mailed to the new address is followed', async () => {
    const user = await createTestUser(test, { locale: 'fr' });
    const newEmail = `moved.${Date.now()}@example.test`;
    const request = await test.app.inject({
      method: 'POST',
      url: '/api/auth/change-email',
      headers: { cookie: user.cookie, origin },
      payload: { newEmail, callbackURL: '/settings/account' },
    });
    expect(request.statusCode).toBe(200);
    const before = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(before.json().email).toBe(user.email);
    const mail = await latestMail(test, newEmail, 'verify-email');
    const link = new URL(linkIn(mail?.text ?? '', '/api/auth/verify-email'));
    const follow = await test.app.inject({
      method: 'GET',
      url: `${link.pathname}${link.search}`,
      headers: { cookie: user.cookie },
    });
    expect([200, 302]).toContain(follow.statusCode);
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: newEmail, password: user.password },
    });
    expect(signIn.statusCode).toBe(200);
    const bad = await test.app.inject({
      method: 'POST',
      url: '/api/auth/change-email',
      headers: { cookie: cookieFrom(signIn.cookies), origin },
      payload: { newEmail: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(422);
  });
});
