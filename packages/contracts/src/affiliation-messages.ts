import type { Locale } from './locales.ts';

/** Problems the affiliation module reports itself, translated; the web shows the same words. */
export type AffiliationProblem =
  | 'product_not_published'
  | 'request_exists'
  | 'request_decided'
  | 'affiliation_required'
  | 'not_an_influencer'
  | 'alias_taken'
  | 'alias_reserved'
  | 'alias_invalid'
  | 'click_unknown'
  | 'click_expired'
  | 'click_other_merchant'
  | 'currency_mismatch'
  | 'order_amount_differs'
  | 'refund_too_large'
  | 'refund_ref_required'
  | 'already_reversed'
  | 'commission_not_pending'
  | 'pixel_key_unknown'
  | 'cap_below_minimum';

export const affiliationProblemMessages: Record<Locale, Record<AffiliationProblem, string>> = {
  fr: {
    product_not_published: 'Cette offre n’est pas publiée : on ne peut pas demander à la promouvoir.',
    request_exists: 'Vous avez déjà une demande d’affiliation pour cette offre.',
    request_decided: 'Cette demande a déjà été traitée.',
    affiliation_required: 'Il faut une affiliation approuvée pour cette offre avant de créer un lien.',
    not_an_influencer: 'Seuls les comptes influenceurs peuvent faire cela.',
    alias_taken: 'Cet alias est déjà utilisé.',
    alias_reserved: 'Cet alias est réservé par Souk : choisissez-en un autre.',
    alias_invalid: 'Un alias contient de 3 à 40 caractères : lettres minuscules, chiffres et tirets.',
    click_unknown: 'Identifiant de clic inconnu.',
    click_expired: 'Ce clic est plus ancien que votre fenêtre d’attribution.',
    click_other_merchant: 'Ce clic ne provient pas d’un lien vers l’une de vos offres.',
    currency_mismatch: 'La devise doit être celle de l’offre pour une commission fixe.',
    order_amount_differs: 'Cette référence de commande a déjà été déclarée avec un autre montant.',
    refund_too_large: 'Le remboursement dépasse ce qui reste de la vente.',
    refund_ref_required: 'Un remboursement partiel doit porter une référence (refundRef).',
    already_reversed: 'Cette vente est déjà entièrement remboursée.',
    commission_not_pending: 'Seule une commission en attente peut être approuvée ou rejetée.',
    pixel_key_unknown: 'Clé de pixel inconnue.',
    cap_below_minimum: 'Le plafond doit être supérieur ou égal au minimum.',
  },
  en: {
    product_not_published: 'This deal is not published: it cannot be promoted.',
    request_exists: 'You already have an affiliation request for this deal.',
    request_decided: 'This request has already been decided.',
    affiliation_required: 'You need an approved affiliation for this deal before creating a link.',
    not_an_influencer: 'Only influencer accounts can do this.',
    alias_taken: 'This alias is already taken.',
    alias_reserved: 'This alias is reserved by Souk: choose another one.',
    alias_invalid: 'An alias has 3 to 40 characters: lowercase letters, digits and dashes.',
    click_unknown: 'Unknown click id.',
    click_expired: 'This click is older than your attribution window.',
    click_other_merchant: 'This click did not come from a link to one of your deals.',
    currency_mismatch: 'With a fixed commission the currency must be the deal’s.',
    order_amount_differs: 'This order reference was already reported with a different amount.',
    refund_too_large: 'The refund is larger than what remains of the sale.',
    refund_ref_required: 'A partial refund needs a reference (refundRef).',
    already_reversed: 'This sale is already fully refunded.',
    commission_not_pending: 'Only a pending commission can be approved or rejected.',
    pixel_key_unknown: 'Unknown pixel key.',
    cap_below_minimum: 'The cap must be at least the minimum.',
  },
  ar: {
    product_not_published: 'هذا العرض غير منشور: لا يمكن طلب الترويج له.',
    request_exists: 'لديك بالفعل طلب انتساب لهذا العرض.',
    request_decided: 'تم البت في هذا الطلب من قبل.',
    affiliation_required: 'تحتاج إلى انتساب مقبول لهذا العرض قبل إنشاء رابط.',
    not_an_influencer: 'هذا متاح لحسابات المؤثرين فقط.',
    alias_taken: 'هذا الاسم المستعار مستخدم بالفعل.',
    alias_reserved: 'هذا الاسم المستعار محجوز من طرف Souk: اختر اسمًا آخر.',
    alias_invalid: 'يتكون الاسم المستعار من 3 إلى 40 حرفًا: أحرف لاتينية صغيرة وأرقام وشرطات.',
    click_unknown: 'معرّف النقرة غير معروف.',
    click_expired: 'هذه النقرة أقدم من نافذة الإسناد الخاصة بك.',
    click_other_merchant: 'هذه النقرة لا تأتي من رابط لأحد عروضك.',
    currency_mismatch: 'مع عمولة ثابتة يجب أن تكون العملة هي عملة العرض.',
    order_amount_differs: 'تم التصريح بمرجع الطلب هذا من قبل بمبلغ مختلف.',
    refund_too_large: 'مبلغ الاسترداد يتجاوز ما تبقى من البيع.',
    refund_ref_required: 'يجب أن يحمل الاسترداد الجزئي مرجعًا (refundRef).',
    already_reversed: 'تم استرداد هذا البيع بالكامل من قبل.',
    commission_not_pending: 'لا يمكن قبول أو رفض إلا عمولة قيد الانتظار.',
    pixel_key_unknown: 'مفتاح البكسل غير معروف.',
    cap_below_minimum: 'يجب أن يكون الحد الأقصى أكبر من الحد الأدنى أو مساويًا له.',
  },
};

/** The page a visitor sees for an unknown or disabled short link. */
export const missingLinkPage: Record<Locale, { title: string; body: string; cta: string }> = {
  fr: {
    title: 'Lien introuvable',
    body: 'Ce lien n’existe pas ou n’est plus actif. L’offre est peut-être terminée.',
    cta: 'Découvrir les offres du moment',
  },
  en: {
    title: 'Link not found',
    body: 'This link does not exist or is no longer active. The deal may have ended.',
    cta: 'See current deals',
  },
  ar: {
    title: 'الرابط غير موجود',
    body: 'هذا الرابط غير موجود أو لم يعد نشطًا. ربما انتهى العرض.',
    cta: 'اكتشف العروض الحالية',
  },
};
