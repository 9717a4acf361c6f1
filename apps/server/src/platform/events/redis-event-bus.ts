import { Redis } from 'ioredis';
import { deliver, type EventBus, type EventBusLogger, type MessageHandler, type Unsubscribe } from './event-bus.ts';

export interface RedisEventBusOptions {
  url: string;
  logger: EventBusLogger;
  /** Keeps our channels apart from other users of a shared Redis. */
  channelPrefix?: string;
}

/** Local handlers of one Redis channel; `active` settles when Redis confirmed the SUBSCRIBE. */
interface ChannelSubscription {
  handlers: Set<MessageHandler>;
  active: Promise<void>;
}

/**
 * Redis pub/sub, so a message published on one node reaches WebSockets held by every node.
 * A connection in subscriber mode can run nothing else, hence two connections. Redis is asked
 * once per channel however many local handlers listen to it (one per open tab), and told to
 * stop when the last one leaves.
 */
export class RedisEventBus implements EventBus {
  private readonly channels = new Map<string, ChannelSubscription>();
  private readonly prefix: string;
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: EventBusLogger,
    prefix: string,
  ) {
    this.prefix = prefix;
    subscriber.on('message', (key: string, payload: string) => this.dispatch(key, payload));
  }

  /** Connects both connections now, so a wrong REDIS_URL stops the boot rather than the first publish. */
  static async connect(options: RedisEventBusOptions): Promise<RedisEventBus> {
    const open = (name: string) => {
      // A publish during an outage fails after two retries instead of queueing forever; the
      // subscriber reconnects on its own and ioredis re-subscribes its channels.
      const connection = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: name });
      connection.on('error', (error: Error) =>
        options.logger.warn({ err: error, connection: name }, 'event bus Redis error'),
      );
      return connection;
    };
    const publisher = open('souk-events-publish');
    const subscriber = open('souk-events-subscribe');
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return new RedisEventBus(publisher, subscriber, options.logger, options.channelPrefix ?? 'souk:events:');
  }

  async publish(channel: string, message: object): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    if (this.closed) throw new Error('event bus is closed');
    const key = this.prefix + channel;
    let subscription = this.channels.get(channel);
    if (!subscription) {
      const created: ChannelSubscription = {
        handlers: new Set(),
        active: this.subscriber.subscribe(key).then(
          () => undefined,
          (error: unknown) => {
            // Forget the failed attempt so that the next subscriber asks Redis again.
            if (this.channels.get(channel) === created) this.channels.delete(channel);
            throw error;
          },
        ),
      };
      this.channels.set(channel, created);
      subscription = created;
    }
    // A wrapper per call: the same function subscribed twice is two subscriptions, each undone once.
    const registration: MessageHandler = (message) => handler(message);
    subscription.handlers.add(registration);
    await subscription.active;

    const joined = subscription;
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      joined.handlers.delete(registration);
      if (joined.handlers.size > 0 || this.channels.get(channel) !== joined) return;
      this.channels.delete(channel);
      // Commands on one connection run in order: a SUBSCRIBE sent after this by a newcomer wins.
      if (!this.closed) await this.subscriber.unsubscribe(key);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channels.clear();
    await Promise.all([
      this.publisher.quit().catch(() => this.publisher.disconnect()),
      this.subscriber.quit().catch(() => this.subscriber.disconnect()),
    ]);
  }

  private dispatch(key: string, payload: string): void {
    if (!key.startsWith(this.prefix)) return;
    const channel = key.slice(this.prefix.length);
    const subscription = this.channels.get(channel);
    if (!subscription) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'event bus message is not JSON; dropped');
      return;
    }
    for (const handler of [...subscription.handlers]) deliver(handler, message, channel, this.logger);
  }
}
