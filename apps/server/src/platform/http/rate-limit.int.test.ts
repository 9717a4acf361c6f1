import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

async function open(env: Record<string, string>): Promise<TestApp> {
  const test = await buildTestApp({ env });
  opened.push(test);
  return test;
}

const redisUrl = process.env.REDIS_URL;

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client exceeds its budget (memory store)', async () => {
    const test = await open({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await test.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '203.0.113.9' })).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await test.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '203.0.113.9' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    const otherClient = await test.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '203.0.113.10' });
    expect(otherClient.statusCode).toBe(401);
  });

  it('never limits health probes', async () => {
    const test = await open({ RATE_LIMIT_PER_MINUTE: '1' });
    for (let i = 0; i < 3; i++) {
      expect((await test.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
  });

  it.skipIf(!redisUrl)('shares one budget across nodes through Redis', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: redisUrl ?? '' };
    const nodeA = await open(env);
    const nodeB = await open(env);
    const client = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (const node of [nodeA, nodeB, nodeA, nodeB, nodeA]) {
      statuses.push((await node.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: client })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});
