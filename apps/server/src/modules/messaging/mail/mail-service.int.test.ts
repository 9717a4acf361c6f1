import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, eventually, type TestApp } from '../../../../test/harness.ts';
import { mailMessages } from '../schema.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

async function jobsFor(messageId: string): Promise<number> {
  const result = (await test.runtime.database.db.execute(
    sql`select count(*)::int as count from pgboss.job where name = 'mail.send' and data->>'messageId' = ${messageId}`,
  )) as unknown as { rows: Array<{ count: number }> };
  return result.rows[0]?.count ?? 0;
}

describe('MailService with the outbox transport', () => {
  it('records the mail, enqueues its job, and the job stores it in the outbox', async () => {
    const { mail } = test.runtime.services.messaging;
    expect(mail.transportKind).toBe('outbox');
    const id = await mail.send({ to: 'Nadia@Example.com', template: 'welcome', locale: 'ar', data: { name: 'نادية' } });

    expect(await jobsFor(id)).toBe(1);
    const stored = await eventually(async () => {
      const message = await mail.get(id);
      expect(message.status).toBe('stored');
      return message;
    });
    expect(stored).toMatchObject({
      to: 'Nadia@Example.com',
      template: 'welcome',
      locale: 'ar',
      attempts: 1,
      sentAt: null,
    });
    expect(stored.subject).toBe('مرحبًا بك في Souk، نادية');
    expect(stored.html).toContain('dir="rtl"');
    expect(stored.text).toContain('نادية');
  });

  it('refuses data that does not fit the template, recording nothing', async () => {
    const { mail } = test.runtime.services.messaging;
    const before = await test.runtime.database.db.$count(mailMessages);
    await expect(
      mail.send({ to: 'a@example.com', template: 'welcome', locale: 'fr', data: { name: '' } }),
    ).rejects.toThrow();
    await expect(
      mail.send({ to: 'not-an-address', template: 'welcome', locale: 'fr', data: { name: 'A' } }),
    ).rejects.toThrow();
    expect(await test.runtime.database.db.$count(mailMessages)).toBe(before);
  });

  it('sends nothing when the caller transaction rolls back', async () => {
    const { mail } = test.runtime.services.messaging;
    let id = '';
    await expect(
      test.runtime.database.db.transaction(async (tx) => {
        id = await mail.send({
          to: 'ghost@example.com',
          template: 'welcome',
          locale: 'en',
          data: { name: 'G' },
          executor: tx,
        });
        throw new Error('caller changed its mind');
      }),
    ).rejects.toThrow('caller changed its mind');
    expect(id).not.toBe('');
    expect(await test.runtime.database.db.select().from(mailMessages).where(eq(mailMessages.id, id))).toEqual([]);
    expect(await jobsFor(id)).toBe(0);
  });

  it('lists the outbox newest first with an opaque cursor and a recipient filter', async () => {
    const { mail } = test.runtime.services.messaging;
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      ids.push(await mail.send({ to: 'pager@example.com', template: 'welcome', locale: 'en', data: { name } }));
    }
    const all = await mail.list({ limit: 100, to: 'PAGER@example.com' });
    expect(all.items.map((item) => item.id).sort()).toEqual([...ids].sort());
    expect(all.items[0]).not.toHaveProperty('html');
    const times = all.items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = await mail.list({ limit: 2, to: 'pager@example.com' });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await mail.list({ limit: 2, to: 'pager@example.com', cursor: first.nextCursor ?? '' });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
  });

  it('says not found for an unknown id', async () => {
    const { mail } = test.runtime.services.messaging;
    await expect(mail.get('0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d')).rejects.toMatchObject({ code: 'not_found' });
    await expect(mail.get('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
