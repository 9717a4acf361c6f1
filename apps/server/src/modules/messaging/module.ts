import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import type { Database } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { ViewerResolver } from '../../platform/http/access.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { createMessagingJobs } from './jobs.ts';
import { MailService } from './mail/mail-service.ts';
import { createMailTransport, type MailTransport } from './mail/mail-transport.ts';
import { createEmailChannel } from './notifications/email-channel.ts';
import { createInAppChannel } from './notifications/in-app-channel.ts';
import { type HintLogger, NotificationHints } from './notifications/notification-hints.ts';
import { NotificationService, type RecipientDirectory } from './notifications/notification-service.ts';
import { createMessagingRoutes } from './routes.ts';
import { SmsService } from './sms/sms-service.ts';

export interface MessagingModuleDeps {
  db: Database;
  queue: Pick<JobQueue, 'enqueue'>;
  config: Pick<Config, 'PUBLIC_URL' | 'SMTP_URL' | 'MAIL_FROM'>;
  users: RecipientDirectory;
  /** Carries unread-count hints from whichever node changed them to the node holding the socket. */
  events: EventBus;
  logger: HintLogger;
  /** Tests pass their own (an SMTP server on a random port); otherwise chosen from config. */
  transport?: MailTransport;
  /** Who presents a request's credentials now (identity's resolver), for long-lived streams. */
  resolveViewer: ViewerResolver;
}

export interface MessagingModule {
  mail: MailService;
  notifications: NotificationService;
  /** SMS outbox (embedded default: stored, readable by admins). */
  sms: SmsService;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

/**
 * Mail (rendered, recorded in the outbox, delivered by a job) and notifications (in-app and email,
 * with live unread-count hints to open tabs over a WebSocket).
 */
export function createMessagingModule(deps: MessagingModuleDeps): MessagingModule {
  const mail = new MailService({
    db: deps.db,
    queue: deps.queue,
    transport: deps.transport ?? createMailTransport(deps.config),
    render: { publicUrl: deps.config.PUBLIC_URL },
  });
  const notifications = new NotificationService({
    db: deps.db,
    users: deps.users,
    channels: {
      in_app: createInAppChannel(),
      email: createEmailChannel({ mail, publicUrl: deps.config.PUBLIC_URL }),
    },
    hints: new NotificationHints({ events: deps.events, logger: deps.logger }),
  });
  const sms = new SmsService(deps.db);
  return {
    mail,
    notifications,
    sms,
    jobs: createMessagingJobs({ mail, notifications }),
    routes: createMessagingRoutes({
      mail,
      notifications,
      sms,
      events: deps.events,
      publicUrl: deps.config.PUBLIC_URL,
      resolveViewer: deps.resolveViewer,
    }),
  };
}
