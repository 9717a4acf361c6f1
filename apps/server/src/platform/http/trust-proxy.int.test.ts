import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

async function meStatuses(env: Record<string, string>, forwardedFor: (attempt: number) => string): Promise<number[]> {
  const test = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', ...env } });
  opened.push(test);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      remoteAddress: '198.51.100.7',
      headers: { 'x-forwarded-for': forwardedFor(attempt) },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe('client addresses behind proxies', () => {
  it('ignores X-Forwarded-For by default: a client cannot pick a fresh IP to escape limits', async () => {
    expect(await meStatuses({}, (attempt) => `203.0.113.${attempt}`)).toEqual([401, 401, 401, 429]);
  });

  it('trusts one hop when told: the load balancer appends the real client, which the client cannot forge', async () => {
    // The client forges the left-most entry; the trusted proxy appends the address it saw.
    const statuses = await meStatuses({ TRUST_PROXY: '1' }, (attempt) => `6.6.6.${attempt}, 203.0.113.50`);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
