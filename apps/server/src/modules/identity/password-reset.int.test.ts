import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';
import { latestMail, linkIn } from '../../../test/mailbox.ts';

let test: TestApp;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

function post(url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return test.app.inject({ method: 'POST', url, headers: { origin, ...headers }, payload });
}

/** Follows the mailed link the way a browser does and returns the token it lands with. */
async function resetTokenFor(email: string): Promise<string> {
  const mail = await latestMail(test, email, 'password-reset');
  const link = new URL(linkIn(mail?.text ?? '', '/api/auth/reset-password/'));
  const landing = await test.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
  expect(landing.statusCode).toBe(302);
  const target = new URL(landing.headers.location as string, origin);
  expect(target.pathname).toBe('/reset-password');
  return target.searchParams.get('token') ?? '';
}

describe('password reset', () => {
  it('mails a link, sets the new password once, and ends the old sessions', async () => {
    const user = await createTestUser(test, { locale: 'en' });
    const request = await post('/api/auth/request-password-reset', {
      email: user.email,
      redirectTo: '/reset-password',
    });
    expect(request.statusCode).toBe(200);
    const mail = await latestMail(test, user.email, 'password-reset');
    expect(mail?.subject).toBe('Reset your password');
    const token = await resetTokenFor(user.email);

    const weak = await post(
      '/api/auth/reset-password',
      { token, newPassword: 'qwerty123456' },
      { 'accept-language': 'fr' },
    );
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toEqual({
      path: 'body.newPassword',
      message: 'Ce mot de passe est trop courant : choisissez-en un plus personnel.',
    });

    const reset = await post('/api/auth/reset-password', { token, newPassword: 'Argan-Oil-Sunrise-7' });
    expect(reset.statusCode).toBe(200);
    const reused = await post('/api/auth/reset-password', { token, newPassword: 'Another-Fresh-One-8' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('invalid_token');

    const old = await post('/api/auth/sign-in/email', { email: user.email, password: user.password });
    expect(old.statusCode).toBe(401);
    const fresh = await post('/api/auth/sign-in/email', { email: user.email, password: 'Argan-Oil-Sunrise-7' });
    expect(fresh.statusCode).toBe(200);
    const oldSession = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(oldSession.statusCode).toBe(401);
  });

  it('refuses a made-up token', async () => {
    const response = await post('/api/auth/reset-password', {
      token: 'made-up-token',
      newPassword: 'Argan-Oil-Sunrise-7',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_token');
  });

  it('changes the password only with the current one', async () => {
    const user = await createTestUser(test);
    const wrong = await post(
      '/api/auth/change-password',
      { currentPassword: 'not-the-current-1', newPassword: 'Cedar-Forest-Ifrane-3' },
      { cookie: user.cookie },
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    const right = await post(
      '/api/auth/change-password',
      { currentPassword: user.password, newPassword: 'Cedar-Forest-Ifrane-3', revokeOtherSessions: true },
      { cookie: user.cookie },
    );
    expect(right.statusCode).toBe(200);
    const signIn = await post('/api/auth/sign-in/email', { email: user.email, password: 'Cedar-Forest-Ifrane-3' });
    expect(signIn.statusCode).toBe(200);
  });
});
