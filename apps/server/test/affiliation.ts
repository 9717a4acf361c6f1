import type { ProductCreateInput } from '@souk/contracts/catalog';
import { expect } from 'vitest';
import { call, createCategory, dealInput, teamOf } from './catalog.ts';
import { createTestUser, type TestApp, type TestUser } from './harness.ts';

export const browserAgent =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** A published deal of `merchant`'s team: 1,000.00 MAD with 10 % commission unless overridden. */
export async function publishDeal(
  test: TestApp,
  merchant: TestUser,
  overrides: Partial<ProductCreateInput> = {},
): Promise<{ id: string; slug: string }> {
  const categoryId = (await createCategory(test)).id;
  const team = await teamOf(test, merchant);
  const created = await call(
    test,
    merchant,
    'POST',
    `/api/v1/products?organizationId=${team}`,
    dealInput(categoryId, {
      title: `Dîner gastronomique ${Math.random().toString(36).slice(2, 8)}`,
      originalPriceMinor: 150_000,
      discountedPriceMinor: 100_000,
      commission: { type: 'percentage', basisPoints: 1000 },
      ...overrides,
    }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const published = await call(test, merchant, 'POST', `/api/v1/products/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return { id: created.json().id, slug: created.json().slug };
}

/** An API key of `user` with the given scopes, as a Bearer header value. */
export async function apiKeyOf(test: TestApp, user: TestUser, scopes: string[]): Promise<string> {
  const created = await call(test, user, 'POST', '/api/v1/api-keys', { name: scopes.join(' '), scopes });
  expect(created.statusCode, created.body).toBe(201);
  return `Bearer ${created.json().key}`;
}

export function withKey(test: TestApp, key: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return test.app.inject({
    method,
    url,
    headers: { authorization: key, 'x-souk-locale': 'en' },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A browser following a short link; returns the response and the click id it was given. */
export async function clickLink(
  test: TestApp,
  code: string,
  options: { userAgent?: string; ip?: string; query?: string } = {},
) {
  const response = await test.app.inject({
    method: 'GET',
    url: `/r/${code}${options.query ? `?${options.query}` : ''}`,
    headers: { 'user-agent': options.userAgent ?? browserAgent },
    ...(options.ip ? { remoteAddress: options.ip } : {}),
  });
  const location = response.headers.location as string | undefined;
  const clickId = location ? new URL(location).searchParams.get('souk_cid') : null;
  return { response, location, clickId };
}

export interface Affiliated {
  merchant: TestUser;
  influencer: TestUser;
  product: { id: string; slug: string };
  link: { id: string; code: string; shortUrl: string };
}

/** Merchant, published deal, influencer approved on it with a link: the start of most tests. */
export async function affiliatedLink(
  test: TestApp,
  options: { merchant?: TestUser; deal?: Partial<ProductCreateInput> } = {},
): Promise<Affiliated> {
  const merchant = options.merchant ?? (await createTestUser(test, { accountType: 'merchant' }));
  const influencer = await createTestUser(test, { accountType: 'influencer' });
  const product = await publishDeal(test, merchant, options.deal);
  const requested = await call(test, influencer, 'POST', `/api/v1/products/${product.id}/affiliation-requests`, {
    message: 'Hello',
    audience: [{ platform: 'instagram', handle: '@me', followers: 12_000 }],
  });
  expect(requested.statusCode, requested.body).toBe(201);
  const approved = await call(
    test,
    merchant,
    'POST',
    `/api/v1/affiliation-requests/${requested.json().id}/approve`,
    {},
  );
  expect(approved.statusCode, approved.body).toBe(200);
  const link = await call(test, influencer, 'POST', '/api/v1/links', { productId: product.id });
  expect(link.statusCode, link.body).toBe(201);
  return { merchant, influencer, product, link: link.json() };
}

/** Writes buffered clicks now (they are otherwise written within 250 ms). */
export function flushClicks(test: TestApp): Promise<void> {
  return test.runtime.services.affiliation.clicks.flush();
}
