import type { Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../../test/harness.ts';
import { accounts, users } from '../../identity/schema.ts';

const streamUrl = '/api/v1/notifications/stream';
const redisUrl = process.env.REDIS_URL;

/** The client side of `injectWS` (a `ws` WebSocket), as far as these tests use it. */
interface ClientSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  terminate(): void;
}

interface Inbox {
  messages: unknown[];
  socket: ClientSocket;
  /** Resolves once `count` messages have arrived. */
  received(count: number): Promise<unknown[]>;
}

async function connect(target: TestApp, headers: Record<string, string>): Promise<Inbox> {
  const messages: unknown[] = [];
  const socket = (await target.app.injectWS(
    streamUrl,
    // injectWS fakes the request without a socket; the rate limiter keys on its address.
    { headers, socket: { remoteAddress: '127.0.0.1' } as Socket },
    {
      // Listen before the upgrade completes: `ready` may follow it immediately.
      onInit: (ws: ClientSocket) => ws.on('message', (data) => messages.push(JSON.parse(data.toString()))),
    },
  )) as ClientSocket;
  return {
    messages,
    socket,
    async received(count) {
      await vi.waitFor(() => expect(messages.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 20 });
      return messages;
    },
  };
}

const announce = (target: TestApp, user: Pick<TestUser, 'id'>, title: string) =>
  target.runtime.services.messaging.notifications.notify(user.id, 'platform.announcement', { title, body: 'b' });

describe('the notification stream', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('sends ready with the unread count, then each change, to that person only', async () => {
    const alice = await createTestUser(test);
    const bob = await createTestUser(test);
    await announce(test, alice, 'before connecting');
    const aliceStream = await connect(test, { cookie: alice.cookie });
    const bobStream = await connect(test, { cookie: bob.cookie });
    expect(await aliceStream.received(1)).toEqual([{ type: 'ready', unreadCount: 1 }]);
    expect(await bobStream.received(1)).toEqual([{ type: 'ready', unreadCount: 0 }]);

    await announce(test, alice, 'live');
    expect(await aliceStream.received(2)).toEqual([
      { type: 'ready', unreadCount: 1 },
      { type: 'notifications.changed', unreadCount: 2 },
    ]);

    const readAll = await test.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { cookie: alice.cookie, origin: test.runtime.config.PUBLIC_URL },
    });
    expect(readAll.statusCode).toBe(200);
    expect((await aliceStream.received(3))[2]).toEqual({ type: 'notifications.changed', unreadCount: 0 });

    // Delivery to Alice is done; anything for Bob would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bobStream.messages).toEqual([{ type: 'ready', unreadCount: 0 }]);
    aliceStream.socket.terminate();
    bobStream.socket.terminate();
  });

  it('accepts the site’s own origin', async () => {
    const user = await createTestUser(test);
    const stream = await connect(test, { cookie: user.cookie, origin: test.runtime.config.PUBLIC_URL });
    expect(await stream.received(1)).toEqual([{ type: 'ready', unreadCount: 0 }]);
    stream.socket.terminate();
  });

  it('refuses an anonymous upgrade with 401', async () => {
    await expect(connect(test, {})).rejects.toThrow('Unexpected server response: 401');
  });

  it('refuses a page of another site with 403, even with a valid session (cross-site hijacking)', async () => {
    const user = await createTestUser(test);
    await expect(connect(test, { cookie: user.cookie, origin: 'https://evil.example' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
    await expect(connect(test, { cookie: user.cookie, origin: 'null' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
  });

  it('is not part of the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).not.toContain(streamUrl);
  });
});

describe('the notification stream across nodes sharing Redis', () => {
  it.skipIf(!redisUrl)('carries a change made on one node to a socket held by another', async () => {
    const writer = await buildTestApp({ env: { REDIS_URL: redisUrl! } });
    const holder = await buildTestApp({ env: { REDIS_URL: redisUrl! } });
    try {
      // Each test app has its own database; in production both nodes share one. Copy the person
      // over so that the node sending the notification knows them.
      const user = await createTestUser(holder);
      const [userRow] = await holder.runtime.database.db.select().from(users).where(eq(users.id, user.id));
      const accountRows = await holder.runtime.database.db.select().from(accounts).where(eq(accounts.userId, user.id));
      await writer.runtime.database.db.insert(users).values(userRow!);
      await writer.runtime.database.db.insert(accounts).values(accountRows);

      const stream = await connect(holder, { cookie: user.cookie });
      expect(await stream.received(1)).toEqual([{ type: 'ready', unreadCount: 0 }]);

      await announce(writer, user, 'from the other node');
      // The count comes from the writer's database, where the notification is.
      expect((await stream.received(2))[1]).toEqual({ type: 'notifications.changed', unreadCount: 1 });

      // Closing the socket gives the Redis subscription back.
      stream.socket.terminate();
      const redis = new Redis(redisUrl!);
      try {
        await vi.waitFor(
          async () => {
            const [, count] = (await redis.pubsub('NUMSUB', `souk:events:user:${user.id}:notifications`)) as [
              string,
              number,
            ];
            expect(Number(count)).toBe(0);
          },
          { timeout: 5000, interval: 50 },
        );
      } finally {
        await redis.quit();
      }
    } finally {
      await writer.close();
      await holder.close();
    }
  });
});
