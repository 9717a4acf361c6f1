import { z } from 'zod';

/**
 * The events the platform notifies about. Each later module adds its own here, with the
 * channels it goes to by default; users override per event and channel.
 */
export const notificationEvents = {
  'account.welcome': { defaults: { in_app: true, email: true } },
  'platform.announcement': { defaults: { in_app: true, email: false } },
  // KYC: each decision, and a bank account change (an account-takeover warning: mailed by default).
  'kyc.decided': { defaults: { in_app: true, email: true } },
  'kyc.bank_account_changed': { defaults: { in_app: true, email: true } },
  // Catalog: an admin took a deal off the marketplace (always worth a mail: sales stop).
  'catalog.product_unpublished': { defaults: { in_app: true, email: true } },
  // Affiliation: a merchant's team hears of a new request; the influencer of the decision.
  'affiliation.requested': { defaults: { in_app: true, email: true } },
  'affiliation.decided': { defaults: { in_app: true, email: true } },
  // Social publishing: an account to reconnect, a post waiting for approval, a post that went wrong.
  'social.reconnect_needed': { defaults: { in_app: true, email: true } },
  'social.approval_requested': { defaults: { in_app: true, email: true } },
  'social.post_trouble': { defaults: { in_app: true, email: false } },
} as const satisfies Record<string, { defaults: Record<NotificationChannel, boolean> }>;
export type NotificationEvent = keyof typeof notificationEvents;
export const notificationEventNames = Object.keys(notificationEvents) as [NotificationEvent, ...NotificationEvent[]];

/** Channels a notification can go through; SMS, WhatsApp, push and Slack plug in later. */
export const notificationChannels = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const notificationSchema = z
  .object({
    id: z.uuid(),
    event: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('Path of the subject in the web app'),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationPreferenceSchema = z.object({
  event: z.enum(notificationEventNames),
  channel: z.enum(notificationChannels),
  enabled: z.boolean(),
});

export const notificationPreferencesSchema = z.object({
  preferences: z.array(notificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
