import { rejectReasonLabels } from '@souk/contracts/kyc-labels';
import { z } from 'zod';
import { defineEvent } from './events.ts';

const decisions = {
  approved: {
    fr: {
      title: 'Vérification approuvée',
      body: 'Votre dossier KYC est approuvé : votre profil affiche le badge « vérifié ».',
    },
    en: { title: 'Verification approved', body: 'Your KYC file is approved: your profile shows the "verified" badge.' },
    ar: { title: 'تمت الموافقة على التحقق', body: 'تمت الموافقة على ملف التحقق: يظهر ملفك الآن بشارة «موثّق».' },
  },
  needs_info: {
    fr: {
      title: 'Informations complémentaires demandées',
      body: 'Corrigez les éléments signalés puis renvoyez votre dossier.',
    },
    en: { title: 'More information needed', body: 'Fix the items pointed out, then send your file again.' },
    ar: { title: 'مطلوب معلومات إضافية', body: 'صحّح العناصر المشار إليها ثم أعد إرسال ملفك.' },
  },
  rejected: {
    fr: { title: 'Vérification refusée', body: 'Motif : ' },
    en: { title: 'Verification rejected', body: 'Reason: ' },
    ar: { title: 'تم رفض التحقق', body: 'السبب: ' },
  },
} as const;

/** KYC decisions and bank account changes, told in the recipient's language. */
export const kycNotificationEvents = {
  'kyc.decided': defineEvent({
    schema: z.object({
      status: z.enum(['approved', 'needs_info', 'rejected']),
      reason: z.string().max(100).nullable().default(null),
      note: z.string().max(2000).nullable().default(null),
    }),
    render(locale, data) {
      const text = decisions[data.status][locale];
      const reason = data.reason
        ? (rejectReasonLabels[locale][data.reason as keyof (typeof rejectReasonLabels)['fr']] ?? data.reason)
        : '';
      const body = data.status === 'rejected' ? `${text.body}${reason}` : text.body;
      return { title: text.title, body: data.note ? `${body}\n${data.note}` : body, link: '/settings/kyc' };
    },
  }),
  'kyc.bank_account_changed': defineEvent({
    schema: z.object({ last4: z.string().regex(/^\d{4}$/) }),
    render(locale, data) {
      const text = {
        fr: {
          title: 'Votre RIB a été modifié',
          body: `Le compte de versement se termine désormais par ${data.last4}. Il sera vérifié avant tout paiement. Si ce n'est pas vous, changez votre mot de passe et contactez le support.`,
        },
        en: {
          title: 'Your bank account was changed',
          body: `Payouts now go to an account ending in ${data.last4}, checked before any payment. If this was not you, change your password and contact support.`,
        },
        ar: {
          title: 'تم تغيير حسابك البنكي',
          body: `ستُحوَّل المدفوعات الآن إلى حساب ينتهي بـ ${data.last4} بعد التحقق منه. إن لم تكن أنت، غيّر كلمة المرور وتواصل مع الدعم.`,
        },
      }[locale];
      return { ...text, link: '/settings/kyc' };
    },
  }),
};
