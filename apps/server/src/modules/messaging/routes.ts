import { mailMessageListQuerySchema, mailMessageListSchema, mailMessageSchema } from '@souk/contracts/mail';
import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesSchema,
} from '@souk/contracts/notifications';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventBus } from '../../platform/events/event-bus.ts';
import { requireViewer, type ViewerResolver } from '../../platform/http/access.ts';
import type { MailService } from './mail/mail-service.ts';
import type { NotificationService } from './notifications/notification-service.ts';
import { streamNotifications } from './notifications/notification-stream.ts';
import { refuseForeignOrigin } from './same-origin.ts';
import type { SmsService } from './sms/sms-service.ts';

export interface MessagingRouteDeps {
  mail: Pick<MailService, 'list' | 'get'>;
  notifications: Pick<
    NotificationService,
    'list' | 'unreadCount' | 'markRead' | 'markAllRead' | 'getPreferences' | 'setPreferences'
  >;
  sms: Pick<SmsService, 'list'>;
  events: Pick<EventBus, 'subscribe'>;
  /** The site's own origin, the only one allowed to open the notification stream from a browser. */
  publicUrl: string;
  /** Asks again who presents this request's credentials, so an open stream notices a revoked session. */
  resolveViewer: ViewerResolver;
}

const idParamsSchema = z.object({ id: z.uuid() });
const markedAllSchema = z.object({ updated: z.number().int().describe('How many notifications were unread') });
const noContent = z.null().describe('Done');

export function createMessagingRoutes(deps: MessagingRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/admin/sms',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The SMS outbox, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  to: z.string(),
                  purpose: z.string(),
                  body: z.string(),
                  status: z.string(),
                  createdAt: z.iso.datetime(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await deps.sms.list({ limit: request.query.limit }) }),
    );

    app.get(
      '/notifications',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'List my notifications, newest first',
          querystring: notificationListQuerySchema,
          response: { 200: notificationListSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { cursor, limit, unread } = request.query;
        return deps.notifications.list(viewer.userId, { cursor, limit, unread: unread === 'true' });
      },
    );

    app.get(
      '/notifications/stream',
      {
        websocket: true,
        config: { access: 'user' },
        // Before the session is even looked up: a foreign page gets 403 whoever is signed in.
        onRequest: refuseForeignOrigin(deps.publicUrl),
        schema: {
          // OpenAPI has no words for a WebSocket (and @fastify/websocket hides it anyway).
          hide: true,
          summary: 'WebSocket: live hints when my notifications change',
          description:
            'Sends JSON text frames: `{ type: "ready", unreadCount }` once connected, then ' +
            '`{ type: "notifications.changed", unreadCount? }` on every change (no count: fetch it again).',
        },
      },
      (socket, request) => {
        const { userId } = requireViewer(request);
        const stillSignedIn = async () => (await deps.resolveViewer(request))?.userId === userId;
        return streamNotifications(socket, userId, deps, request.log, stillSignedIn);
      },
    );

    app.post(
      '/notifications/:id/read',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of my notifications as read',
          params: idParamsSchema,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        await deps.notifications.markRead(viewer.userId, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/notifications/read-all',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark all my notifications as read',
          response: { 200: markedAllSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return { updated: await deps.notifications.markAllRead(viewer.userId) };
      },
    );

    app.get(
      '/notification-preferences',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'My notification preferences, for every event and channel',
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return { preferences: await deps.notifications.getPreferences(viewer.userId) };
      },
    );

    app.put(
      '/notification-preferences',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Change some of my notification preferences',
          description: 'Only the listed event and channel pairs change; the response has the full set.',
          body: notificationPreferencesSchema,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return { preferences: await deps.notifications.setPreferences(viewer.userId, request.body.preferences) };
      },
    );

    app.get(
      '/admin/mail-messages',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The mail outbox, newest first',
          querystring: mailMessageListQuerySchema,
          response: { 200: mailMessageListSchema },
        },
      },
      async (request) => deps.mail.list(request.query),
    );

    app.get(
      '/admin/mail-messages/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'One mail of the outbox, with its HTML and text',
          params: idParamsSchema,
          response: { 200: mailMessageSchema },
        },
      },
      async (request) => deps.mail.get(request.params.id),
    );
  };
}
