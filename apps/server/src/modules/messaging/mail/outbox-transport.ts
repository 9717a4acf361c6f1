import type { MailTransport } from './mail-transport.ts';

/**
 * Delivers nowhere: the outbox row already holds the whole mail, which admins read at
 * /admin/mail-messages. Marking it `stored` tells them it was never meant to leave.
 */
export function createOutboxTransport(): MailTransport {
  return {
    kind: 'outbox',
    async deliver() {
      return { status: 'stored' };
    },
    close() {},
  };
}
