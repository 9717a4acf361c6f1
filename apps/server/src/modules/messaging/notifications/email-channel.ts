import type { MailService } from '../mail/mail-service.ts';
import { webUrl } from '../web-url.ts';
import type { NotificationChannelAdapter } from './channel.ts';

/** Mails the notification with the generic `notification` template, in the recipient's language. */
export function createEmailChannel(deps: {
  mail: Pick<MailService, 'send'>;
  publicUrl: string;
}): NotificationChannelAdapter {
  return {
    channel: 'email',
    async deliver(recipient, notification, executor) {
      const { title, body, link } = notification.rendered;
      await deps.mail.send({
        to: recipient.email,
        template: 'notification',
        locale: recipient.locale,
        // In-app links are paths; a mail needs the absolute address of the web app.
        data: { title, body, ...(link ? { action: { url: webUrl(deps.publicUrl, link) } } : {}) },
        executor,
      });
    },
  };
}
