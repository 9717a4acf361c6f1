import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { html, oneLine, textToParagraphs } from '../html.ts';
import { button, contentStyles, type MailRenderContext, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

/* Mails of the public site: newsletter confirmation, contact acknowledgement, answers, support copy. */

interface SiteMailParts {
  subject: string;
  heading: string;
  /** Plain text; blank lines split paragraphs. */
  paragraphs: string[];
  action?: { url: string; label: string } | undefined;
  /** Text after the button (e.g. the unsubscribe line), plain. */
  after?: string[];
  reason: string;
}

function renderSiteMail(locale: Locale, parts: SiteMailParts, context: MailRenderContext) {
  const styles = contentStyles(locale);
  const subject = oneLine(parts.subject);
  const content = html`<h1 style="${styles.heading}">${parts.heading}</h1>
${parts.paragraphs.map((paragraph) => textToParagraphs(paragraph, styles.paragraph))}
${parts.action ? button(parts.action.url, parts.action.label) : ''}
${(parts.after ?? []).map((paragraph) => textToParagraphs(paragraph, styles.paragraph))}`;
  return {
    subject,
    html: renderHtmlLayout({
      locale,
      subject,
      preheader: parts.paragraphs[0] ?? subject,
      content,
      reason: parts.reason,
      context,
    }),
    text: renderTextLayout({
      locale,
      blocks: [
        parts.heading,
        ...parts.paragraphs,
        ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`] : []),
        ...(parts.after ?? []),
      ],
      reason: parts.reason,
      context,
    }),
  };
}

const newsletterCopy: Record<
  Locale,
  { subject: string; intro: string; action: string; ignore: string; unsubscribe: string; reason: string }
> = {
  fr: {
    subject: 'Confirmez votre inscription à la lettre de Souk',
    intro:
      'Vous (ou quelqu’un utilisant votre adresse) avez demandé à recevoir la lettre de Souk : les meilleures offres et les nouveautés, une à deux fois par mois.',
    action: 'Confirmer mon inscription',
    ignore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : vous ne recevrez rien.',
    unsubscribe: 'Se désinscrire à tout moment',
    reason: 'Vous recevez cet e-mail parce que cette adresse a été saisie dans le formulaire d’inscription de Souk.',
  },
  en: {
    subject: 'Confirm your subscription to the Souk newsletter',
    intro:
      'You (or someone using your address) asked to receive the Souk newsletter: the best deals and news, once or twice a month.',
    action: 'Confirm my subscription',
    ignore: 'If you did not ask for this, ignore this message: you will receive nothing.',
    unsubscribe: 'Unsubscribe at any time',
    reason: 'You are receiving this email because this address was entered in the Souk sign-up form.',
  },
  ar: {
    subject: 'أكّد اشتراكك في النشرة الإخبارية لـ Souk',
    intro:
      'طلبتَ (أو طلب شخص يستخدم عنوانك) تلقي النشرة الإخبارية لـ Souk: أفضل العروض والمستجدات، مرة أو مرتين في الشهر.',
    action: 'تأكيد اشتراكي',
    ignore: 'إذا لم تكن صاحب هذا الطلب، تجاهل هذه الرسالة: لن تتلقى أي شيء.',
    unsubscribe: 'إلغاء الاشتراك في أي وقت',
    reason: 'تتلقى هذه الرسالة لأن هذا العنوان أُدخل في استمارة الاشتراك على Souk.',
  },
};

/** Double opt-in: nothing is sent to the address again until this link is followed. */
export const newsletterConfirmMail = defineMailTemplate({
  schema: z.object({ url: webUrlSchema, unsubscribeUrl: webUrlSchema }),
  render(locale, data, context) {
    const strings = newsletterCopy[locale];
    return renderSiteMail(
      locale,
      {
        subject: strings.subject,
        heading: strings.subject,
        paragraphs: [strings.intro],
        action: { url: data.url, label: strings.action },
        after: [strings.ignore, `${strings.unsubscribe}: ${data.unsubscribeUrl}`],
        reason: strings.reason,
      },
      context,
    );
  },
});

const autoReplyCopy: Record<
  Locale,
  { subject: string; greeting: (name: string) => string; intro: string; yours: string; reason: string }
> = {
  fr: {
    subject: 'Nous avons bien reçu votre message',
    greeting: (name) => `Bonjour ${name},`,
    intro:
      'Merci de nous avoir écrit. Notre équipe vous répond en général sous un jour ouvré (du lundi au vendredi, de 9 h à 18 h, heure du Maroc). Pour compléter votre demande, répondez simplement à cet e-mail.',
    yours: 'Votre message :',
    reason: 'Vous recevez cet e-mail parce que vous avez écrit à Souk depuis la page de contact.',
  },
  en: {
    subject: 'We have received your message',
    greeting: (name) => `Hello ${name},`,
    intro:
      'Thank you for writing to us. Our team usually answers within one business day (Monday to Friday, 9 am to 6 pm, Morocco time). To add to your request, simply reply to this email.',
    yours: 'Your message:',
    reason: 'You are receiving this email because you wrote to Souk from the contact page.',
  },
  ar: {
    subject: 'لقد تلقينا رسالتك',
    greeting: (name) => `مرحبًا ${name}،`,
    intro:
      'شكرًا على تواصلك معنا. يرد فريقنا عادةً خلال يوم عمل واحد (من الاثنين إلى الجمعة، من 9 صباحًا إلى 6 مساءً بتوقيت المغرب). لإضافة معلومات إلى طلبك، ما عليك سوى الرد على هذه الرسالة.',
    yours: 'رسالتك:',
    reason: 'تتلقى هذه الرسالة لأنك راسلت Souk من صفحة الاتصال.',
  },
};

const contactData = z.object({ name: z.string().min(1).max(120), message: z.string().min(1).max(5000) });

/** The sender's acknowledgement, in the language they wrote in. */
export const contactAutoReplyMail = defineMailTemplate({
  schema: contactData,
  render(locale, data, context) {
    const strings = autoReplyCopy[locale];
    return renderSiteMail(
      locale,
      {
        subject: strings.subject,
        heading: strings.greeting(oneLine(data.name)),
        paragraphs: [strings.intro, strings.yours, data.message],
        reason: strings.reason,
      },
      context,
    );
  },
});

const answerCopy: Record<
  Locale,
  { subject: string; greeting: (name: string) => string; original: string; reason: string }
> = {
  fr: {
    subject: 'Réponse de l’équipe Souk',
    greeting: (name) => `Bonjour ${name},`,
    original: 'Votre message d’origine :',
    reason: 'Vous recevez cet e-mail en réponse au message que vous avez envoyé depuis la page de contact de Souk.',
  },
  en: {
    subject: 'An answer from the Souk team',
    greeting: (name) => `Hello ${name},`,
    original: 'Your original message:',
    reason: 'You are receiving this email in answer to the message you sent from the Souk contact page.',
  },
  ar: {
    subject: 'رد من فريق Souk',
    greeting: (name) => `مرحبًا ${name}،`,
    original: 'رسالتك الأصلية:',
    reason: 'تتلقى هذه الرسالة ردًا على الرسالة التي أرسلتها من صفحة الاتصال على Souk.',
  },
};

/** An admin's answer from the inbox, quoting what the visitor wrote. */
export const contactAnswerMail = defineMailTemplate({
  schema: contactData.extend({ answer: z.string().min(1).max(10_000) }),
  render(locale, data, context) {
    const strings = answerCopy[locale];
    return renderSiteMail(
      locale,
      {
        subject: strings.subject,
        heading: strings.greeting(oneLine(data.name)),
        paragraphs: [data.answer, strings.original, data.message],
        reason: strings.reason,
      },
      context,
    );
  },
});

const supportCopy: Record<Locale, { subject: (topic: string, name: string) => string; open: string; reason: string }> =
  {
    fr: {
      subject: (topic, name) => `[Contact · ${topic}] ${name}`,
      open: 'Ouvrir dans la boîte de réception',
      reason: 'Vous recevez cet e-mail parce que cette adresse reçoit les messages de la page de contact de Souk.',
    },
    en: {
      subject: (topic, name) => `[Contact · ${topic}] ${name}`,
      open: 'Open in the inbox',
      reason: 'You are receiving this email because this address receives the messages of the Souk contact page.',
    },
    ar: {
      subject: (topic, name) => `[اتصال · ${topic}] ${name}`,
      open: 'فتح في صندوق الوارد',
      reason: 'تتلقى هذه الرسالة لأن هذا العنوان يستقبل رسائل صفحة الاتصال على Souk.',
    },
  };

/** Support's copy of a new contact message, linking to the admin inbox where it is answered. */
export const contactReceivedMail = defineMailTemplate({
  schema: contactData.extend({
    email: z.email().max(320),
    subject: z.string().min(1).max(50),
    inboxUrl: webUrlSchema,
  }),
  render(locale, data, context) {
    const strings = supportCopy[locale];
    return renderSiteMail(
      locale,
      {
        subject: strings.subject(data.subject, data.name),
        heading: `${oneLine(data.name)} <${data.email}>`,
        paragraphs: [data.message],
        action: { url: data.inboxUrl, label: strings.open },
        reason: strings.reason,
      },
      context,
    );
  },
});
