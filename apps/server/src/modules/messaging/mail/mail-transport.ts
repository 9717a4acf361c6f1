import type { Config } from '../../../platform/config/config.ts';
import { createOutboxTransport } from './outbox-transport.ts';
import { createSmtpTransport } from './smtp-transport.ts';

/** A rendered mail on its way out; `id` is the outbox row, reused to make retries recognisable. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface DeliveryResult {
  /** `stored`: kept in the outbox only (no SMTP configured); `sent`: accepted by the SMTP server. */
  status: 'stored' | 'sent';
  providerMessageId?: string;
}

/** How a mail leaves the platform. A failure throws; the job retries it. */
export interface MailTransport {
  readonly kind: 'outbox' | 'smtp';
  deliver(message: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

/** SMTP when configured; otherwise mails stay readable in the admin outbox (development, demos). */
export function createMailTransport(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): MailTransport {
  if (config.SMTP_URL) return createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM });
  return createOutboxTransport();
}
