import type { Locale } from '@souk/contracts/locales';
import type { NotificationChannel, NotificationEvent } from '@souk/contracts/notifications';
import type { Executor } from '../../../platform/db/database.ts';
import type { RenderedNotification } from './events.ts';

/** The person a notification is for, as identity knows them. */
export interface NotificationRecipient {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

export interface OutgoingNotification {
  event: NotificationEvent;
  /** The event's validated input, kept with the in-app row. */
  data: Record<string, unknown>;
  rendered: RenderedNotification;
}

/**
 * One way of reaching people. SMS, WhatsApp, push or Slack become a new adapter (and a channel
 * name in the contracts); the service does not change.
 */
export interface NotificationChannelAdapter {
  readonly channel: NotificationChannel;
  /** Runs in the notify transaction: whatever it records is rolled back with it. */
  deliver(recipient: NotificationRecipient, notification: OutgoingNotification, executor: Executor): Promise<void>;
}

/** An adapter for every channel: a channel without one is a type error, not a silent drop. */
export type NotificationChannelAdapters = { readonly [Channel in NotificationChannel]: NotificationChannelAdapter };
