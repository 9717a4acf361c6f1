import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageHandler } from '../../../platform/events/event-bus.ts';
import { type StreamSocket, streamNotifications } from './notification-stream.ts';

/** Records what the stream does to its socket; `closeFromPeer` plays the browser leaving. */
class FakeSocket extends EventEmitter implements StreamSocket {
  readyState = 1;
  sent: unknown[] = [];
  pings = 0;
  terminated = false;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  ping() {
    this.pings += 1;
  }
  terminate() {
    this.terminated = true;
    this.closeFromPeer();
  }
  closedWith: number | undefined;
  close(code?: number) {
    this.closedWith = code;
    this.closeFromPeer();
  }
  closeFromPeer() {
    this.readyState = 3;
    this.emit('close');
  }
}

/** A bus whose subscribers are visible, and whose delivery the test drives. */
function fakeBus() {
  const handlers = new Map<string, MessageHandler>();
  const unsubscribed: string[] = [];
  return {
    handlers,
    unsubscribed,
    async subscribe(channel: string, handler: MessageHandler) {
      handlers.set(channel, handler);
      return async () => {
        unsubscribed.push(channel);
      };
    },
  };
}

const log = { warn: vi.fn() } as unknown as FastifyBaseLogger;
const channel = 'user:u1:notifications';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('streamNotifications', () => {
  it('sends ready first, even when a hint arrives while the count is read', async () => {
    const socket = new FakeSocket();
    const events = fakeBus();
    let releaseCount: (count: number) => void = () => {};
    const notifications = {
      unreadCount: () =>
        new Promise<number>((resolve) => {
          releaseCount = resolve;
        }),
    };
    const streaming = streamNotifications(socket, 'u1', { notifications, events }, log);
    await vi.waitFor(() => expect(events.handlers.has(channel)).toBe(true));

    events.handlers.get(channel)?.({ type: 'notifications.changed', unreadCount: 4 });
    releaseCount(3);
    await streaming;

    expect(socket.sent).toEqual([
      { type: 'ready', unreadCount: 3 },
      { type: 'notifications.changed', unreadCount: 4 },
    ]);
    events.handlers.get(channel)?.({ type: 'something.else' });
    expect(socket.sent).toHaveLength(2);
    socket.closeFromPeer();
  });

  it('pings on schedule, drops a peer that stopped answering, and unsubscribes on close', async () => {
    const socket = new FakeSocket();
    const events = fakeBus();
    await streamNotifications(
      socket,
      'u1',
      { notifications: { unreadCount: async () => 0 }, events, pingIntervalMs: 1000 },
      log,
    );

    vi.advanceTimersByTime(1000);
    expect(socket.pings).toBe(1);
    socket.emit('pong');
    vi.advanceTimersByTime(1000);
    expect(socket.pings).toBe(2);
    expect(socket.terminated).toBe(false);
    // No pong this time: the next beat gives up on the peer.
    vi.advanceTimersByTime(1000);
    expect(socket.terminated).toBe(true);
    await vi.waitFor(() => expect(events.unsubscribed).toEqual([channel]));

    vi.advanceTimersByTime(5000);
    expect(socket.pings).toBe(2);
  });

  it('closes the stream at the next beat once the session that opened it has ended', async () => {
    const socket = new FakeSocket();
    const events = fakeBus();
    let signedIn = true;
    await streamNotifications(
      socket,
      'u1',
      { notifications: { unreadCount: async () => 0 }, events, pingIntervalMs: 1000 },
      log,
      async () => signedIn,
    );
    await vi.advanceTimersByTimeAsync(1000);
    socket.emit('pong');
    expect(socket.readyState).toBe(1);
    signedIn = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(socket.closedWith).toBe(4401);
    await vi.waitFor(() => expect(events.unsubscribed).toEqual([channel]));
  });

  it('unsubscribes when the tab leaves while the subscription is being made', async () => {
    const socket = new FakeSocket();
    const events = fakeBus();
    const subscribe = events.subscribe;
    events.subscribe = async (name, handler) => {
      socket.closeFromPeer();
      return subscribe(name, handler);
    };
    await streamNotifications(socket, 'u1', { notifications: { unreadCount: async () => 0 }, events }, log);
    expect(events.unsubscribed).toEqual([channel]);
    expect(socket.sent).toEqual([]);
  });

  it('does not subscribe for a socket already closed', async () => {
    const socket = new FakeSocket();
    const events = fakeBus();
    socket.closeFromPeer();
    await streamNotifications(socket, 'u1', { notifications: { unreadCount: async () => 0 }, events }, log);
    expect(events.handlers.size).toBe(0);
  });

  it('closes with 1011 when the bus cannot subscribe, so the tab retries later', async () => {
    const socket = new FakeSocket();
    const close = vi.spyOn(socket, 'close');
    const events = { subscribe: () => Promise.reject(new Error('Redis down')) };
    await streamNotifications(socket, 'u1', { notifications: { unreadCount: async () => 0 }, events }, log);
    expect(close).toHaveBeenCalledWith(1011, 'unavailable');
  });
});
