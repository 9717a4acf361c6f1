import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AnonymousPageCache } from './anonymous-page-cache.ts';

const browser =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

function request(url: string, headers: Record<string, string> = {}, method = 'GET'): FastifyRequest {
  return {
    method,
    url,
    headers: { 'user-agent': browser, 'accept-encoding': 'br', 'accept-language': 'fr', ...headers },
  } as unknown as FastifyRequest;
}

const page = (status = 200, headers: Record<string, string> = {}) =>
  new Response('<html>deal</html>', { status, headers: { 'content-type': 'text/html', ...headers } });

describe('anonymous page cache', () => {
  it('shares public pages only, and only with visitors without cookies', () => {
    const cache = new AnonymousPageCache();
    for (const url of ['/', '/?lang=ar', '/marketplace?q=spa&cursor=x', '/p/spa-day', '/pricing', '/legal/terms']) {
      expect(cache.keyOf(request(url)), url).not.toBeNull();
    }
    for (const url of ['/p/spa-day/buy', '/p/spa-day/promote', '/sign-in', '/merchant/orders', '/account/orders']) {
      expect(cache.keyOf(request(url)), url).toBeNull();
    }
    expect(cache.keyOf(request('/p/spa-day', { cookie: 'souk_cid=1' }))).toBeNull();
    expect(cache.keyOf(request('/p/spa-day', { authorization: 'Bearer x' }))).toBeNull();
    expect(cache.keyOf(request('/p/spa-day', {}, 'POST'))).toBeNull();
  });

  it('keeps one copy per language, compression and kind of reader', () => {
    const cache = new AnonymousPageCache();
    const keys = new Set([
      cache.keyOf(request('/p/spa-day')),
      cache.keyOf(request('/p/spa-day', { 'accept-language': 'ar' })),
      cache.keyOf(request('/p/spa-day', { 'accept-encoding': 'gzip' })),
      cache.keyOf(request('/p/spa-day', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' })),
      cache.keyOf(request('/p/spa-day?lang=en')),
    ]);
    expect(keys.size).toBe(5);
  });

  it('keeps complete 200 answers without cookies for its lifetime, until cleared', async () => {
    const cache = new AnonymousPageCache(5_000);
    const key = cache.keyOf(request('/p/spa-day')) as string;
    expect(cache.mayKeep(page(404))).toBe(false);
    expect(cache.mayKeep(page(200, { 'set-cookie': 'a=1' }))).toBe(false);
    expect(cache.mayKeep(page(200, { 'cache-control': 'private, no-store' }))).toBe(false);
    expect(cache.mayKeep(page())).toBe(true);
    const stored = await cache.store(key, page(), cache.begin(), 1_000);
    expect(stored.body.toString()).toBe('<html>deal</html>');
    expect(cache.get(key, 5_999)?.body.toString()).toBe('<html>deal</html>');
    expect(cache.get(key, 6_000)).toBeUndefined();
    await cache.store(key, page(), cache.begin(), 10_000);
    cache.clear();
    expect(cache.get(key, 10_001)).toBeUndefined();
  });

  it('does not keep a page whose render began before a write', async () => {
    const cache = new AnonymousPageCache(5_000);
    const key = cache.keyOf(request('/p/spa-day')) as string;
    const begun = cache.begin();
    cache.clear(); // a merchant's change lands while the page renders
    const sent = await cache.store(key, page(), begun, 1_000);
    expect(sent.body.toString()).toBe('<html>deal</html>');
    expect(cache.get(key, 1_001)).toBeUndefined();
    await cache.store(key, page(), cache.begin(), 1_000);
    expect(cache.get(key, 1_001)).toBeDefined();
  });

  it('does not keep a page larger than its limit, and stays bounded in pages', async () => {
    const small = new AnonymousPageCache(5_000, 2, 10);
    const key = small.keyOf(request('/p/spa-day')) as string;
    const sent = await small.store(key, page(), small.begin());
    expect(sent.body.length).toBeGreaterThan(10);
    expect(small.size).toBe(0);
    const bounded = new AnonymousPageCache(5_000, 2);
    for (const slug of ['a', 'b', 'c']) await bounded.store(`/p/${slug}`, page(), bounded.begin());
    expect(bounded.size).toBeLessThanOrEqual(2);
  });
});
