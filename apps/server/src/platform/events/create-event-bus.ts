import type { EventBus, EventBusLogger } from './event-bus.ts';
import { MemoryEventBus } from './memory-event-bus.ts';

export interface EventBusOptions {
  /** Set when several nodes serve WebSockets: they then share messages through Redis pub/sub. */
  redisUrl?: string | undefined;
  logger: EventBusLogger;
}

/** In memory by default; Redis when configured. Redis is loaded only then. */
export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  if (!options.redisUrl) return new MemoryEventBus(options.logger);
  const { RedisEventBus } = await import('./redis-event-bus.ts');
  return RedisEventBus.connect({ url: options.redisUrl, logger: options.logger });
}
