import type { Locale } from '@souk/contracts/locales';
import type { NotificationEvent } from '@souk/contracts/notifications';
import { z } from 'zod';
import { affiliationNotificationEvents } from './affiliation-events.ts';
import { catalogNotificationEvents } from './catalog-events.ts';
import { kycNotificationEvents } from './kyc-events.ts';
import { socialNotificationEvents } from './social-events.ts';

/** A notification in the recipient's language, as stored in-app and mailed. */
export interface RenderedNotification {
  title: string;
  body: string;
  /** Path in the web app (`/orders/42`), or null when there is nothing to open. */
  link: string | null;
}

/** What each event needs from its caller, and how it reads in each language. */
export interface NotificationEventDefinition<Schema extends z.ZodType> {
  schema: Schema;
  render(locale: Locale, data: z.output<Schema>): RenderedNotification;
}

export function defineEvent<Schema extends z.ZodType>(
  definition: NotificationEventDefinition<Schema>,
): NotificationEventDefinition<Schema> {
  return definition;
}

/** Text the caller already translated, or one string for every language. */
export const localizedTextSchema = z.union([
  z.string().min(1),
  z.object({ fr: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) }),
]);
export type LocalizedText = z.input<typeof localizedTextSchema>;

export function pickLocale(text: LocalizedText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

/** In-app links stay inside the web app: a single leading slash, never `//host` or a scheme. */
export const appPathSchema = z
  .string()
  .max(1000)
  .regex(/^\/(?!\/)/, 'Must be a path starting with /');

/**
 * Every notification event with its data and wording. Adding an event to `notificationEvents`
 * in the contracts fails type-checking here until it has a definition.
 */
export const notificationEventDefinitions = {
  'account.welcome': defineEvent({
    schema: z.object({ name: z.string().min(1).max(200) }),
    render(locale, data) {
      const text = {
        fr: { title: `Bienvenue sur Souk, ${data.name} !`, body: 'Complétez votre profil pour commencer.' },
        en: { title: `Welcome to Souk, ${data.name}!`, body: 'Complete your profile to get started.' },
        ar: { title: `مرحبًا بك في Souk، ${data.name}!`, body: 'أكمل ملفك الشخصي للبدء.' },
      }[locale];
      return { ...text, link: '/dashboard' };
    },
  }),
  'platform.announcement': defineEvent({
    schema: z.object({
      title: localizedTextSchema,
      body: localizedTextSchema,
      link: appPathSchema.optional(),
    }),
    render(locale, data) {
      return { title: pickLocale(data.title, locale), body: pickLocale(data.body, locale), link: data.link ?? null };
    },
  }),
  ...kycNotificationEvents,
  ...catalogNotificationEvents,
  ...affiliationNotificationEvents,
  ...socialNotificationEvents,
} satisfies { [Event in NotificationEvent]: NotificationEventDefinition<z.ZodType> };

/** The data a caller passes to `notify` for an event. */
export type NotificationData<Event extends NotificationEvent> = z.input<
  (typeof notificationEventDefinitions)[Event]['schema']
>;

/** Validates an event's data and renders it; the union of definitions needs the one cast. */
export function renderNotification(
  event: NotificationEvent,
  data: unknown,
  locale: Locale,
): { data: Record<string, unknown>; rendered: RenderedNotification } {
  const definition = notificationEventDefinitions[event] as NotificationEventDefinition<z.ZodType>;
  const parsed = definition.schema.parse(data) as Record<string, unknown>;
  return { data: parsed, rendered: definition.render(locale, parsed) };
}
