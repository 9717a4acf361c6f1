import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp } from '../../../test/harness.ts';

let test: TestApp;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

describe('brute-force defence', () => {
  it('answers 30 fast wrong passwords for one account with 429s, and the right one must wait too', async () => {
    const user = await createTestUser(test);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin },
        // Spread over many addresses: the per-account budget holds whatever the IP.
        remoteAddress: `203.0.113.${attempt + 1}`,
        payload: { email: user.email, password: `wrong-password-${attempt}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    const right = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: user.email, password: user.password },
    });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.json().code).toBe('rate_limited');
  });

  it('limits password-reset requests per account without saying whether the account exists', async () => {
    const user = await createTestUser(test);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        headers: { origin },
        remoteAddress: `198.51.100.${attempt + 1}`,
        payload: { email: user.email, redirectTo: '/reset-password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin },
      payload: { email: 'nobody-here@example.test', redirectTo: '/reset-password' },
    });
    expect(unknown.statusCode).toBe(200);
  });

  it('limits guesses of the current password from a signed-in session', async () => {
    const user = await createTestUser(test);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/auth/two-factor/enable',
        headers: { origin, cookie: user.cookie },
        remoteAddress: `192.0.2.${attempt + 1}`,
        payload: { password: `guess-number-${attempt}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
