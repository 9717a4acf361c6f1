import type { ErrorCode } from './errors.ts';
import type { Locale } from './locales.ts';

/** Translated titles for every error code; the server uses them in problem bodies. */
export const errorTitles: Record<Locale, Record<ErrorCode, string>> = {
  fr: {
    validation_failed: 'Certaines informations sont invalides.',
    malformed_body: "Le corps de la requête n'est pas un JSON valide.",
    payload_too_large: 'La requête est trop volumineuse.',
    unauthenticated: 'Vous devez vous connecter pour continuer.',
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    invalid_code: 'Ce code est incorrect ou a expiré.',
    invalid_token: "Ce lien n'est plus valable. Demandez-en un nouveau.",
    email_not_verified: 'Confirmez d’abord votre adresse e-mail : nous venons de vous renvoyer le lien.',
    account_suspended: 'Ce compte est suspendu. Contactez le support.',
    forbidden: "Vous n'avez pas l'autorisation d'effectuer cette action.",
    not_found: "La ressource demandée n'existe pas.",
    conflict: 'Cette action entre en conflit avec l’état actuel.',
    rate_limited: 'Trop de tentatives. Réessayez dans un instant.',
    service_unavailable: 'Le service est momentanément indisponible.',
    internal: 'Une erreur inattendue est survenue. Nous en avons été informés.',
    challenge_failed: 'La vérification anti-spam a échoué ou a expiré. Rechargez la page et réessayez.',
    deal_limit_reached:
      'Sans vérification KYC, vous pouvez publier 3 offres au maximum. Faites vérifier votre entreprise pour en publier davantage.',
    moderation_hold:
      'Cette offre a été dépubliée par la modération : corrigez-la puis contactez le support pour la republier.',
    quota_exceeded:
      'Votre formule a atteint sa limite pour cette action. Passez à une formule supérieure pour continuer.',
  },
  en: {
    validation_failed: 'Some of the information is invalid.',
    malformed_body: 'The request body is not valid JSON.',
    payload_too_large: 'The request is too large.',
    unauthenticated: 'You need to sign in to continue.',
    invalid_credentials: 'Incorrect email or password.',
    invalid_code: 'This code is wrong or has expired.',
    invalid_token: 'This link is no longer valid. Ask for a new one.',
    email_not_verified: 'Confirm your email address first: we have just sent you the link again.',
    account_suspended: 'This account is suspended. Contact support.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'The requested resource does not exist.',
    conflict: 'This action conflicts with the current state.',
    rate_limited: 'Too many attempts. Try again in a moment.',
    service_unavailable: 'The service is temporarily unavailable.',
    internal: 'Something unexpected went wrong. We have been notified.',
    challenge_failed: 'The anti-spam check failed or expired. Reload the page and try again.',
    deal_limit_reached:
      'Without KYC verification you can publish 3 deals at most. Get your company verified to publish more.',
    moderation_hold: 'This deal was unpublished by moderation: fix it, then contact support to publish it again.',
    quota_exceeded: 'Your plan has reached its limit for this action. Upgrade your plan to continue.',
  },
  ar: {
    validation_failed: 'بعض المعلومات غير صالحة.',
    malformed_body: 'محتوى الطلب ليس JSON صالحًا.',
    payload_too_large: 'حجم الطلب كبير جدًا.',
    unauthenticated: 'يجب تسجيل الدخول للمتابعة.',
    invalid_credentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    invalid_code: 'هذا الرمز غير صحيح أو انتهت صلاحيته.',
    invalid_token: 'هذا الرابط لم يعد صالحًا. اطلب رابطًا جديدًا.',
    email_not_verified: 'أكّد عنوان بريدك الإلكتروني أولًا: لقد أرسلنا إليك الرابط من جديد.',
    account_suspended: 'هذا الحساب موقوف. تواصل مع الدعم.',
    forbidden: 'غير مسموح لك بالقيام بهذا الإجراء.',
    not_found: 'المورد المطلوب غير موجود.',
    conflict: 'هذا الإجراء يتعارض مع الحالة الحالية.',
    rate_limited: 'محاولات كثيرة جدًا. حاول مرة أخرى بعد قليل.',
    service_unavailable: 'الخدمة غير متاحة مؤقتًا.',
    internal: 'حدث خطأ غير متوقع. تم إبلاغنا به.',
    challenge_failed: 'فشل التحقق من الرسائل المزعجة أو انتهت صلاحيته. أعد تحميل الصفحة وحاول مرة أخرى.',
    deal_limit_reached: 'بدون التحقق KYC يمكنك نشر 3 عروض كحد أقصى. وثّق شركتك لنشر المزيد.',
    moderation_hold: 'ألغت الإدارة نشر هذا العرض: صحّحه ثم تواصل مع الدعم لإعادة نشره.',
    quota_exceeded: 'بلغت باقتك الحد الأقصى لهذا الإجراء. انتقل إلى باقة أعلى للمتابعة.',
  },
};

/** Field-level messages the server writes itself (zod's own are translated by zod's locales). */
export const fieldMessages: Record<
  Locale,
  { passwordTooCommon: string; passwordTooShort: string; accountType: string }
> = {
  fr: {
    passwordTooCommon: 'Ce mot de passe est trop courant : choisissez-en un plus personnel.',
    passwordTooShort: 'Le mot de passe doit contenir au moins 10 caractères.',
    accountType: 'Choisissez « marchand » ou « influenceur ».',
  },
  en: {
    passwordTooCommon: 'This password is too common: choose a more personal one.',
    passwordTooShort: 'The password must be at least 10 characters long.',
    accountType: 'Choose "merchant" or "influencer".',
  },
  ar: {
    passwordTooCommon: 'كلمة المرور هذه شائعة جدًا: اختر كلمة مرور أكثر خصوصية.',
    passwordTooShort: 'يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.',
    accountType: 'اختر «تاجر» أو «مؤثر».',
  },
};
