import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { html, oneLine } from '../html.ts';
import { contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineActionMail } from './action-mail.ts';
import { defineMailTemplate } from './template.ts';

const accountReason: Record<Locale, string> = {
  fr: 'Vous recevez cet e-mail pour la sécurité de votre compte Souk.',
  en: 'You are receiving this email for the security of your Souk account.',
  ar: 'تتلقى هذه الرسالة من أجل أمان حسابك على Souk.',
};

export const verifyEmailMail = defineActionMail({
  fr: {
    subject: 'Confirmez votre adresse e-mail',
    greeting: (name) => `Bonjour ${name},`,
    intro: 'Confirmez votre adresse pour activer votre compte Souk.',
    action: 'Confirmer mon adresse',
    note: "Ce lien est valable 24 heures. Si vous n'avez pas créé de compte, ignorez cet e-mail.",
    reason: accountReason.fr,
  },
  en: {
    subject: 'Confirm your email address',
    greeting: (name) => `Hello ${name},`,
    intro: 'Confirm your address to activate your Souk account.',
    action: 'Confirm my address',
    note: 'This link works for 24 hours. If you did not create an account, ignore this email.',
    reason: accountReason.en,
  },
  ar: {
    subject: 'أكّد عنوان بريدك الإلكتروني',
    greeting: (name) => `مرحبًا ${name}،`,
    intro: 'أكّد عنوانك لتفعيل حسابك على Souk.',
    action: 'تأكيد عنواني',
    note: 'هذا الرابط صالح لمدة 24 ساعة. إذا لم تنشئ حسابًا، فتجاهل هذه الرسالة.',
    reason: accountReason.ar,
  },
});

export const passwordResetMail = defineActionMail({
  fr: {
    subject: 'Réinitialisez votre mot de passe',
    greeting: (name) => `Bonjour ${name},`,
    intro: 'Vous avez demandé à réinitialiser le mot de passe de votre compte Souk.',
    action: 'Choisir un nouveau mot de passe',
    note: "Ce lien est valable une heure et ne sert qu'une fois. Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.",
    reason: accountReason.fr,
  },
  en: {
    subject: 'Reset your password',
    greeting: (name) => `Hello ${name},`,
    intro: 'You asked to reset the password of your Souk account.',
    action: 'Choose a new password',
    note: 'This link works once, for one hour. If you did not ask for it, ignore this email: your password stays as it is.',
    reason: accountReason.en,
  },
  ar: {
    subject: 'أعد تعيين كلمة المرور',
    greeting: (name) => `مرحبًا ${name}،`,
    intro: 'طلبت إعادة تعيين كلمة مرور حسابك على Souk.',
    action: 'اختيار كلمة مرور جديدة',
    note: 'هذا الرابط صالح لمرة واحدة ولمدة ساعة. إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.',
    reason: accountReason.ar,
  },
});

const codeCopy: Record<Locale, { subject: string; intro: string; note: string }> = {
  fr: {
    subject: 'Votre code de connexion Souk',
    intro: 'Voici votre code de vérification :',
    note: 'Il expire dans 5 minutes. Ne le communiquez à personne : Souk ne vous le demandera jamais.',
  },
  en: {
    subject: 'Your Souk sign-in code',
    intro: 'Here is your verification code:',
    note: 'It expires in 5 minutes. Share it with no one: Souk will never ask you for it.',
  },
  ar: {
    subject: 'رمز تسجيل الدخول إلى Souk',
    intro: 'إليك رمز التحقق الخاص بك:',
    note: 'تنتهي صلاحيته خلال 5 دقائق. لا تشاركه مع أي أحد: لن يطلبه منك Souk أبدًا.',
  },
};

/** The emailed one-time code, fallback for two-factor sign-in. */
export const twoFactorCodeMail = defineMailTemplate({
  schema: z.object({ code: z.string().regex(/^[0-9A-Za-z]{4,12}$/) }),
  render(locale, data, context) {
    const strings = codeCopy[locale];
    const styles = contentStyles(locale);
    const content = html`<p style="${styles.paragraph}">${strings.intro}</p>
<p style="font-size:32px;font-weight:700;letter-spacing:6px;margin:16px 0;" dir="ltr">${data.code}</p>
<p style="${styles.paragraph}">${strings.note}</p>`;
    return {
      subject: strings.subject,
      html: renderHtmlLayout({
        locale,
        subject: strings.subject,
        preheader: strings.intro,
        content,
        reason: accountReason[locale],
        context,
      }),
      text: renderTextLayout({
        locale,
        blocks: [strings.intro, data.code, strings.note],
        reason: accountReason[locale],
        context,
      }),
    };
  },
});

const signInCopy: Record<Locale, { subject: string; intro: string; device: string; when: string; note: string }> = {
  fr: {
    subject: 'Nouvelle connexion à votre compte Souk',
    intro: "Votre compte vient d'être utilisé depuis un appareil que nous ne connaissions pas.",
    device: 'Appareil',
    when: 'Date',
    note: "Si c'était vous, rien à faire. Sinon, changez votre mot de passe et fermez les autres sessions depuis vos paramètres.",
  },
  en: {
    subject: 'New sign-in to your Souk account',
    intro: 'Your account was just used from a device we had not seen before.',
    device: 'Device',
    when: 'Time',
    note: 'If it was you, there is nothing to do. Otherwise, change your password and end other sessions from your settings.',
  },
  ar: {
    subject: 'تسجيل دخول جديد إلى حسابك على Souk',
    intro: 'تم استخدام حسابك للتو من جهاز لم نره من قبل.',
    device: 'الجهاز',
    when: 'الوقت',
    note: 'إذا كنت أنت، فلا داعي لأي إجراء. وإلا فغيّر كلمة المرور وأنهِ الجلسات الأخرى من إعداداتك.',
  },
};

/** Account-takeover warning: a session was opened from an unknown device. */
export const newSignInMail = defineMailTemplate({
  schema: z.object({
    device: z.string().max(300),
    ipAddress: z.string().max(64).nullable(),
    at: z.iso.datetime(),
  }),
  render(locale, data, context) {
    const strings = signInCopy[locale];
    const styles = contentStyles(locale);
    const device = oneLine(data.ipAddress ? `${data.device} (${data.ipAddress})` : data.device);
    const at = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(data.at));
    const content = html`<p style="${styles.paragraph}">${strings.intro}</p>
<p style="${styles.paragraph}"><strong>${strings.device}:</strong> ${device}<br><strong>${strings.when}:</strong> ${at} UTC</p>
<p style="${styles.paragraph}">${strings.note}</p>`;
    return {
      subject: strings.subject,
      html: renderHtmlLayout({
        locale,
        subject: strings.subject,
        preheader: strings.intro,
        content,
        reason: accountReason[locale],
        context,
      }),
      text: renderTextLayout({
        locale,
        blocks: [strings.intro, `${strings.device}: ${device}`, `${strings.when}: ${at} UTC`, strings.note],
        reason: accountReason[locale],
        context,
      }),
    };
  },
});
