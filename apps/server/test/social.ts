import type { SocialProvider } from '@souk/contracts/social';
import { expect } from 'vitest';
import { call } from './catalog.ts';
import { eventually, type TestApp, type TestUser } from './harness.ts';

/**
 * Connects a sandbox account the way a browser does: start, the consent form, the callback.
 * Returns the account as the API lists it.
 */
export async function connectSandbox(
  test: TestApp,
  user: TestUser,
  handle: string,
  owner: Record<string, string> = {},
) {
  const started = await call(test, user, 'POST', '/api/v1/social/connections', { provider: 'sandbox', ...owner });
  expect(started.statusCode, started.body).toBe(201);
  const authorize = new URL(started.json().authorizationUrl);
  const consent = await test.app.inject({ method: 'GET', url: `${authorize.pathname}${authorize.search}` });
  expect(consent.statusCode).toBe(200);
  const decided = await test.app.inject({
    method: 'POST',
    url: '/sandbox/social/oauth/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      ...Object.fromEntries(authorize.searchParams),
      handle,
      decision: 'allow',
    }).toString(),
  });
  expect(decided.statusCode, decided.body).toBe(303);
  const callback = new URL(decided.headers.location as string);
  const back = await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
  expect(back.statusCode).toBe(303);
  expect(back.headers.location).toBe('/social/accounts?connected=sandbox');
  const query = new URLSearchParams(owner).toString();
  const accounts = await call(test, user, 'GET', `/api/v1/social/accounts${query ? `?${query}` : ''}`);
  const account = accounts.json().items.find((item: { handle: string }) => item.handle === handle);
  expect(account).toBeTruthy();
  return account as { id: string; handle: string; provider: SocialProvider; health: string };
}

/** Waits until every target of the post reaches one of `statuses`; returns the post. */
export async function postReaches(
  test: TestApp,
  user: TestUser,
  postId: string,
  statuses: string[],
  timeoutMs = 15_000,
  query = '',
) {
  return eventually(async () => {
    const post = await call(test, user, 'GET', `/api/v1/social/posts/${postId}${query}`);
    expect(post.statusCode, post.body).toBe(200);
    const body = post.json();
    for (const target of body.targets) expect(statuses, JSON.stringify(target.transitions)).toContain(target.status);
    return body;
  }, timeoutMs);
}

/** Connects a real provider's account against its local fake: start, the fake's consent, the callback. */
export async function connectVia(test: TestApp, user: TestUser, provider: SocialProvider) {
  const started = await call(test, user, 'POST', '/api/v1/social/connections', { provider });
  expect(started.statusCode, started.body).toBe(201);
  const consent = await fetch(started.json().authorizationUrl, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.get('location') as string);
  const back = await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
  expect(back.headers.location).toBe(`/social/accounts?connected=${provider}`);
  const accounts = await call(test, user, 'GET', '/api/v1/social/accounts');
  return accounts.json().items.filter((item: { provider: string }) => item.provider === provider) as {
    id: string;
    handle: string;
    health: string;
    quota: { usedToday: number; limit: number | null };
  }[];
}

/** Publishes now to one account and returns the post id. */
export async function publishNow(
  test: TestApp,
  user: TestUser,
  accountId: string,
  input: { caption?: string; media?: unknown[]; options?: Record<string, unknown> } = {},
): Promise<string> {
  const created = await call(test, user, 'POST', '/api/v1/social/posts', {
    media: input.media ?? [{ url: 'https://cdn.example.com/deal.jpg', kind: 'image', width: 1080, height: 1350 }],
    targets: [{ accountId, caption: input.caption ?? 'Dîner au riad ✨ #marrakech', options: input.options ?? {} }],
    mode: 'now',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

/** Every state a target passes through on a publication that waits once for the platform. */
export const publishedAfterWaiting = ['scheduled', 'publishing', 'waiting_for_platform', 'publishing', 'published'];

/** The states a post target went through, in order. */
export function transitionsOf(target: { transitions: { to: string }[] }): string[] {
  return target.transitions.map((row) => row.to);
}
