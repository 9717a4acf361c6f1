import type { RejectReason } from './kyc.ts';
import type { Locale } from './locales.ts';

/** Reasons a reviewer picks from; the server words notifications with them, the web its forms. */
export const rejectReasonLabels: Record<Locale, Record<RejectReason, string>> = {
  fr: {
    document_unreadable: 'Document illisible',
    document_mismatch: 'Les documents ne correspondent pas aux informations saisies',
    identity_unverifiable: 'Identité impossible à vérifier',
    suspected_fraud: 'Soupçon de fraude',
    duplicate_account: 'Ces informations sont déjà utilisées par un autre compte',
    other: 'Autre motif',
  },
  en: {
    document_unreadable: 'Document unreadable',
    document_mismatch: 'The documents do not match the information given',
    identity_unverifiable: 'Identity cannot be verified',
    suspected_fraud: 'Suspected fraud',
    duplicate_account: 'This information is already used by another account',
    other: 'Other reason',
  },
  ar: {
    document_unreadable: 'المستند غير مقروء',
    document_mismatch: 'المستندات لا تطابق المعلومات المدخلة',
    identity_unverifiable: 'تعذّر التحقق من الهوية',
    suspected_fraud: 'اشتباه في احتيال',
    duplicate_account: 'هذه المعلومات مستخدمة من طرف حساب آخر',
    other: 'سبب آخر',
  },
};
