import { QueueName } from '@souk/contracts/jobs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { mailMessages } from '../../modules/messaging/schema.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

async function jobsIn(queue: string): Promise<number> {
  const result = await test.runtime.database.db.execute(
    `select count(*)::int as count from pgboss.job where name = '${queue}'` as never,
  );
  const rows = (result as unknown as { rows: { count: number }[] }).rows;
  return Number(rows[0]?.count ?? 0);
}

describe('enqueueing inside a transaction', () => {
  it('keeps the job when the transaction commits', async () => {
    const before = await jobsIn(QueueName.NotificationsPrune);
    await test.runtime.database.db.transaction(async (tx) => {
      await test.runtime.jobs.queue.enqueue(
        QueueName.NotificationsPrune,
        { olderThanDays: 30 },
        { executor: tx, startAfter: 3600 },
      );
    });
    expect(await jobsIn(QueueName.NotificationsPrune)).toBe(before + 1);
  });

  it('drops the job and the write when the transaction rolls back', async () => {
    const jobsBefore = await jobsIn(QueueName.NotificationsPrune);
    const [mailBefore] = await test.runtime.database.db.select({ value: count() }).from(mailMessages);
    await expect(
      test.runtime.database.db.transaction(async (tx) => {
        // A real write and its job (mail row + mail.send), then a failure: neither may survive.
        await test.runtime.services.messaging.mail.send({
          to: 'rollback@example.test',
          template: 'welcome',
          data: { name: 'Rollback', dashboardUrl: 'http://localhost:3000/dashboard' },
          locale: 'fr',
          executor: tx,
        });
        await test.runtime.jobs.queue.enqueue(
          QueueName.NotificationsPrune,
          { olderThanDays: 30 },
          { executor: tx, startAfter: 3600 },
        );
        throw new Error('business rule failed after enqueueing');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await jobsIn(QueueName.NotificationsPrune)).toBe(jobsBefore);
    const [mailAfter] = await test.runtime.database.db.select({ value: count() }).from(mailMessages);
    expect(mailAfter?.value).toBe(mailBefore?.value);
  });

  it('refuses a payload that does not match the queue schema', async () => {
    await expect(test.runtime.jobs.queue.enqueue(QueueName.MailSend, { messageId: 'not-a-uuid' })).rejects.toThrow();
  });
});

describe('readiness', () => {
  it('reports 503 when the database stops answering', async () => {
    const other = await buildTestApp();
    expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await other.runtime.jobs.stop(1000);
    await other.runtime.database.close();
    const response = await other.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().checks.database).toBe('failing');
    await other.close();
  });
});
