import type { Locale } from '@souk/contracts/locales';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, createTestUser, eventually, type TestApp } from '../../../../test/harness.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { UserContact } from '../../identity/user-directory.ts';
import { MailService } from '../mail/mail-service.ts';
import { createOutboxTransport } from '../mail/outbox-transport.ts';
import { mailMessages, notifications } from '../schema.ts';
import { createEmailChannel } from './email-channel.ts';
import { createInAppChannel } from './in-app-channel.ts';
import { NotificationHints } from './notification-hints.ts';
import { NotificationService, type RecipientDirectory } from './notification-service.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

const db = () => test.runtime.database.db;
const mailsTo = (address: string) => db().select().from(mailMessages).where(eq(mailMessages.toAddress, address));
const inAppFor = (userId: string) => db().select().from(notifications).where(eq(notifications.recipientId, userId));

describe('notify', () => {
  it('stores the in-app notification and mails it, in the recipient language, by default', async () => {
    const user = await createTestUser(test, { locale: 'ar' });
    const { notifications: service } = test.runtime.services.messaging;

    const result = await service.notify(user.id, 'account.welcome', { name: 'Salma' });

    expect(result.channels).toEqual(['in_app', 'email']);
    const [stored] = await inAppFor(user.id);
    expect(stored).toMatchObject({ event: 'account.welcome', title: 'مرحبًا بك في Souk، Salma!', link: '/dashboard' });
    expect(stored?.data).toEqual({ name: 'Salma' });
    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ template: 'notification', locale: 'ar', subject: 'مرحبًا بك في Souk، Salma!' });
    expect(mail?.html).toContain('href="http://localhost:3000/dashboard"');
    await eventually(async () => expect((await mailsTo(user.email))[0]?.status).toBe('stored'));
  });

  it('respects an email opt-out and the event defaults', async () => {
    const user = await createTestUser(test, { locale: 'en' });
    const { notifications: service } = test.runtime.services.messaging;
    await service.setPreferences(user.id, [{ event: 'account.welcome', channel: 'email', enabled: false }]);

    expect((await service.notify(user.id, 'account.welcome', { name: 'Omar' })).channels).toEqual(['in_app']);
    // Announcements default to in-app only.
    const announcement = { title: { fr: 'Maintenance', en: 'Maintenance tonight', ar: 'صيانة' }, body: 'From 2am.' };
    expect((await service.notify(user.id, 'platform.announcement', announcement)).channels).toEqual(['in_app']);

    expect(await mailsTo(user.email)).toEqual([]);
    expect((await inAppFor(user.id)).map((row) => row.title).sort()).toEqual([
      'Maintenance tonight',
      'Welcome to Souk, Omar!',
    ]);
  });

  it('sends email only when in-app is turned off', async () => {
    const user = await createTestUser(test, { locale: 'fr' });
    const { notifications: service } = test.runtime.services.messaging;
    await service.setPreferences(user.id, [{ event: 'account.welcome', channel: 'in_app', enabled: false }]);
    expect((await service.notify(user.id, 'account.welcome', { name: 'Lina' })).channels).toEqual(['email']);
    expect(await inAppFor(user.id)).toEqual([]);
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it('refuses an unknown recipient and data that does not fit the event', async () => {
    const { notifications: service } = test.runtime.services.messaging;
    await expect(service.notify('no-such-user', 'account.welcome', { name: 'X' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const user = await createTestUser(test);
    await expect(service.notify(user.id, 'account.welcome', { nom: 'X' } as never)).rejects.toThrow();
    expect(await inAppFor(user.id)).toEqual([]);
  });

  describe("inside the caller's transaction", () => {
    // Reads users through the given executor, as identity's directory is asked to (see RecipientDirectory).
    const directory = {
      async getContact(userId: string, options?: { executor?: Executor }): Promise<UserContact | null> {
        const executor = options?.executor ?? db();
        const result = (await executor.execute(
          sql`select id, name, email, locale, role, account_type as "accountType" from users where id = ${userId}`,
        )) as unknown as { rows: Array<UserContact & { locale: Locale | null }> };
        return result.rows[0] ?? null;
      },
    };
    const serviceWithDirectory = (events?: RecordingBus) => serviceWith({ users: directory, events });

    it('commits with it', async () => {
      const user = await createTestUser(test, { locale: 'en' });
      const service = serviceWithDirectory();
      await db().transaction((tx) => service.notify(user.id, 'account.welcome', { name: 'Tx' }, { executor: tx }));
      expect(await inAppFor(user.id)).toHaveLength(1);
      expect(await mailsTo(user.email)).toHaveLength(1);
    });

    it('leaves nothing behind when it rolls back', async () => {
      const user = await createTestUser(test, { locale: 'en' });
      const service = serviceWithDirectory();
      await expect(
        db().transaction(async (tx) => {
          await service.notify(user.id, 'account.welcome', { name: 'Tx' }, { executor: tx });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await inAppFor(user.id)).toEqual([]);
      expect(await mailsTo(user.email)).toEqual([]);
    });

    it('publishes a hint without a count: the transaction may still roll back', async () => {
      const user = await createTestUser(test, { locale: 'en' });
      const events = recordingBus();
      const service = serviceWithDirectory(events);
      await db().transaction((tx) => service.notify(user.id, 'account.welcome', { name: 'Tx' }, { executor: tx }));
      await expect(
        db().transaction(async (tx) => {
          await service.notify(user.id, 'account.welcome', { name: 'Tx' }, { executor: tx });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(events.published).toEqual([
        { channel: `user:${user.id}:notifications`, message: { type: 'notifications.changed' } },
        { channel: `user:${user.id}:notifications`, message: { type: 'notifications.changed' } },
      ]);
    });
  });
});

/** A service built here rather than the runtime's, to watch what it publishes. */
function serviceWith(
  options: {
    users?: RecipientDirectory | undefined;
    events?: Pick<RecordingBus, 'publish'> | undefined;
    logger?: { warn(details: object, message: string): void };
  } = {},
) {
  const mail = new MailService({
    db: db(),
    queue: test.runtime.jobs.queue,
    transport: createOutboxTransport(),
    render: { publicUrl: 'http://localhost:3000' },
  });
  return new NotificationService({
    db: db(),
    users: options.users ?? test.runtime.services.identity.users,
    channels: {
      in_app: createInAppChannel(),
      email: createEmailChannel({ mail, publicUrl: 'http://localhost:3000' }),
    },
    hints: new NotificationHints({
      events: options.events ?? recordingBus(),
      logger: options.logger ?? { warn: vi.fn() },
    }),
  });
}

interface RecordingBus {
  published: Array<{ channel: string; message: object }>;
  publish(channel: string, message: object): Promise<void>;
}

function recordingBus(): RecordingBus {
  const published: RecordingBus['published'] = [];
  return {
    published,
    async publish(channel, message) {
      published.push({ channel, message });
    },
  };
}

describe('live hints', () => {
  it('publishes the unread count after each committed change, on the recipient channel only', async () => {
    const user = await createTestUser(test);
    const events = recordingBus();
    const service = serviceWith({ events });
    const counts = () =>
      events.published.map(({ channel, message }) => {
        expect(channel).toBe(`user:${user.id}:notifications`);
        return message;
      });

    await service.notify(user.id, 'platform.announcement', { title: 'A', body: 'B' });
    await service.notify(user.id, 'platform.announcement', { title: 'C', body: 'D' });
    const [first] = await inAppFor(user.id);
    await service.markRead(user.id, first!.id);
    await service.markAllRead(user.id);

    expect(counts()).toEqual([
      { type: 'notifications.changed', unreadCount: 1 },
      { type: 'notifications.changed', unreadCount: 2 },
      { type: 'notifications.changed', unreadCount: 1 },
      { type: 'notifications.changed', unreadCount: 0 },
    ]);
  });

  it('publishes nothing for a mail-only notification or a refused mark-read', async () => {
    const owner = await createTestUser(test);
    const other = await createTestUser(test);
    const events = recordingBus();
    const service = serviceWith({ events });
    await service.setPreferences(owner.id, [{ event: 'account.welcome', channel: 'in_app', enabled: false }]);
    await service.notify(owner.id, 'account.welcome', { name: 'Mail only' });
    await service.notify(other.id, 'platform.announcement', { title: 'A', body: 'B' });
    events.published.length = 0;
    const [row] = await inAppFor(other.id);
    await expect(service.markRead(owner.id, row!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(events.published).toEqual([]);
  });

  it('never fails the change when the hint cannot be published', async () => {
    const user = await createTestUser(test);
    const logger = { warn: vi.fn() };
    const service = serviceWith({ events: { publish: () => Promise.reject(new Error('bus down')) }, logger });

    await expect(service.notify(user.id, 'platform.announcement', { title: 'A', body: 'B' })).resolves.toEqual({
      channels: ['in_app'],
    });
    await expect(service.markAllRead(user.id)).resolves.toBe(1);

    expect((await inAppFor(user.id))[0]?.readAt).toBeInstanceOf(Date);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ userId: user.id, err: expect.any(Error) }),
      'notification hint not published',
    );
  });
});

describe('preferences', () => {
  it('fills in defaults and stores only what is given, atomically', async () => {
    const user = await createTestUser(test);
    const { notifications: service } = test.runtime.services.messaging;
    const defaults = await service.getPreferences(user.id);
    expect(defaults).toContainEqual({ event: 'platform.announcement', channel: 'email', enabled: false });

    const updated = await service.setPreferences(user.id, [
      { event: 'platform.announcement', channel: 'email', enabled: true },
      { event: 'platform.announcement', channel: 'email', enabled: true },
    ]);
    expect(updated).toHaveLength(defaults.length);
    expect(updated).toContainEqual({ event: 'platform.announcement', channel: 'email', enabled: true });
    expect(updated).toContainEqual({ event: 'account.welcome', channel: 'email', enabled: true });

    await expect(
      service.setPreferences(user.id, [
        { event: 'account.welcome', channel: 'email', enabled: false },
        { event: 'no.such.event', channel: 'email', enabled: false } as never,
      ]),
    ).rejects.toThrow();
    expect(await service.getPreferences(user.id)).toEqual(updated);
  });
});

describe('read state and pruning', () => {
  it('marks read once, keeps the first read time, and hides other people’s notifications', async () => {
    const owner = await createTestUser(test);
    const other = await createTestUser(test);
    const { notifications: service } = test.runtime.services.messaging;
    await service.notify(owner.id, 'platform.announcement', { title: 'A', body: 'B' });
    const [row] = await inAppFor(owner.id);
    if (!row) throw new Error('no notification');

    await expect(service.markRead(other.id, row.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await inAppFor(owner.id))[0]?.readAt).toBeNull();

    await service.markRead(owner.id, row.id);
    const firstRead = (await inAppFor(owner.id))[0]?.readAt;
    expect(firstRead).toBeInstanceOf(Date);
    await service.markRead(owner.id, row.id);
    expect((await inAppFor(owner.id))[0]?.readAt).toEqual(firstRead);
  });

  it('prunes read notifications older than the limit, and only those', async () => {
    const user = await createTestUser(test);
    const old = new Date(Date.now() - 200 * 24 * 3600 * 1000);
    const base = { recipientId: user.id, event: 'platform.announcement', body: 'b' };
    await db()
      .insert(notifications)
      .values([
        { ...base, title: 'old read', createdAt: old, readAt: old },
        { ...base, title: 'old unread', createdAt: old },
        { ...base, title: 'recent read', readAt: new Date() },
      ]);

    const deleted = await test.runtime.services.messaging.notifications.pruneRead(180);

    expect(deleted).toBeGreaterThanOrEqual(1);
    const titles = (await inAppFor(user.id)).map((row) => row.title).sort();
    expect(titles).toEqual(['old unread', 'recent read']);
    const pruneJob = test.runtime.services.messaging.jobs.find((job) => job.queue === 'notifications.prune');
    expect(pruneJob?.cron).toEqual({ expression: '0 3 * * *', payload: { olderThanDays: 180 } });
    expect(
      await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, user.id), eq(notifications.title, 'old read'))),
    ).toEqual([]);
  });
});
