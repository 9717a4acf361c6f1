import { defaultLocale } from '@souk/contracts/locales';
import {
  type NotificationChannel,
  type NotificationEvent,
  type NotificationList,
  type NotificationView,
  notificationPreferenceSchema,
} from '@souk/contracts/notifications';
import { and, count, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { UserContact } from '../../identity/user-directory.ts';
import { afterCursor, isUuid, paginate } from '../cursor.ts';
import { notifications } from '../schema.ts';
import type { NotificationChannelAdapters, NotificationRecipient } from './channel.ts';
import { type NotificationData, renderNotification } from './events.ts';
import type { NotificationHints } from './notification-hints.ts';
import { enabledChannels, loadPreferences, type NotificationPreference, savePreferences } from './preferences.ts';

/**
 * The part of identity's UserDirectory that notify needs. The optional executor lets a notify
 * made inside a caller's transaction read the user through that transaction: on PGlite the
 * single connection is held by it, and a read outside would wait for it forever.
 */
export interface RecipientDirectory {
  getContact(userId: string, options?: { executor?: Executor }): Promise<UserContact | null>;
}

export interface NotificationServiceDeps {
  db: Database;
  users: RecipientDirectory;
  channels: NotificationChannelAdapters;
  /** Live updates of the bell in the recipient's open tabs. */
  hints: Pick<NotificationHints, 'changed'>;
}

export interface NotifyOptions {
  /** The caller's transaction: the notification exists (and is mailed) only if it commits. */
  executor?: Executor | undefined;
}

export interface NotifyResult {
  /** The channels it went to after the recipient's preferences. */
  channels: NotificationChannel[];
}

export interface NotificationListQuery {
  cursor?: string | undefined;
  limit: number;
  unread?: boolean | undefined;
}

const preferencesInputSchema = z.array(notificationPreferenceSchema).max(500);

type NotificationRow = typeof notifications.$inferSelect;

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    event: row.event,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toRecipient(contact: UserContact): NotificationRecipient {
  return { id: contact.id, name: contact.name, email: contact.email, locale: contact.locale ?? defaultLocale };
}

export class NotificationService {
  constructor(private readonly deps: NotificationServiceDeps) {}

  /**
   * The one call every module makes to tell someone something. Renders the event in the
   * recipient's language and hands it to each channel their preferences allow, all in one
   * transaction (the caller's when given).
   */
  async notify<Event extends NotificationEvent>(
    recipientId: string,
    event: Event,
    data: NotificationData<Event>,
    options: NotifyOptions = {},
  ): Promise<NotifyResult> {
    const { executor } = options;
    if (executor) {
      const recipient = await this.findRecipient(recipientId, executor);
      const result = await this.dispatch(recipient, event, data, executor);
      // Not committed yet, maybe never: a hint without a count, so no tab shows a number that
      // includes a rolled-back row; the tab asks the API again.
      if (result.channels.includes('in_app')) await this.deps.hints.changed(recipient.id);
      return result;
    }
    // Looked up before the transaction opens: a directory that reads outside it must not wait on it.
    const recipient = await this.findRecipient(recipientId, undefined);
    const result = await this.deps.db.transaction((tx) => this.dispatch(recipient, event, data, tx));
    if (result.channels.includes('in_app')) await this.announceChange(recipient.id);
    return result;
  }

  /** After a committed change: the open tabs get the new unread count. */
  private announceChange(recipientId: string): Promise<void> {
    return this.deps.hints.changed(recipientId, () => this.unreadCount(recipientId));
  }

  private async findRecipient(recipientId: string, executor: Executor | undefined): Promise<NotificationRecipient> {
    const contact = await this.deps.users.getContact(recipientId, executor ? { executor } : undefined);
    if (!contact) throw new AppError('not_found', 'Unknown notification recipient');
    return toRecipient(contact);
  }

  private async dispatch(
    recipient: NotificationRecipient,
    event: NotificationEvent,
    input: unknown,
    executor: Executor,
  ): Promise<NotifyResult> {
    const { data, rendered } = renderNotification(event, input, recipient.locale);
    const channels = await enabledChannels(executor, recipient.id, event);
    for (const channel of channels) {
      await this.deps.channels[channel].deliver(recipient, { event, data, rendered }, executor);
    }
    return { channels };
  }

  async list(recipientId: string, query: NotificationListQuery): Promise<NotificationList> {
    const { db } = this.deps;
    const conditions: SQL[] = [eq(notifications.recipientId, recipientId)];
    if (query.unread) conditions.push(isNull(notifications.readAt));
    if (query.cursor) conditions.push(afterCursor(notifications.createdAt, notifications.id, query.cursor));
    const rows = await db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1);
    const { page, nextCursor } = paginate(rows, query.limit);
    return { items: page.map(toView), unreadCount: await this.unreadCount(recipientId), nextCursor };
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row] = await this.deps.db
      .select({ value: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
    return row?.value ?? 0;
  }

  /** Someone else's notification is not found, exactly as a missing one: nothing leaks, nothing changes. */
  async markRead(recipientId: string, notificationId: string): Promise<void> {
    if (!isUuid(notificationId)) throw new AppError('not_found');
    const updated = await this.deps.db
      .update(notifications)
      // coalesce keeps the first read time when marked twice.
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, notificationId), eq(notifications.recipientId, recipientId)))
      .returning({ id: notifications.id });
    if (updated.length === 0) throw new AppError('not_found');
    await this.announceChange(recipientId);
  }

  /** Returns how many notifications were unread. */
  async markAllRead(recipientId: string): Promise<number> {
    const updated = await this.deps.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    // Even when nothing was unread: another tab may still show a stale count.
    await this.announceChange(recipientId);
    return updated.length;
  }

  getPreferences(recipientId: string): Promise<NotificationPreference[]> {
    return loadPreferences(this.deps.db, recipientId);
  }

  /** Stores the given choices (others keep theirs) and returns the full set; invalid input changes nothing. */
  async setPreferences(
    recipientId: string,
    preferences: readonly NotificationPreference[],
  ): Promise<NotificationPreference[]> {
    const valid = preferencesInputSchema.parse(preferences);
    return this.deps.db.transaction(async (tx) => {
      await savePreferences(tx, recipientId, valid);
      return loadPreferences(tx, recipientId);
    });
  }

  /** Deletes read notifications older than the given age; unread ones stay until read. */
  async pruneRead(olderThanDays: number): Promise<number> {
    const deleted = await this.deps.db
      .delete(notifications)
      .where(
        and(
          isNotNull(notifications.readAt),
          lt(notifications.createdAt, sql`now() - make_interval(days => ${olderThanDays}::int)`),
        ),
      )
      .returning({ id: notifications.id });
    return deleted.length;
  }
}
