import type { EventBus } from '../../../platform/events/event-bus.ts';

/** The bus channel a person's open tabs listen on (through the notification stream). */
export function notificationsChannel(userId: string): string {
  return `user:${userId}:notifications`;
}

/**
 * What the notification stream sends, as JSON text frames. `unreadCount` is absent when it could
 * not be known for sure (see `NotificationHints.changed`): the client then asks the API again.
 */
export type NotificationStreamMessage =
  | { type: 'ready'; unreadCount: number }
  | { type: 'notifications.changed'; unreadCount?: number };

export interface HintLogger {
  warn(details: object, message: string): void;
}

export interface NotificationHintsDeps {
  events: Pick<EventBus, 'publish'>;
  logger: HintLogger;
}

/**
 * Tells a person's open tabs that their notifications changed. A hint is a convenience: the
 * notification is already stored, so a failure here (bus down, count query failed) is logged
 * and never fails the operation that caused it.
 */
export class NotificationHints {
  constructor(private readonly deps: NotificationHintsDeps) {}

  /**
   * `countUnread` runs after the write committed, so the number is true. Without it the hint
   * carries no number: used when the write is still inside a caller's transaction, where a count
   * could include a row that is later rolled back, and the hint may arrive before the commit.
   */
  async changed(userId: string, countUnread?: () => Promise<number>): Promise<void> {
    try {
      const message: NotificationStreamMessage = countUnread
        ? { type: 'notifications.changed', unreadCount: await countUnread() }
        : { type: 'notifications.changed' };
      await this.deps.events.publish(notificationsChannel(userId), message);
    } catch (error) {
      this.deps.logger.warn({ err: error, userId }, 'notification hint not published');
    }
  }
}
