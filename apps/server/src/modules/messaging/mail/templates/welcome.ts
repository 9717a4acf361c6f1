import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { webUrl } from '../../web-url.ts';
import { html, oneLine } from '../html.ts';
import { button, contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

const copy: Record<
  Locale,
  {
    subject: (name: string) => string;
    greeting: (name: string) => string;
    intro: string;
    action: string;
    reason: string;
  }
> = {
  fr: {
    subject: (name) => `Bienvenue sur Souk, ${name}`,
    greeting: (name) => `Bonjour ${name},`,
    intro:
      'Votre compte est prêt. Depuis votre tableau de bord, complétez votre profil et commencez à collaborer avec des marques et des créateurs.',
    action: 'Accéder à mon tableau de bord',
    reason: "Vous recevez cet e-mail car un compte Souk vient d'être créé avec cette adresse.",
  },
  en: {
    subject: (name) => `Welcome to Souk, ${name}`,
    greeting: (name) => `Hello ${name},`,
    intro:
      'Your account is ready. From your dashboard, complete your profile and start working with brands and creators.',
    action: 'Go to my dashboard',
    reason: 'You are receiving this email because a Souk account was just created with this address.',
  },
  ar: {
    subject: (name) => `مرحبًا بك في Souk، ${name}`,
    greeting: (name) => `مرحبًا ${name}،`,
    intro: 'حسابك جاهز. من لوحة التحكم يمكنك إكمال ملفك الشخصي والبدء في التعاون مع العلامات التجارية وصنّاع المحتوى.',
    action: 'الانتقال إلى لوحة التحكم',
    reason: 'تلقيت هذه الرسالة لأنه تم إنشاء حساب على Souk بهذا العنوان.',
  },
};

/** Sent once an account exists. */
export const welcomeMail = defineMailTemplate({
  schema: z.object({
    name: z.string().min(1).max(200),
    /** Defaults to the dashboard of the configured web app. */
    dashboardUrl: webUrlSchema.optional(),
  }),
  render(locale, data, context) {
    const name = oneLine(data.name);
    const strings = copy[locale];
    const subject = oneLine(strings.subject(name));
    const dashboardUrl = data.dashboardUrl ?? webUrl(context.publicUrl, '/dashboard');
    const styles = contentStyles(locale);
    const content = html`<h1 style="${styles.heading}">${strings.greeting(name)}</h1>
<p style="${styles.paragraph}">${strings.intro}</p>
${button(dashboardUrl, strings.action)}`;
    return {
      subject,
      html: renderHtmlLayout({ locale, subject, preheader: strings.intro, content, reason: strings.reason, context }),
      text: renderTextLayout({
        locale,
        blocks: [strings.greeting(name), strings.intro, `${strings.action}: ${dashboardUrl}`],
        reason: strings.reason,
        context,
      }),
    };
  },
});
