import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { cookieFrom, latestMail, linkIn } from '../../../test/mailbox.ts';
import { users } from './schema.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

const origin = 'http://localhost:3000';
const strongPassword = 'Souk-Zellige-42!';

function signUp(body: Record<string, unknown>, language = 'fr') {
  return test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin, 'accept-language': language },
    payload: body,
  });
}

async function userCount(): Promise<number> {
  const [row] = await test.runtime.database.db.select({ value: count() }).from(users);
  return row?.value ?? 0;
}

describe('sign-up', () => {
  it('creates an unverified influencer, mails a verification link, and signs in once it is followed', async () => {
    const email = `yasmine.${Date.now()}@example.test`;
    const response = await signUp({ name: 'Yasmine B', email, password: strongPassword, accountType: 'influencer' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'verification_sent' });
    expect(response.cookies.find((cookie) => cookie.name.includes('session_token'))).toBeUndefined();
    const [user] = await test.runtime.database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ accountType: 'influencer', emailVerified: false, role: 'user', locale: 'fr' });

    const early = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin, 'accept-language': 'en' },
      payload: { email, password: strongPassword },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('email_not_verified');

    const mail = await latestMail(test, email, 'verify-email');
    expect(mail?.subject).toBe('Confirmez votre adresse e-mail');
    const link = new URL(linkIn(mail?.text ?? '', '/api/auth/verify-email'));
    const verify = await test.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect([200, 302]).toContain(verify.statusCode);
    const [verified] = await test.runtime.database.db.select().from(users).where(eq(users.email, email));
    expect(verified?.emailVerified).toBe(true);

    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email, password: strongPassword },
    });
    expect(signIn.statusCode).toBe(200);
    const me = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieFrom(signIn.cookies) },
    });
    expect(me.json()).toMatchObject({ email, accountType: 'influencer', emailVerified: true, twoFactorEnabled: false });
  });

  it('refuses an admin, unknown or missing account type with 422 and creates nothing', async () => {
    const before = await userCount();
    for (const accountType of ['admin', 'buyer', undefined]) {
      const response = await signUp({
        name: 'Mallory',
        email: `mallory.${accountType}@example.test`,
        password: strongPassword,
        accountType,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain('body.accountType');
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses weak passwords with a translated message on the field', async () => {
    const before = await userCount();
    const common = await signUp(
      { name: 'Weak One', email: 'weak1@example.test', password: 'password123', accountType: 'merchant' },
      'en',
    );
    expect(common.statusCode).toBe(422);
    expect(common.json().errors).toEqual([
      { path: 'body.password', message: 'This password is too common: choose a more personal one.' },
    ]);
    const short = await signUp({
      name: 'Weak Two',
      email: 'weak2@example.test',
      password: 'Sh0rt!',
      accountType: 'merchant',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].path).toBe('body.password');
    const malformed = await signUp({
      name: 'Bad Mail',
      email: 'not-an-email',
      password: strongPassword,
      accountType: 'merchant',
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors[0].path).toBe('body.email');
    expect(await userCount()).toBe(before);
  });

  it('answers a taken address exactly like a new one (no account enumeration)', async () => {
    const email = `taken.${Date.now()}@example.test`;
    const first = await signUp({ name: 'First Owner', email, password: strongPassword, accountType: 'merchant' });
    const before = await userCount();
    const second = await signUp({
      name: 'Second Try',
      email,
      password: 'Another-Strong-99',
      accountType: 'influencer',
    });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    expect(await userCount()).toBe(before);
    const [owner] = await test.runtime.database.db.select().from(users).where(eq(users.email, email));
    expect(owner?.name).toBe('First Owner');
  });

  it('refuses a forged verification token and verifies nobody', async () => {
    const email = `forged.${Date.now()}@example.test`;
    await signUp({ name: 'Forged Link', email, password: strongPassword, accountType: 'merchant' });
    const response = await test.app.inject({ method: 'GET', url: '/api/auth/verify-email?token=forged.token.value' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_token');
    const [user] = await test.runtime.database.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerified).toBe(false);
  });
});
