/** Receives one message published on a channel (a parsed JSON value: never trust its shape). */
export type MessageHandler = (message: unknown) => void;

/** Undoes one `subscribe`; calling it twice is harmless. */
export type Unsubscribe = () => Promise<void>;

/**
 * Fire-and-forget messages between parts of the platform, possibly on other nodes. Delivery is
 * at most once and only to subscribers listening at that moment: use it for hints ("something
 * changed, look again"), never for anything that must not be lost (that is what jobs are for).
 */
export interface EventBus {
  /** Messages travel as JSON: what subscribers get is a copy, without functions, Dates become strings. */
  publish(channel: string, message: object): Promise<void>;
  /** Resolves once the subscription is active: a message published after that reaches the handler. */
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

/** What a bus reports about failures it cannot hand back to a caller (a throwing handler, a bad message). */
export interface EventBusLogger {
  warn(details: object, message: string): void;
}

/** One handler's failure must not stop delivery to the others, nor reach the publisher. */
export function deliver(handler: MessageHandler, message: unknown, channel: string, logger: EventBusLogger): void {
  try {
    handler(message);
  } catch (error) {
    logger.warn({ err: error, channel }, 'event bus handler failed');
  }
}
