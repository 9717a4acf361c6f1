import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { html, oneLine, textToParagraphs } from '../html.ts';
import { button, contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

const copy: Record<Locale, { defaultAction: string; reason: string }> = {
  fr: {
    defaultAction: 'Voir sur Souk',
    reason: 'Vous recevez cet e-mail car les notifications par e-mail sont activées pour votre compte Souk.',
  },
  en: {
    defaultAction: 'View on Souk',
    reason: 'You are receiving this email because email notifications are turned on for your Souk account.',
  },
  ar: {
    defaultAction: 'عرض على Souk',
    reason: 'تلقيت هذه الرسالة لأن إشعارات البريد الإلكتروني مفعّلة في حسابك على Souk.',
  },
};

/** The email channel of notifications: any event, already rendered in the recipient's language. */
export const notificationMail = defineMailTemplate({
  schema: z.object({
    title: z.string().min(1).max(300),
    body: z.string().max(10_000),
    action: z.object({ url: webUrlSchema, label: z.string().min(1).max(100).optional() }).optional(),
  }),
  render(locale, data, context) {
    const subject = oneLine(data.title);
    const styles = contentStyles(locale);
    const actionLabel = data.action?.label ?? copy[locale].defaultAction;
    const content = html`<h1 style="${styles.heading}">${subject}</h1>
${textToParagraphs(data.body, styles.paragraph)}
${data.action ? button(data.action.url, actionLabel) : ''}`;
    return {
      subject,
      html: renderHtmlLayout({
        locale,
        subject,
        preheader: oneLine(data.body).slice(0, 140),
        content,
        reason: copy[locale].reason,
        context,
      }),
      text: renderTextLayout({
        locale,
        blocks: [subject, data.body, data.action ? `${actionLabel}: ${data.action.url}` : ''],
        reason: copy[locale].reason,
        context,
      }),
    };
  },
});
