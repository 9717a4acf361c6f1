import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { cookieFrom, latestMail } from '../../../test/mailbox.ts';
import { totpFromUri } from '../../../test/totp.ts';

let test: TestApp;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

function post(url: string, payload: Record<string, unknown>, cookie?: string) {
  return test.app.inject({ method: 'POST', url, headers: { origin, ...(cookie ? { cookie } : {}) }, payload });
}

/**
 * Turns 2FA on the way the settings page does: password, then a code from the app. The code of
 * the previous 30 s step is used (still accepted), so the current one stays fresh for sign-in
 * tests: the replay guard would rightly refuse it a second time. Turning 2FA on replaces the
 * session, so the user's cookie is updated.
 */
async function enableTwoFactor(user: TestUser): Promise<{ totpURI: string; backupCodes: string[] }> {
  const enable = await post('/api/auth/two-factor/enable', { password: user.password }, user.cookie);
  expect(enable.statusCode).toBe(200);
  const setup = enable.json() as { totpURI: string; backupCodes: string[] };
  const code = totpFromUri(setup.totpURI, Date.now() - 30_000);
  const confirm = await post('/api/auth/two-factor/verify-totp', { code }, user.cookie);
  expect(confirm.statusCode).toBe(200);
  if (confirm.cookies.some((cookie) => cookie.name.includes('session_token'))) {
    user.cookie = cookieFrom(confirm.cookies.filter((cookie) => cookie.name.includes('session')));
  }
  return setup;
}

async function startSignIn(user: TestUser): Promise<string> {
  const response = await post('/api/auth/sign-in/email', { email: user.email, password: user.password });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({ twoFactorRedirect: true });
  return cookieFrom(response.cookies);
}

describe('two-factor authentication', () => {
  it('turns on with a QR code secret and 10 backup codes, then asks for a code at sign-in', async () => {
    const user = await createTestUser(test);
    const { totpURI, backupCodes } = await enableTwoFactor(user);
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Souk/);
    expect(backupCodes).toHaveLength(10);
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(me.json().twoFactorEnabled).toBe(true);

    const pending = await startSignIn(user);
    // The pending step is not a session.
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: pending } })).statusCode).toBe(
      401,
    );
    const wrong = await post('/api/auth/two-factor/verify-totp', { code: '000000' }, pending);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_code');
    const verified = await post('/api/auth/two-factor/verify-totp', { code: totpFromUri(totpURI) }, pending);
    expect(verified.statusCode).toBe(200);
    const session = cookieFrom(verified.cookies);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(
      200,
    );
  });

  it('accepts a TOTP code once: a replay in the same window is refused', async () => {
    const user = await createTestUser(test);
    const { totpURI } = await enableTwoFactor(user);
    const code = totpFromUri(totpURI);
    const first = await post('/api/auth/two-factor/verify-totp', { code }, await startSignIn(user));
    expect(first.statusCode).toBe(200);
    const replay = await post('/api/auth/two-factor/verify-totp', { code }, await startSignIn(user));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
    expect(replay.cookies.find((cookie) => cookie.name.includes('session_token') && cookie.value)).toBeUndefined();
  });

  it('accepts each backup code once', async () => {
    const user = await createTestUser(test);
    const { backupCodes } = await enableTwoFactor(user);
    const code = backupCodes[0] ?? '';
    const first = await post('/api/auth/two-factor/verify-backup-code', { code }, await startSignIn(user));
    expect(first.statusCode).toBe(200);
    const again = await post('/api/auth/two-factor/verify-backup-code', { code }, await startSignIn(user));
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_code');
  });

  it('falls back to a code sent by email', async () => {
    const user = await createTestUser(test, { locale: 'ar' });
    await enableTwoFactor(user);
    const pending = await startSignIn(user);
    expect((await post('/api/auth/two-factor/send-otp', {}, pending)).statusCode).toBe(200);
    const mail = await latestMail(test, user.email, 'two-factor-code');
    expect(mail?.subject).toBe('رمز تسجيل الدخول إلى Souk');
    const code = mail?.text.match(/\b\d{6}\b/)?.[0] ?? '';
    const verified = await post('/api/auth/two-factor/verify-otp', { code }, pending);
    expect(verified.statusCode).toBe(200);
  });

  it('turns off only with the password', async () => {
    const user = await createTestUser(test);
    await enableTwoFactor(user);
    const wrong = await post('/api/auth/two-factor/disable', { password: 'not-my-password-1' }, user.cookie);
    expect(wrong.statusCode).toBe(401);
    const right = await post('/api/auth/two-factor/disable', { password: user.password }, user.cookie);
    expect(right.statusCode).toBe(200);
    // Like turning it on, turning it off replaces the session.
    const session = right.cookies.some((cookie) => cookie.name.includes('session_token'))
      ? cookieFrom(right.cookies.filter((cookie) => cookie.name.includes('session')))
      : user.cookie;
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json().twoFactorEnabled).toBe(false);
  });
});
