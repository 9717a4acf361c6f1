import type { Locale } from './locales.ts';

/**
 * The social module's words, in the three languages: refusals (validation), the reasons of each
 * pipeline transition and what to do about them. Values go in `{name}` placeholders.
 */
export type SocialProblem =
  | 'caption_too_long'
  | 'title_too_long'
  | 'too_few_media'
  | 'too_many_media'
  | 'media_kind_unsupported'
  | 'media_ratio'
  | 'media_too_large'
  | 'media_url_not_public'
  | 'too_many_hashtags'
  | 'schedule_in_past'
  | 'schedule_required'
  | 'account_not_found'
  | 'account_reconnect_needed'
  | 'provider_not_configured'
  | 'post_not_editable'
  | 'not_retryable'
  | 'approval_not_pending'
  | 'link_not_found'
  | 'product_not_found'
  | 'tiktok_privacy_required'
  | 'tiktok_privacy_not_offered'
  | 'tiktok_consent_required'
  | 'tiktok_branded_not_private'
  | 'tiktok_one_video_or_photos'
  | 'reddit_subreddit_required'
  | 'reddit_title_required'
  | 'admins_only'
  | 'duplicate_account';

type Messages<K extends string> = Record<Locale, Record<K, string>>;

export const socialProblemMessages: Messages<SocialProblem> = {
  fr: {
    caption_too_long: 'Le texte dépasse la limite de {max} caractères de cette plateforme.',
    title_too_long: 'Le titre dépasse {max} caractères.',
    too_few_media: 'Cette plateforme demande au moins {min} image ou vidéo.',
    too_many_media: 'Cette plateforme accepte au plus {max} médias.',
    media_kind_unsupported: 'Ce type de média n’est pas accepté par cette plateforme.',
    media_ratio: 'Le format de l’image doit être entre {min} et {max} (largeur / hauteur).',
    media_too_large: 'Le fichier est trop lourd pour cette plateforme (au plus {max} Mo).',
    media_url_not_public: 'La plateforme doit pouvoir télécharger le média : donnez une adresse http(s) publique.',
    too_many_hashtags: 'Au plus {max} hashtags sur cette plateforme.',
    schedule_in_past: 'La date de publication est passée : choisissez un moment à venir.',
    schedule_required: 'Choisissez la date et l’heure de publication.',
    account_not_found: 'Ce compte social n’existe pas ou ne vous appartient pas.',
    account_reconnect_needed: 'Ce compte doit être reconnecté avant de publier.',
    provider_not_configured: 'Cette plateforme n’est pas encore configurée sur Souk.',
    post_not_editable: 'Cette publication est en cours ou terminée : elle ne peut plus être modifiée.',
    not_retryable: 'Réessayer pourrait publier deux fois : vérifiez d’abord sur la plateforme.',
    approval_not_pending: 'Cette publication n’attend pas de validation.',
    link_not_found: 'Ce lien suivi n’existe pas ou ne vous appartient pas.',
    product_not_found: 'Cette offre n’existe pas.',
    tiktok_privacy_required: 'Choisissez qui peut voir la vidéo : TikTok n’accepte pas de valeur par défaut.',
    tiktok_privacy_not_offered: 'Ce niveau de confidentialité n’est pas proposé pour ce compte TikTok.',
    tiktok_consent_required: 'Acceptez la déclaration de TikTok sur l’usage de la musique et le contenu de marque.',
    tiktok_branded_not_private: 'Un contenu de marque ne peut pas être privé (« moi uniquement »).',
    tiktok_one_video_or_photos: 'TikTok accepte une vidéo, ou des photos, pas les deux.',
    reddit_subreddit_required: 'Indiquez le subreddit où publier.',
    reddit_title_required: 'Reddit demande un titre.',
    admins_only: 'Seuls les administrateurs gèrent les comptes officiels de Souk.',
    duplicate_account: 'Ce compte est déjà connecté.',
  },
  en: {
    caption_too_long: 'The text is over this platform’s {max}-character limit.',
    title_too_long: 'The title is over {max} characters.',
    too_few_media: 'This platform needs at least {min} image or video.',
    too_many_media: 'This platform takes at most {max} media.',
    media_kind_unsupported: 'This platform does not accept this kind of media.',
    media_ratio: 'The image shape must be between {min} and {max} (width / height).',
    media_too_large: 'The file is too large for this platform (at most {max} MB).',
    media_url_not_public: 'The platform must be able to download the media: give a public http(s) address.',
    too_many_hashtags: 'At most {max} hashtags on this platform.',
    schedule_in_past: 'That time has passed: choose a moment in the future.',
    schedule_required: 'Choose the date and time to publish.',
    account_not_found: 'This social account does not exist or is not yours.',
    account_reconnect_needed: 'This account must be reconnected before publishing.',
    provider_not_configured: 'This platform is not configured on Souk yet.',
    post_not_editable: 'This post is publishing or done: it can no longer be changed.',
    not_retryable: 'Retrying could publish twice: check on the platform first.',
    approval_not_pending: 'This post is not waiting for approval.',
    link_not_found: 'This tracked link does not exist or is not yours.',
    product_not_found: 'This deal does not exist.',
    tiktok_privacy_required: 'Choose who can see the video: TikTok accepts no default.',
    tiktok_privacy_not_offered: 'This privacy level is not offered for this TikTok account.',
    tiktok_consent_required: 'Accept TikTok’s music usage and branded content declaration.',
    tiktok_branded_not_private: 'Branded content cannot be private ("only me").',
    tiktok_one_video_or_photos: 'TikTok takes one video, or photos, not both.',
    reddit_subreddit_required: 'Say which subreddit to post to.',
    reddit_title_required: 'Reddit needs a title.',
    admins_only: 'Only administrators manage Souk’s official accounts.',
    duplicate_account: 'This account is already connected.',
  },
  ar: {
    caption_too_long: 'النص يتجاوز حد {max} حرفًا لهذه المنصة.',
    title_too_long: 'العنوان يتجاوز {max} حرفًا.',
    too_few_media: 'تتطلب هذه المنصة {min} صورة أو فيديو على الأقل.',
    too_many_media: 'تقبل هذه المنصة {max} وسائط على الأكثر.',
    media_kind_unsupported: 'هذه المنصة لا تقبل هذا النوع من الوسائط.',
    media_ratio: 'يجب أن تكون نسبة الصورة بين {min} و{max} (العرض / الارتفاع).',
    media_too_large: 'الملف كبير جدًا لهذه المنصة ({max} ميغابايت على الأكثر).',
    media_url_not_public: 'يجب أن تتمكن المنصة من تنزيل الوسائط: أدخل عنوان http(s) عامًا.',
    too_many_hashtags: '{max} وسمًا على الأكثر في هذه المنصة.',
    schedule_in_past: 'هذا الموعد قد مضى: اختر وقتًا قادمًا.',
    schedule_required: 'اختر تاريخ ووقت النشر.',
    account_not_found: 'هذا الحساب الاجتماعي غير موجود أو ليس لك.',
    account_reconnect_needed: 'يجب إعادة ربط هذا الحساب قبل النشر.',
    provider_not_configured: 'هذه المنصة غير مهيأة على سوق بعد.',
    post_not_editable: 'هذا المنشور قيد النشر أو انتهى: لم يعد من الممكن تعديله.',
    not_retryable: 'قد تؤدي إعادة المحاولة إلى النشر مرتين: تحقق من المنصة أولًا.',
    approval_not_pending: 'هذا المنشور لا ينتظر الموافقة.',
    link_not_found: 'هذا الرابط المتتبَّع غير موجود أو ليس لك.',
    product_not_found: 'هذا العرض غير موجود.',
    tiktok_privacy_required: 'اختر من يمكنه مشاهدة الفيديو: تيك توك لا يقبل قيمة افتراضية.',
    tiktok_privacy_not_offered: 'مستوى الخصوصية هذا غير متاح لهذا الحساب على تيك توك.',
    tiktok_consent_required: 'وافق على تصريح تيك توك بشأن استخدام الموسيقى والمحتوى المموَّل.',
    tiktok_branded_not_private: 'لا يمكن أن يكون المحتوى المموَّل خاصًا («أنا فقط»).',
    tiktok_one_video_or_photos: 'يقبل تيك توك فيديو واحدًا أو صورًا، وليس الاثنين معًا.',
    reddit_subreddit_required: 'حدد المنتدى (subreddit) الذي تنشر فيه.',
    reddit_title_required: 'يتطلب ريديت عنوانًا.',
    admins_only: 'المسؤولون وحدهم يديرون حسابات سوق الرسمية.',
    duplicate_account: 'هذا الحساب مربوط بالفعل.',
  },
};

/** Why a target moved, by reason code; unknown platform codes fall back to their error kind. */
export type SocialReason =
  | 'draft_saved'
  | 'awaiting_approval'
  | 'approved'
  | 'rejected'
  | 'scheduled'
  | 'rescheduled'
  | 'cancelled'
  | 'publishing'
  | 'waiting_for_platform'
  | 'published'
  | 'quota_reached'
  | 'rate_limited'
  | 'platform_unavailable'
  | 'token_refreshed'
  | 'reconnect_needed'
  | 'unconfirmed_timeout'
  | 'unconfirmed_interrupted'
  | 'checks_exhausted'
  | 'container_error'
  | 'container_expired'
  | 'container_already_published'
  | 'retried'
  | 'recovered_by_sweep'
  | 'kind_bad-body'
  | 'kind_retry'
  | 'kind_disconnect'
  | 'kind_refresh-token';

export const socialReasonMessages: Messages<SocialReason> = {
  fr: {
    draft_saved: 'Brouillon enregistré.',
    awaiting_approval: 'En attente de validation par un responsable de l’équipe.',
    approved: 'Validée par {name}.',
    rejected: 'Refusée : {reason}',
    scheduled: 'Programmée.',
    rescheduled: 'Reprogrammée.',
    cancelled: 'Annulée.',
    publishing: 'Envoi à la plateforme.',
    waiting_for_platform: 'La plateforme traite le média.',
    published: 'Publiée.',
    quota_reached: 'Quota quotidien du compte atteint : publication repoussée à {at}.',
    rate_limited: 'La plateforme demande de ralentir : nouvel essai à {at}.',
    platform_unavailable: 'La plateforme ne répond pas correctement : nouvel essai à {at}.',
    token_refreshed: 'Accès renouvelé auprès de la plateforme, l’étape est reprise.',
    reconnect_needed: 'La plateforme a retiré l’accès à ce compte.',
    unconfirmed_timeout: 'La plateforme n’a pas répondu à temps : la publication a peut-être eu lieu.',
    unconfirmed_interrupted: 'L’envoi a été interrompu : la publication a peut-être eu lieu.',
    checks_exhausted: 'La plateforme n’a pas fini de traiter le média après plusieurs vérifications.',
    container_error: 'Instagram n’a pas pu traiter le média (format ou adresse inaccessible).',
    container_expired: 'Le média préparé sur Instagram a expiré (24 h) avant la publication.',
    container_already_published: 'Ce média est déjà publié sur Instagram.',
    retried: 'Nouvel essai demandé par {name}.',
    recovered_by_sweep: 'Publication en retard reprise automatiquement.',
    'kind_bad-body': 'La plateforme a refusé la publication : {detail}',
    kind_retry: 'Erreur passagère de la plateforme : {detail}',
    kind_disconnect: 'La plateforme a retiré l’accès à ce compte : {detail}',
    'kind_refresh-token': 'L’accès au compte a expiré : {detail}',
  },
  en: {
    draft_saved: 'Draft saved.',
    awaiting_approval: 'Waiting for a team manager to approve.',
    approved: 'Approved by {name}.',
    rejected: 'Rejected: {reason}',
    scheduled: 'Scheduled.',
    rescheduled: 'Rescheduled.',
    cancelled: 'Cancelled.',
    publishing: 'Sending to the platform.',
    waiting_for_platform: 'The platform is processing the media.',
    published: 'Published.',
    quota_reached: 'The account’s daily quota is used up: publishing moved to {at}.',
    rate_limited: 'The platform asked us to slow down: trying again at {at}.',
    platform_unavailable: 'The platform is not answering properly: trying again at {at}.',
    token_refreshed: 'Access renewed with the platform; the step is repeated.',
    reconnect_needed: 'The platform withdrew access to this account.',
    unconfirmed_timeout: 'The platform did not answer in time: the post may have been published.',
    unconfirmed_interrupted: 'Sending was interrupted: the post may have been published.',
    checks_exhausted: 'The platform had not finished processing the media after several checks.',
    container_error: 'Instagram could not process the media (format, or an address it cannot reach).',
    container_expired: 'The media prepared on Instagram expired (24 h) before publishing.',
    container_already_published: 'This media is already published on Instagram.',
    retried: 'Retry asked by {name}.',
    recovered_by_sweep: 'A late post was picked up again automatically.',
    'kind_bad-body': 'The platform refused the post: {detail}',
    kind_retry: 'Temporary platform error: {detail}',
    kind_disconnect: 'The platform withdrew access to this account: {detail}',
    'kind_refresh-token': 'Access to the account expired: {detail}',
  },
  ar: {
    draft_saved: 'تم حفظ المسودة.',
    awaiting_approval: 'في انتظار موافقة أحد مسؤولي الفريق.',
    approved: 'وافق عليه {name}.',
    rejected: 'مرفوض: {reason}',
    scheduled: 'مجدول.',
    rescheduled: 'أعيدت جدولته.',
    cancelled: 'ملغى.',
    publishing: 'جارٍ الإرسال إلى المنصة.',
    waiting_for_platform: 'المنصة تعالج الوسائط.',
    published: 'منشور.',
    quota_reached: 'استُنفدت الحصة اليومية للحساب: أُرجئ النشر إلى {at}.',
    rate_limited: 'طلبت المنصة الإبطاء: محاولة جديدة في {at}.',
    platform_unavailable: 'المنصة لا تجيب بشكل صحيح: محاولة جديدة في {at}.',
    token_refreshed: 'جُدِّد الوصول لدى المنصة، وتُعاد الخطوة.',
    reconnect_needed: 'سحبت المنصة الوصول إلى هذا الحساب.',
    unconfirmed_timeout: 'لم تُجب المنصة في الوقت المحدد: ربما نُشر المنشور.',
    unconfirmed_interrupted: 'انقطع الإرسال: ربما نُشر المنشور.',
    checks_exhausted: 'لم تنته المنصة من معالجة الوسائط بعد عدة تحققات.',
    container_error: 'تعذر على إنستغرام معالجة الوسائط (الصيغة، أو عنوان لا يمكنه الوصول إليه).',
    container_expired: 'انتهت صلاحية الوسائط المعدة على إنستغرام (24 ساعة) قبل النشر.',
    container_already_published: 'هذه الوسائط منشورة بالفعل على إنستغرام.',
    retried: 'طلب {name} محاولة جديدة.',
    recovered_by_sweep: 'استُؤنف منشور متأخر تلقائيًا.',
    'kind_bad-body': 'رفضت المنصة المنشور: {detail}',
    kind_retry: 'خطأ مؤقت في المنصة: {detail}',
    kind_disconnect: 'سحبت المنصة الوصول إلى هذا الحساب: {detail}',
    'kind_refresh-token': 'انتهت صلاحية الوصول إلى الحساب: {detail}',
  },
};

/** What to do, by error kind and for an unconfirmed post. */
export type SocialAdvice = 'bad-body' | 'retry' | 'disconnect' | 'refresh-token' | 'unconfirmed' | 'quota';
export const socialAdviceMessages: Messages<SocialAdvice> = {
  fr: {
    'bad-body': 'Corrigez le texte ou les médias selon le message, puis réessayez.',
    retry: 'Rien à faire : Souk réessaie tout seul. Si l’erreur persiste, réessayez plus tard.',
    disconnect: 'Reconnectez le compte dans « Comptes sociaux », puis réessayez.',
    'refresh-token': 'Reconnectez le compte si cela se reproduit.',
    unconfirmed:
      'Vérifiez sur la plateforme si la publication existe avant de republier : Souk ne réessaie pas pour éviter un doublon.',
    quota: 'Rien à faire : la publication partira dès que le quota le permet.',
  },
  en: {
    'bad-body': 'Fix the text or media as the message says, then retry.',
    retry: 'Nothing to do: Souk retries by itself. If it keeps failing, retry later.',
    disconnect: 'Reconnect the account in "Social accounts", then retry.',
    'refresh-token': 'Reconnect the account if this happens again.',
    unconfirmed:
      'Check on the platform whether the post exists before posting again: Souk does not retry, to avoid a duplicate.',
    quota: 'Nothing to do: the post goes out as soon as the quota allows.',
  },
  ar: {
    'bad-body': 'صحح النص أو الوسائط كما تقول الرسالة، ثم أعد المحاولة.',
    retry: 'لا شيء عليك: يعيد سوق المحاولة تلقائيًا. إن استمر الخطأ فأعد المحاولة لاحقًا.',
    disconnect: 'أعد ربط الحساب في «الحسابات الاجتماعية»، ثم أعد المحاولة.',
    'refresh-token': 'أعد ربط الحساب إن تكرر ذلك.',
    unconfirmed: 'تحقق من المنصة إن كان المنشور موجودًا قبل إعادة النشر: لا يعيد سوق المحاولة تجنبًا للتكرار.',
    quota: 'لا شيء عليك: سيُنشر المنشور حالما تسمح الحصة.',
  },
};

/** Fills `{name}` placeholders. */
export function fillSocialText(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A reason's words: its own when known, else the words of its error kind with the platform's detail. */
export function socialReasonText(
  locale: Locale,
  code: string,
  values: Record<string, string | number> = {},
  kind?: string | null,
): string {
  const messages = socialReasonMessages[locale] as Record<string, string>;
  const template = messages[code] ?? (kind ? messages[`kind_${kind}`] : undefined) ?? messages['kind_bad-body'];
  return fillSocialText(template ?? code, { detail: code, ...values });
}
