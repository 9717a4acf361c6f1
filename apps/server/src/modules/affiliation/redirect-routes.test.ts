import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAgent } from '../../../test/affiliation.ts';
import { ClickBuffer } from './click-buffer.ts';
import type { ClickSink, PreviewHit, RecordedClick } from './click-sink.ts';
import { destinationWith, redirectRoutes } from './redirect-routes.ts';
import { UniqueClickWindow } from './visitor.ts';

class MemorySink implements ClickSink {
  clicks: RecordedClick[] = [];
  async write(clicks: RecordedClick[], _previews: PreviewHit[]) {
    this.clicks.push(...clicks);
  }
}

describe('the redirect on an HTTPS site', () => {
  const sink = new MemorySink();
  const buffer = new ClickBuffer(sink, { logger: { error: () => undefined }, flushIntervalMs: 10_000 });
  const app = Fastify();

  beforeAll(async () => {
    await app.register(
      redirectRoutes({
        publicUrl: 'https://souk.test',
        resolve: async (code) =>
          code === 'summer'
            ? {
                linkId: 'link-1',
                organizationId: 'team-1',
                destination: 'https://souk.test/p/summer-deal',
                attributionWindowDays: 7,
              }
            : null,
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
