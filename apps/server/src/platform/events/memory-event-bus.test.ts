import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryEventBus } from './memory-event-bus.ts';

const logger = { warn: vi.fn() };
let bus: MemoryEventBus;
afterEach(async () => {
  await bus?.close();
  logger.warn.mockReset();
});

/** Resolves with the next message a fresh subscriber on `channel` receives. */
function nextMessage(target: MemoryEventBus, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    void target.subscribe(channel, resolve);
  });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('MemoryEventBus', () => {
  it('delivers a copy of the message to every subscriber of the channel, and only them', async () => {
    bus = new MemoryEventBus(logger);
    const first = vi.fn();
    const second = vi.fn();
    const elsewhere = vi.fn();
    await bus.subscribe('user:1:notifications', first);
    await bus.subscribe('user:1:notifications', second);
    await bus.subscribe('user:2:notifications', elsewhere);
    const message = { type: 'notifications.changed', unreadCount: 3, at: new Date('2026-01-02T03:04:05Z') };

    await bus.publish('user:1:notifications', message);
    await settle();

    const expected = { type: 'notifications.changed', unreadCount: 3, at: '2026-01-02T03:04:05.000Z' };
    expect(first).toHaveBeenCalledExactlyOnceWith(expected);
    expect(second).toHaveBeenCalledExactlyOnceWith(expected);
    expect(first.mock.calls[0]?.[0]).not.toBe(second.mock.calls[0]?.[0]);
    expect(elsewhere).not.toHaveBeenCalled();
  });

  it('delivers after publish returns, as a remote bus would', async () => {
    bus = new MemoryEventBus(logger);
    const handler = vi.fn();
    await bus.subscribe('c', handler);
    await bus.publish('c', { n: 1 });
    expect(handler).not.toHaveBeenCalled();
    await settle();
    expect(handler).toHaveBeenCalledOnce();
  });

  it('stops delivering after unsubscribe, which may be called twice', async () => {
    bus = new MemoryEventBus(logger);
    const kept = vi.fn();
    const dropped = vi.fn();
    await bus.subscribe('c', kept);
    const unsubscribe = await bus.subscribe('c', dropped);
    await unsubscribe();
    await unsubscribe();
    await bus.publish('c', { n: 1 });
    await settle();
    expect(kept).toHaveBeenCalledOnce();
    expect(dropped).not.toHaveBeenCalled();
  });

  it('keeps delivering to the others when one handler throws, and logs it', async () => {
    bus = new MemoryEventBus(logger);
    await bus.subscribe('c', () => {
      throw new Error('boom');
    });
    const received = nextMessage(bus, 'c');
    await settle();
    await expect(bus.publish('c', { n: 1 })).resolves.toBeUndefined();
    await expect(received).resolves.toEqual({ n: 1 });
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ channel: 'c' }), 'event bus handler failed');
  });

  it('refuses to publish or subscribe once closed', async () => {
    bus = new MemoryEventBus(logger);
    const handler = vi.fn();
    await bus.subscribe('c', handler);
    await bus.close();
    await expect(bus.publish('c', {})).rejects.toThrow('closed');
    await expect(bus.subscribe('c', handler)).rejects.toThrow('closed');
    expect(handler).not.toHaveBeenCalled();
  });
});
