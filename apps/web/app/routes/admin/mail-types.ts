import type { MailMessageView } from '@souk/contracts/mail';

/** A row of GET /api/v1/admin/mail-messages: the message without its bodies. */
export type MailMessageSummary = Omit<MailMessageView, 'html' | 'text'>;

export interface MailMessagePage {
  items: MailMessageSummary[];
  nextCursor: string | null;
}
