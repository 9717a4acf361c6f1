import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAgent } from '../../../test/affiliation.ts';
import { clientAddressResolver } from '../../platform/http/client-address.ts';
import { FrontDoor } from '../../platform/http/front-door.ts';
import { ClickBuffer } from './click-buffer.ts';
import { type ClickColumns, decodeClickColumns } from './click-columns.ts';
import type { ClickSink, PreviewHit, RecordedClick } from './click-sink.ts';
import type { LinkTarget } from './link-cache.ts';
import { destinationWith, redirectRoutes } from './redirect-routes.ts';
import { UniqueClickWindow } from './visitor.ts';

class MemorySink implements ClickSink {
  clicks: RecordedClick[] = [];
  previews: PreviewHit[] = [];
  async write(columns: ClickColumns | null, previews: PreviewHit[]) {
    if (columns) this.clicks.push(...decodeClickColumns(columns));
    this.previews.push(...previews);
  }
}

const summer: LinkTarget = {
  linkId: 'link-1',
  organizationId: 'team-1',
  destination: 'https://souk.test/p/summer-deal',
  attributionWindowDays: 7,
};

describe('the redirect on an HTTPS site', () => {
  const sink = new MemorySink();
  const buffer = new ClickBuffer(sink, { logger: { error: () => undefined }, flushIntervalMs: 10_000 });
  const app = Fastify();

  beforeAll(async () => {
    await app.register(
      redirectRoutes({
        publicUrl: 'https://souk.test',
        resolve: async (code) => (code === 'summer' ? summer : null),
        cached: () => undefined,
        buffer,
        unique: new UniqueClickWindow(),
        countries: null,
      }),
    );
  });
  afterAll(async () => {
    await buffer.close();
    await app.close();
  });

  it('pins HTTPS and marks the click cookie Secure', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/r/summer',
      headers: { 'user-agent': browserAgent },
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const clickId = new URL(response.headers.location as string).searchParams.get('souk_cid');
    expect(response.headers['set-cookie']).toBe(
      `souk_cid=${clickId}; Max-Age=604800; Path=/; SameSite=Lax; HttpOnly; Secure`,
    );
    await buffer.flush();
    expect(sink.clicks.map((click) => click.id)).toEqual([clickId]);
  });

  it('pins HTTPS on its 404 page too', async () => {
    const response = await app.inject({ method: 'GET', url: '/r/winter' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

// Real connections reach the front door first; `inject` only ever reaches the route. The front
// door must give the route's answer, and leave everything else to it.
describe('the redirect at the front door of the HTTP server', () => {
  const sink = new MemorySink();
  const buffer = new ClickBuffer(sink, { logger: { error: () => undefined }, flushIntervalMs: 10_000 });
  const answered: string[] = [];
  // Trusts the loopback proxy one hop, as TRUST_PROXY=1 does behind a load balancer.
  const frontDoor = new FrontDoor({ address: clientAddressResolver((_address, hop) => hop < 1) });
  frontDoor.observe((method, route, status) => answered.push(`${method} ${route} ${status}`));
  const app = Fastify({ serverFactory: frontDoor.serverFactory, trustProxy: (_address, hop) => hop < 1 });
  let origin = '';

  beforeAll(async () => {
    app.decorate('frontDoor', frontDoor);
    await app.register(
      redirectRoutes({
        publicUrl: 'https://souk.test',
        resolve: async (code) => (code === 'summer' ? summer : null),
        // Only `summer` is in the cache; `autumn` resolves through the route (a cache miss).
        cached: (code) => (code === 'summer' ? summer : undefined),
        buffer,
        unique: new UniqueClickWindow(),
        countries: null,
      }),
    );
    app.get('/r/:code/extra', async () => 'not a redirect');
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await buffer.close();
    await app.close();
  });

  const click = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${origin}${path}`, { method, redirect: 'manual', headers: { 'user-agent': browserAgent, ...headers } });
  const answersSince = (count: number) => answered.slice(count);
  const comparable = (headers: Record<string, string | string[] | number | undefined>) => {
    const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
    return Object.fromEntries(
      Object.entries(rest).map(([name, value]) => [name, String(value).replace(/[0-9a-f-]{36}/g, '<click>')]),
    );
  };

  it('answers a cached link itself, with exactly the headers the route gives', async () => {
    const before = answered.length;
    const response = await click('/r/summer?utm_source=ig', {
      referer: 'https://www.instagram.com/p/abc',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(answersSince(before)).toEqual(['GET /r/:code 302']);
    expect(response.status).toBe(302);
    const clickId = new URL(response.headers.get('location') as string).searchParams.get('souk_cid');
    expect(response.headers.get('location')).toBe(`https://souk.test/p/summer-deal?utm_source=ig&souk_cid=${clickId}`);
    expect(await response.text()).toBe('');

    const throughRoute = await app.inject({
      method: 'GET',
      url: '/r/summer?utm_source=ig',
      headers: { 'user-agent': browserAgent },
    });
    expect(comparable(Object.fromEntries(response.headers))).toEqual(comparable(throughRoute.headers));

    await buffer.flush();
    const recorded = sink.clicks.find((entry) => entry.id === clickId);
    // The forwarded address, as request.ip gives it under the same proxy trust.
    expect(recorded).toMatchObject({ linkId: 'link-1', ip: '203.0.113.7', referrerHost: 'www.instagram.com' });
  });

  it('leaves cache misses, unknown codes, previews, HEAD and other paths to the route', async () => {
    const before = answered.length;
    const previewsBefore = sink.previews.length;
    const miss = await click('/r/autumn');
    expect(miss.status).toBe(404);
    expect(await miss.text()).toContain('<html');
    const preview = await click('/r/summer', { 'user-agent': 'WhatsApp/2.23.20.0' });
    expect(preview.status).toBe(302);
    expect(preview.headers.get('set-cookie')).toBeNull();
    const head = await click('/r/summer', {}, 'HEAD');
    expect(head.status).toBe(302);
    expect(head.headers.get('set-cookie')).toBeNull();
    expect((await click('/r/summer/extra')).status).toBe(200);
    // Encoded: the route decodes it (and redirects); the front door does not try.
    expect((await click('/r/SUM%4dER')).status).toBe(302);
    expect(answersSince(before)).toEqual([]);
    await buffer.flush();
    expect(sink.previews.length - previewsBefore).toBe(2);
  });

  it('closes while the server drains: every answer then goes through the application', async () => {
    frontDoor.close();
    const before = answered.length;
    const response = await click('/r/summer');
    expect(response.status).toBe(302);
    expect(response.headers.get('set-cookie')).toMatch(/^souk_cid=/);
    expect(answersSince(before)).toEqual([]);
  });
});

describe('destination of a click', () => {
  it('appends the click id, passing the visitor query through but never their own click id', () => {
    expect(destinationWith('https://souk.test/p/deal', '', 'c1')).toBe('https://souk.test/p/deal?souk_cid=c1');
    expect(destinationWith('https://souk.test/p/deal', '', null)).toBe('https://souk.test/p/deal');
    expect(destinationWith('https://souk.test/p/deal', 'utm_source=ig&souk_cid=forged&q=a+b', 'c1')).toBe(
      'https://souk.test/p/deal?utm_source=ig&q=a+b&souk_cid=c1',
    );
  });

  it('writes the same URL as the URL class does, whatever the target looks like', () => {
    for (const target of [
      'https://souk.test',
      'https://souk.test/p/d%C3%A9al',
      'https://shop.test/x?ref=souk#top',
      'https://shop.test/x?',
      'https://shop.test/x#',
    ]) {
      const expected = new URL(target);
      expected.searchParams.set('souk_cid', 'c1');
      expect(destinationWith(target, '', 'c1')).toBe(expected.toString());
    }
  });
});
