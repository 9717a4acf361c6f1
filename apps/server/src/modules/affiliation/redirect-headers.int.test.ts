import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, clickLink } from '../../../test/affiliation.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

// The redirect skips the platform's per-request work (document security headers, locale, session,
// rate limit, compression) and sets its own headers: these tests pin what its answers carry.
describe('affiliation: headers of the tracked redirect (a hot-path route)', () => {
  let test: TestApp;
  const otherVisitor = '198.51.100.9';
  const budget = 100;

  beforeAll(async () => {
    // A low rate limit: the API refuses the same visitor long before the redirect would.
    test = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(budget) } });
  });
  afterAll(() => test.close());

  it('answers 302 with the headers a redirect needs, and none meant for documents', async () => {
    const { link, product } = await affiliatedLink(test);
    const { response, location, clickId } = await clickLink(test, link.code, {
      query: 'utm_source=ig&souk_cid=forged',
    });
    expect(response.statusCode).toBe(302);
    expect(location).toBe(`http://localhost:3000/p/${product.slug}?utm_source=ig&souk_cid=${clickId}`);
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['cache-control']).toBe('private, no-store');
    // Over plain HTTP there is nothing to pin, and a Secure cookie would never come back.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['set-cookie']).toBe(`souk_cid=${clickId}; Max-Age=2592000; Path=/; SameSite=Lax; HttpOnly`);
    for (const documentHeader of ['content-security-policy', 'x-frame-options', 'x-request-id', 'content-encoding']) {
      expect(response.headers[documentHeader], documentHeader).toBeUndefined();
    }

    const plain = await clickLink(test, link.code);
    expect(plain.location).toBe(`http://localhost:3000/p/${product.slug}?souk_cid=${plain.clickId}`);
  });

  it('is never rate limited, while the API refuses the same visitor past its budget', async () => {
    const { link } = await affiliatedLink(test);
    for (let index = 0; index < budget + 10; index++) {
      const { response } = await clickLink(test, link.code, { ip: otherVisitor });
      expect(response.statusCode).toBe(302);
    }
    const statuses: number[] = [];
    for (let index = 0; index < budget + 2; index++) {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/marketplace/categories',
        remoteAddress: otherVisitor,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('serves its translated 404 page with strict headers of its own', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/r/nosuchcode',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      remoteAddress: '198.51.100.10',
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('lang="en"');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('leaves the platform headers on every other route', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-request-id']).toBeDefined();
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });
});
