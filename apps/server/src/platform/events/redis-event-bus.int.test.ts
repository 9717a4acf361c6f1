import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventBus } from './event-bus.ts';
import { RedisEventBus } from './redis-event-bus.ts';

const redisUrl = process.env.REDIS_URL;
const logger = { warn: vi.fn() };
const opened: EventBus[] = [];
afterEach(async () => {
  for (const bus of opened.splice(0)) await bus.close();
});

async function connect(): Promise<EventBus> {
  const bus = await RedisEventBus.connect({ url: redisUrl!, logger });
  opened.push(bus);
  return bus;
}

/** A channel no other test run uses at the same time on a shared Redis. */
const uniqueChannel = () => `test:${crypto.randomUUID()}`;

async function subscribersOf(channel: string): Promise<number> {
  const client = new Redis(redisUrl!);
  try {
    const [, count] = (await client.pubsub('NUMSUB', `souk:events:${channel}`)) as [string, number];
    return Number(count);
  } finally {
    await client.quit();
  }
}

function waitFor(check: () => void, timeoutMs = 5000): Promise<void> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: 20 });
}

describe('RedisEventBus', () => {
  it.skipIf(!redisUrl)('carries a message published on one instance to a subscriber on another', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    const channel = uniqueChannel();
    const received: unknown[] = [];
    await subscriber.subscribe(channel, (message) => received.push(message));

    await publisher.publish(channel, { type: 'notifications.changed', unreadCount: 2 });

    await waitFor(() => expect(received).toEqual([{ type: 'notifications.changed', unreadCount: 2 }]));
  });

  it.skipIf(!redisUrl)('shares one Redis subscription between local handlers until the last one leaves', async () => {
    const publisher = await connect();
    const subscriber = await connect();
    const channel = uniqueChannel();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const [leaveFirst, leaveSecond] = await Promise.all([
      subscriber.subscribe(channel, (message) => first.push(message)),
      subscriber.subscribe(channel, (message) => second.push(message)),
    ]);

    await publisher.publish(channel, { n: 1 });
    await waitFor(() => expect([first.length, second.length]).toEqual([1, 1]));

    await leaveFirst();
    await publisher.publish(channel, { n: 2 });
    await waitFor(() => expect(second).toEqual([{ n: 1 }, { n: 2 }]));
    expect(first).toEqual([{ n: 1 }]);

    await leaveSecond();
    await leaveSecond();
    // Nobody on this node listens any more: Redis itself counts no subscriber for the channel.
    expect(await subscribersOf(channel)).toBe(0);

    // Joining again after the last one left subscribes again.
    const third: unknown[] = [];
    await subscriber.subscribe(channel, (message) => third.push(message));
    await publisher.publish(channel, { n: 3 });
    await waitFor(() => expect(third).toEqual([{ n: 3 }]));
  });

  it.skipIf(!redisUrl)('fails the boot on an unreachable Redis', async () => {
    await expect(RedisEventBus.connect({ url: 'redis://127.0.0.1:1', logger })).rejects.toThrow();
  });
});
