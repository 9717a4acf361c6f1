import type { QuotaName } from './billing.ts';
import type { Locale } from './locales.ts';

/** Problems the billing module reports itself, translated; the web shows the same words. */
export type BillingProblem =
  | 'trial_already_used'
  | 'plan_unchanged'
  | 'plan_is_free'
  | 'card_payment_unavailable'
  | 'portal_unavailable'
  | 'nothing_to_resume'
  | 'nothing_to_pay';

export const billingProblemMessages: Record<Locale, Record<BillingProblem, string>> = {
  fr: {
    trial_already_used: 'Votre équipe a déjà bénéficié de l’essai gratuit ou a déjà une formule payante.',
    plan_unchanged: 'Vous êtes déjà sur cette formule.',
    plan_is_free: 'La formule Free ne se paie pas.',
    card_payment_unavailable: 'Le paiement par carte n’est pas disponible pour le moment.',
    portal_unavailable: 'Le portail de facturation n’est disponible que pour les abonnements payés par Stripe.',
    nothing_to_resume: 'Aucun changement en attente à annuler.',
    nothing_to_pay: 'Aucune facture d’abonnement n’est à régler.',
  },
  en: {
    trial_already_used: 'Your team has already used its free trial or already has a paid plan.',
    plan_unchanged: 'You are already on this plan.',
    plan_is_free: 'The Free plan has nothing to pay.',
    card_payment_unavailable: 'Card payment is not available right now.',
    portal_unavailable: 'The billing portal is only available for subscriptions paid through Stripe.',
    nothing_to_resume: 'There is no pending change to undo.',
    nothing_to_pay: 'There is no subscription invoice to pay.',
  },
  ar: {
    trial_already_used: 'استفاد فريقك من الفترة التجريبية المجانية أو لديه باقة مدفوعة.',
    plan_unchanged: 'أنت مشترك في هذه الباقة بالفعل.',
    plan_is_free: 'الباقة المجانية لا تتطلب أي دفع.',
    card_payment_unavailable: 'الدفع بالبطاقة غير متاح حاليًا.',
    portal_unavailable: 'بوابة الفوترة متاحة فقط للاشتراكات المدفوعة عبر Stripe.',
    nothing_to_resume: 'لا يوجد تغيير معلّق لإلغائه.',
    nothing_to_pay: 'لا توجد فاتورة اشتراك مستحقة.',
  },
};

/** The quota in words, for the quota problem's detail. */
export const quotaLabels: Record<Locale, Record<QuotaName, string>> = {
  fr: {
    publishedDeals: 'offres publiées',
    teamSeats: 'membres de l’équipe',
    approvedInfluencers: 'influenceurs approuvés',
    scheduledPostsPerMonth: 'publications programmées ce mois-ci',
    aiGenerationsPerMonth: 'générations IA ce mois-ci',
    campaignEmailsPerMonth: 'e-mails de campagne ce mois-ci',
  },
  en: {
    publishedDeals: 'published deals',
    teamSeats: 'team seats',
    approvedInfluencers: 'approved influencers',
    scheduledPostsPerMonth: 'scheduled posts this month',
    aiGenerationsPerMonth: 'AI generations this month',
    campaignEmailsPerMonth: 'campaign emails this month',
  },
  ar: {
    publishedDeals: 'العروض المنشورة',
    teamSeats: 'أعضاء الفريق',
    approvedInfluencers: 'المؤثرون المعتمدون',
    scheduledPostsPerMonth: 'المنشورات المجدولة هذا الشهر',
    aiGenerationsPerMonth: 'عمليات التوليد بالذكاء الاصطناعي هذا الشهر',
    campaignEmailsPerMonth: 'رسائل الحملات هذا الشهر',
  },
};

/** "{used} of {limit} {label} used": the quota problem's detail. */
export const quotaExceededDetail: Record<Locale, string> = {
  fr: 'Limite atteinte : {used} sur {limit} {label}. Passez à une formule supérieure pour aller plus loin.',
  en: 'Limit reached: {used} of {limit} {label}. Upgrade your plan to go further.',
  ar: 'تم بلوغ الحد: {used} من {limit} {label}. انتقل إلى باقة أعلى للمزيد.',
};

/** Shown on a deal the plan paused. */
export const pausedByPlanExplanation: Record<Locale, string> = {
  fr: 'Cette offre a été mise en pause : votre formule actuelle permet moins d’offres publiées. Rien n’est supprimé ; elle revient dès que votre formule le permet.',
  en: 'This deal is paused: your current plan allows fewer published deals. Nothing is deleted; it comes back as soon as your plan allows.',
  ar: 'تم إيقاف هذا العرض مؤقتًا: باقتك الحالية تسمح بعدد أقل من العروض المنشورة. لم يُحذف شيء؛ سيعود بمجرد أن تسمح باقتك بذلك.',
};

export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
