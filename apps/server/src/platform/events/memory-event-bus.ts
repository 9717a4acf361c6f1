import { EventEmitter } from 'node:events';
import { deliver, type EventBus, type EventBusLogger, type MessageHandler, type Unsubscribe } from './event-bus.ts';

/**
 * The single-process bus: enough while one Node process serves every WebSocket. It copies each
 * message through JSON and delivers it on a later tick so that code written against it behaves
 * as it will over Redis (no shared objects, no re-entrant handler inside `publish`).
 */
export class MemoryEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  private closed = false;

  constructor(private readonly logger: EventBusLogger) {
    // One listener per open WebSocket on a channel: a person with many tabs is not a leak.
    this.emitter.setMaxListeners(0);
  }

  async publish(channel: string, message: object): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    const payload = JSON.stringify(message);
    setImmediate(() => this.emitter.emit(channel, payload));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    if (this.closed) throw new Error('event bus is closed');
    // Each handler parses its own copy, as each Redis subscriber would.
    const listener = (payload: string) => deliver(handler, JSON.parse(payload), channel, this.logger);
    this.emitter.on(channel, listener);
    return async () => {
      this.emitter.off(channel, listener);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
  }
}
