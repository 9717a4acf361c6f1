import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../testing/smtp-test-server.ts';
import { createMailTransport } from './mail-transport.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { mailTemplates } from './templates/registry.ts';

describe('SMTP transport', () => {
  let server: SmtpTestServer;

  beforeAll(async () => {
    server = await startSmtpTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('delivers the rendered mail with its html and text parts to a real SMTP server', async () => {
    const transport = createSmtpTransport({ url: server.url, from: 'Souk <no-reply@souk.example>' });
    const rendered = mailTemplates.welcome.render('ar', { name: 'سلمى <b>' }, { publicUrl: 'https://souk.example' });
    const id = '0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4d';

    const result = await transport.deliver({ id, to: 'salma@example.com', ...rendered });
    transport.close();

    expect(result).toEqual({ status: 'sent', providerMessageId: `<${id}@souk.example>` });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.envelopeTo).toEqual(['salma@example.com']);
    expect(mail?.parsed.subject).toBe(rendered.subject);
    expect(mail?.parsed.messageId).toBe(`<${id}@souk.example>`);
    expect(mail?.parsed.html).toBe(rendered.html);
    expect(mail?.parsed.html).toContain('dir="rtl"');
    expect(mail?.parsed.text?.trim()).toBe(rendered.text.trim());
  });

  it('throws when the server refuses, so the job can retry', async () => {
    server.rejectNext(1);
    const transport = createSmtpTransport({ url: server.url, from: 'Souk <no-reply@souk.example>' });
    await expect(
      transport.deliver({
        id: '0b9a1c3e-4f5d-4a6b-8c7d-9e0f1a2b3c4e',
        to: 'a@example.com',
        subject: 's',
        html: 'h',
        text: 't',
      }),
    ).rejects.toThrow(/451/);
    transport.close();
  });
});

describe('createMailTransport', () => {
  it('keeps mail in the outbox when no SMTP server is configured', async () => {
    const transport = createMailTransport({ SMTP_URL: undefined, MAIL_FROM: 'Souk <no-reply@souk.example>' });
    expect(transport.kind).toBe('outbox');
    expect(await transport.deliver({ id: 'x', to: 'a@example.com', subject: 's', html: 'h', text: 't' })).toEqual({
      status: 'stored',
    });
  });

  it('uses SMTP when configured', () => {
    const transport = createMailTransport({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Souk <a@b.c>' });
    expect(transport.kind).toBe('smtp');
    transport.close();
  });
});
