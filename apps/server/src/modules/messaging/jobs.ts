import { QueueName } from '@souk/contracts/jobs';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { MailService } from './mail/mail-service.ts';
import type { NotificationService } from './notifications/notification-service.ts';

export interface MessagingJobDeps {
  mail: Pick<MailService, 'deliver'>;
  notifications: Pick<NotificationService, 'pruneRead'>;
}

export function createMessagingJobs(deps: MessagingJobDeps): JobDefinition[] {
  const sendMail = defineJob({
    queue: QueueName.MailSend,
    // SMTP outages are usually short: 10s, then doubling, over 5 retries covers several minutes.
    retryLimit: 5,
    retryBackoff: true,
    retryDelaySeconds: 10,
    async handle(payload, context) {
      const outcome = await deps.mail.deliver(payload.messageId, { isFinalAttempt: context.isFinalAttempt });
      if (outcome === 'missing') context.logger.warn({ messageId: payload.messageId }, 'mail to deliver not found');
      else context.logger.debug({ messageId: payload.messageId, outcome }, 'mail delivered');
    },
  });

  const pruneNotifications = defineJob({
    queue: QueueName.NotificationsPrune,
    cron: { expression: '0 3 * * *', payload: { olderThanDays: 180 } },
    async handle(payload, context) {
      const deleted = await deps.notifications.pruneRead(payload.olderThanDays);
      context.logger.info({ deleted, olderThanDays: payload.olderThanDays }, 'pruned read notifications');
    },
  });

  return [sendMail, pruneNotifications];
}
