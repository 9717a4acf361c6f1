import { QueueName } from '@souk/contracts/jobs';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, eventually, type TestApp } from '../../../../test/harness.ts';
import { createMessagingJobs } from '../jobs.ts';
import { mailMessages } from '../schema.ts';
import { type SmtpTestServer, startSmtpTestServer } from '../testing/smtp-test-server.ts';
import { MailService } from './mail-service.ts';
import { createSmtpTransport } from './smtp-transport.ts';

let server: SmtpTestServer;
let test: TestApp;

beforeAll(async () => {
  server = await startSmtpTestServer();
  test = await buildTestApp({ env: { SMTP_URL: server.url, MAIL_FROM: 'Souk <no-reply@souk.example>' } });
  // The production policy waits 10s and more between attempts; here the retry may come at once.
  await test.runtime.database.db.execute(
    sql`update pgboss.queue set retry_delay = 0, retry_backoff = false where name = ${QueueName.MailSend}`,
  );
});
afterAll(async () => {
  await test?.close();
  await server?.close();
});

async function readMessage(id: string) {
  const [row] = await test.runtime.database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) throw new Error(`no mail ${id}`);
  return row;
}

function receivedBy(address: string) {
  return server.received.filter((mail) => mail.envelopeTo.includes(address));
}

describe('mail over SMTP', () => {
  it('is delivered by the job to the SMTP server with its html and text parts', async () => {
    const { mail } = test.runtime.services.messaging;
    expect(mail.transportKind).toBe('smtp');
    const id = await mail.send({
      to: 'amina@example.com',
      template: 'notification',
      locale: 'fr',
      data: { title: 'Nouvelle commande', body: 'Commande <42> reçue.', action: { url: 'https://souk.example/o/42' } },
    });

    const row = await eventually(async () => {
      const current = await readMessage(id);
      expect(current.status).toBe('sent');
      return current;
    });
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.providerMessageId).toBe(`<${id}@souk.example>`);

    const [received] = receivedBy('amina@example.com');
    expect(received?.parsed.subject).toBe('Nouvelle commande');
    expect(received?.parsed.html).toBe(row.html);
    expect(received?.parsed.html).toContain('Commande &lt;42&gt; reçue.');
    expect(received?.parsed.text).toContain('Commande <42> reçue.');
  });

  it('retries after a refusal and ends sent after 2 attempts, delivered once', async () => {
    const { mail } = test.runtime.services.messaging;
    server.rejectNext(1);
    const rejectedBefore = server.rejected();
    const id = await mail.send({ to: 'retry@example.com', template: 'welcome', locale: 'en', data: { name: 'Retry' } });

    const row = await eventually(async () => {
      const current = await readMessage(id);
      expect(current.status).toBe('sent');
      return current;
    }, 20_000);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/451/);
    expect(server.rejected() - rejectedBefore).toBe(1);
    expect(receivedBy('retry@example.com')).toHaveLength(1);

    // A job delivered again after its success (worker crash before the ack) does not mail twice.
    expect(await mail.deliver(id, { isFinalAttempt: false })).toBe('already_delivered');
    expect(receivedBy('retry@example.com')).toHaveLength(1);
    expect((await readMessage(id)).attempts).toBe(2);
  });
});

describe('mail.send job attempts', () => {
  // A service on the same database whose jobs are not enqueued, so this test drives each attempt.
  function isolatedMail() {
    return new MailService({
      db: test.runtime.database.db,
      queue: { enqueue: async () => 'not-enqueued' },
      transport: createSmtpTransport({ url: server.url, from: 'Souk <no-reply@souk.example>' }),
      render: { publicUrl: 'http://localhost:3000' },
    });
  }
  const jobContext = (retryCount: number, retryLimit: number) => ({
    jobId: `job-${retryCount}`,
    retryCount,
    isFinalAttempt: retryCount >= retryLimit,
    logger: pino({ level: 'silent' }),
  });

  it('records each failure and marks the message failed on the last attempt', async () => {
    const mail = isolatedMail();
    const [sendJob] = createMessagingJobs({ mail, notifications: { pruneRead: async () => 0 } });
    if (!sendJob) throw new Error('mail.send job missing');
    expect(sendJob).toMatchObject({ queue: 'mail.send', retryLimit: 5, retryBackoff: true, retryDelaySeconds: 10 });
    const id = await mail.send({ to: 'doomed@example.com', template: 'welcome', locale: 'ar', data: { name: 'X' } });

    server.rejectNext(2);
    await expect(sendJob.handle({ messageId: id }, jobContext(4, 5))).rejects.toThrow(/451/);
    expect(await readMessage(id)).toMatchObject({ status: 'queued', attempts: 1 });
    await expect(sendJob.handle({ messageId: id }, jobContext(5, 5))).rejects.toThrow(/451/);
    expect(await readMessage(id)).toMatchObject({ status: 'failed', attempts: 2, sentAt: null });
    expect(receivedBy('doomed@example.com')).toHaveLength(0);
  });

  it('treats a job for a message that does not exist as done', async () => {
    const mail = isolatedMail();
    expect(await mail.deliver('0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d', { isFinalAttempt: false })).toBe('missing');
  });

  it('withholds from the admin outbox the body of a mail carrying a one-time secret', async () => {
    const { mail } = test.runtime.services.messaging;
    const id = await mail.send({
      to: 'reset.me@example.com',
      template: 'password-reset',
      locale: 'en',
      data: { name: 'Reset Me', url: 'https://souk.example/api/auth/reset-password/secret-token' },
    });
    const shown = await mail.get(id);
    expect(shown.subject).toBe('Reset your password');
    expect(shown.text).not.toContain('secret-token');
    expect(shown.html).not.toContain('secret-token');
    const ordinary = await mail.get(
      await mail.send({ to: 'hello@example.com', template: 'welcome', locale: 'en', data: { name: 'Hello' } }),
    );
    expect(ordinary.text).toContain('Hello');
  });
});
