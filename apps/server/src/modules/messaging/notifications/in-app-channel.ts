import { notifications } from '../schema.ts';
import type { NotificationChannelAdapter } from './channel.ts';

/** The bell in the web app: a row the recipient lists and marks read. */
export function createInAppChannel(): NotificationChannelAdapter {
  return {
    channel: 'in_app',
    async deliver(recipient, notification, executor) {
      await executor.insert(notifications).values({
        recipientId: recipient.id,
        event: notification.event,
        title: notification.rendered.title,
        body: notification.rendered.body,
        link: notification.rendered.link,
        data: notification.data,
      });
    },
  };
}
