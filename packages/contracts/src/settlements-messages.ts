import type { Locale } from './locales.ts';

/** Problems of settlements, commission invoices and referrals, translated; the web shows the same words. */
export type SettlementsProblem =
  | 'settlement_already_paid'
  | 'settlement_not_pending'
  | 'no_payout_account'
  | 'period_not_closed'
  | 'invoice_already_paid'
  | 'card_payment_unavailable'
  | 'referral_self'
  | 'referral_circular'
  | 'referral_code_unknown'
  | 'referral_already_referred'
  | 'referral_kind_mismatch'
  | 'referral_too_late';

export const settlementsProblemMessages: Record<Locale, Record<SettlementsProblem, string>> = {
  fr: {
    settlement_already_paid: 'Ce règlement est déjà marqué comme payé.',
    settlement_not_pending: 'Seul un règlement en attente peut être marqué en échec.',
    no_payout_account: 'Ce marchand n’a pas de RIB approuvé : le virement ne peut pas être fait.',
    period_not_closed: 'Ce mois n’est pas terminé : il ne peut pas encore être réglé.',
    invoice_already_paid: 'Cette facture est déjà payée.',
    card_payment_unavailable: 'Le paiement par carte n’est pas disponible pour cette facture.',
    referral_self: 'Vous ne pouvez pas vous parrainer vous-même.',
    referral_circular: 'Cette personne est votre filleul : elle ne peut pas être votre parrain.',
    referral_code_unknown: 'Ce code de parrainage n’existe pas.',
    referral_already_referred: 'Votre compte a déjà un parrain.',
    referral_kind_mismatch: 'Un code de parrainage sert entre influenceurs ou entre marchands seulement.',
    referral_too_late: 'Un code de parrainage s’ajoute dans les 30 jours suivant l’inscription.',
  },
  en: {
    settlement_already_paid: 'This settlement is already marked as paid.',
    settlement_not_pending: 'Only a pending settlement can be marked as failed.',
    no_payout_account: 'This merchant has no approved RIB: the transfer cannot be made.',
    period_not_closed: 'This month is not over yet: it cannot be settled.',
    invoice_already_paid: 'This invoice is already paid.',
    card_payment_unavailable: 'Card payment is not available for this invoice.',
    referral_self: 'You cannot refer yourself.',
    referral_circular: 'This person was referred by you: they cannot be your referrer.',
    referral_code_unknown: 'This referral code does not exist.',
    referral_already_referred: 'Your account already has a referrer.',
    referral_kind_mismatch: 'A referral code works between influencers or between merchants only.',
    referral_too_late: 'A referral code can be added within 30 days of signing up.',
  },
  ar: {
    settlement_already_paid: 'تم تسجيل هذه التسوية كمدفوعة من قبل.',
    settlement_not_pending: 'لا يمكن تسجيل الفشل إلا لتسوية قيد الانتظار.',
    no_payout_account: 'ليس لهذا التاجر رقم حساب بنكي معتمد: لا يمكن إجراء التحويل.',
    period_not_closed: 'هذا الشهر لم ينته بعد: لا يمكن تسويته.',
    invoice_already_paid: 'هذه الفاتورة مدفوعة من قبل.',
    card_payment_unavailable: 'الدفع بالبطاقة غير متاح لهذه الفاتورة.',
    referral_self: 'لا يمكنك إحالة نفسك.',
    referral_circular: 'هذا الشخص أحلته أنت: لا يمكن أن يكون محيلك.',
    referral_code_unknown: 'رمز الإحالة هذا غير موجود.',
    referral_already_referred: 'لحسابك محيل من قبل.',
    referral_kind_mismatch: 'رمز الإحالة يصلح بين المؤثرين أو بين التجار فقط.',
    referral_too_late: 'يضاف رمز الإحالة خلال 30 يوما من التسجيل.',
  },
};
