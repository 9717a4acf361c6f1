import nodemailer from 'nodemailer';
import type { MailTransport } from './mail-transport.ts';

export interface SmtpTransportOptions {
  /** smtp://user:pass@host:port or smtps://… as nodemailer parses it. */
  url: string;
  /** The From header, e.g. `Souk <no-reply@souk.ma>`. */
  from: string;
}

/** The domain of the From address, used to build Message-IDs that are ours. */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'souk.localhost';
}

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    // Fail well within the job's expiry, so a hung server leads to a retry, not a stuck job.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const domain = senderDomain(options.from);
  return {
    kind: 'smtp',
    async deliver(message) {
      const info = await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
        // Stable across retries: if an attempt was delivered but its reply lost, the duplicate
        // carries the same Message-ID and mail systems can fold the two.
        messageId: `<${message.id}@${domain}>`,
      });
      return { status: 'sent', providerMessageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
