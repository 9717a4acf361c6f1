import {
  type NotificationChannel,
  type NotificationEvent,
  notificationChannels,
  notificationEventNames,
  notificationEvents,
} from '@souk/contracts/notifications';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { notificationPreferences } from '../schema.ts';

export interface NotificationPreference {
  event: NotificationEvent;
  channel: NotificationChannel;
  enabled: boolean;
}

export function defaultEnabled(event: NotificationEvent, channel: NotificationChannel): boolean {
  const defaults: Partial<Record<NotificationChannel, boolean>> = notificationEvents[event].defaults;
  return defaults[channel] ?? false;
}

const key = (event: string, channel: string) => `${event}\u0000${channel}`;

/**
 * Every event x channel, the stored choice where there is one and the default otherwise. Rows for
 * events or channels that no longer exist are ignored.
 */
export function mergeWithDefaults(
  stored: ReadonlyArray<{ event: string; channel: string; enabled: boolean }>,
): NotificationPreference[] {
  const choices = new Map(stored.map((row) => [key(row.event, row.channel), row.enabled]));
  return notificationEventNames.flatMap((event) =>
    notificationChannels.map((channel) => ({
      event,
      channel,
      enabled: choices.get(key(event, channel)) ?? defaultEnabled(event, channel),
    })),
  );
}

/** The same preference listed twice in one update: the last one wins, as a form would do. */
export function dedupePreferences(preferences: readonly NotificationPreference[]): NotificationPreference[] {
  const byKey = new Map(preferences.map((preference) => [key(preference.event, preference.channel), preference]));
  return [...byKey.values()];
}

export async function loadPreferences(executor: Executor, recipientId: string): Promise<NotificationPreference[]> {
  const rows = await executor
    .select({
      event: notificationPreferences.event,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.recipientId, recipientId));
  return mergeWithDefaults(rows);
}

/** The channels an event goes to for this recipient, in the order of `notificationChannels`. */
export async function enabledChannels(
  executor: Executor,
  recipientId: string,
  event: NotificationEvent,
): Promise<NotificationChannel[]> {
  const rows = await executor
    .select({ channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.recipientId, recipientId), eq(notificationPreferences.event, event)));
  const choices = new Map(rows.map((row) => [row.channel, row.enabled]));
  return notificationChannels.filter((channel) => choices.get(channel) ?? defaultEnabled(event, channel));
}

/** Upserts the given choices in one statement: all of them are stored or none is. */
export async function savePreferences(
  executor: Executor,
  recipientId: string,
  preferences: readonly NotificationPreference[],
): Promise<void> {
  const rows = dedupePreferences(preferences).map((preference) => ({ recipientId, ...preference }));
  if (rows.length === 0) return;
  await executor
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.recipientId, notificationPreferences.event, notificationPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
    });
}
