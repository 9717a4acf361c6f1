import type { Locale } from './locales.ts';
import type { PayoutExclusionReason } from './payouts.ts';

/** Problems the payouts module reports itself, translated; the web shows the same words. */
export type PayoutsProblem =
  | 'period_in_future'
  | 'run_not_preview'
  | 'run_not_approved'
  | 'line_already_settled'
  | 'not_an_influencer';

export const payoutsProblemMessages: Record<Locale, Record<PayoutsProblem, string>> = {
  fr: {
    period_in_future: 'Ce mois n’a pas encore commencé : aucun versement ne peut être préparé pour lui.',
    run_not_preview: 'Ce lot de versements a déjà été approuvé.',
    run_not_approved: 'Approuvez d’abord ce lot de versements.',
    line_already_settled: 'Ce versement est déjà marqué payé ou en échec : rien n’a été compté deux fois.',
    not_an_influencer: 'Seuls les comptes influenceurs ont un solde de commissions.',
  },
  en: {
    period_in_future: 'This month has not started yet: no payout can be prepared for it.',
    run_not_preview: 'This payout run has already been approved.',
    run_not_approved: 'Approve this payout run first.',
    line_already_settled: 'This payout is already marked paid or failed: nothing was counted twice.',
    not_an_influencer: 'Only influencer accounts have a commission balance.',
  },
  ar: {
    period_in_future: 'هذا الشهر لم يبدأ بعد: لا يمكن إعداد أي دفعة له.',
    run_not_preview: 'تمت الموافقة على دفعة التحويلات هذه من قبل.',
    run_not_approved: 'وافق أولاً على دفعة التحويلات هذه.',
    line_already_settled: 'هذا التحويل مسجل من قبل كمدفوع أو فاشل: لم يُحتسب أي شيء مرتين.',
    not_an_influencer: 'حسابات المؤثرين وحدها لها رصيد عمولات.',
  },
};

/** Why an influencer is left out of a run, as admins and the influencer read it. */
export const payoutExclusionMessages: Record<Locale, Record<PayoutExclusionReason, string>> = {
  fr: {
    kyc_not_approved: 'Vérification d’identité (KYC) non approuvée',
    no_rib: 'Aucun RIB vérifié',
    rib_key_invalid: 'Clé du RIB invalide',
    below_minimum: 'Solde inférieur au minimum : reporté au mois suivant',
  },
  en: {
    kyc_not_approved: 'Identity check (KYC) not approved',
    no_rib: 'No verified RIB',
    rib_key_invalid: 'RIB key is invalid',
    below_minimum: 'Balance below the minimum: rolls over to next month',
  },
  ar: {
    kyc_not_approved: 'التحقق من الهوية غير مقبول',
    no_rib: 'لا يوجد رقم حساب بنكي (RIB) موثق',
    rib_key_invalid: 'مفتاح RIB غير صحيح',
    below_minimum: 'الرصيد أقل من الحد الأدنى: يُرحّل إلى الشهر المقبل',
  },
};
