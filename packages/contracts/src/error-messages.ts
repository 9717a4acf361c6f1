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
    forbidden: "Vous n'avez pas l'autorisation d'effectuer cette action.",
    not_found: "La ressource demandée n'existe pas.",
    conflict: 'Cette action entre en conflit avec l’état actuel.',
    rate_limited: 'Trop de tentatives. Réessayez dans un instant.',
    service_unavailable: 'Le service est momentanément indisponible.',
    internal: 'Une erreur inattendue est survenue. Nous en avons été informés.',
  },
  en: {
    validation_failed: 'Some of the information is invalid.',
    malformed_body: 'The request body is not valid JSON.',
    payload_too_large: 'The request is too large.',
    unauthenticated: 'You need to sign in to continue.',
    invalid_credentials: 'Incorrect email or password.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'The requested resource does not exist.',
    conflict: 'This action conflicts with the current state.',
    rate_limited: 'Too many attempts. Try again in a moment.',
    service_unavailable: 'The service is temporarily unavailable.',
    internal: 'Something unexpected went wrong. We have been notified.',
  },
  ar: {
    validation_failed: 'بعض المعلومات غير صالحة.',
    malformed_body: 'محتوى الطلب ليس JSON صالحًا.',
    payload_too_large: 'حجم الطلب كبير جدًا.',
    unauthenticated: 'يجب تسجيل الدخول للمتابعة.',
    invalid_credentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    forbidden: 'غير مسموح لك بالقيام بهذا الإجراء.',
    not_found: 'المورد المطلوب غير موجود.',
    conflict: 'هذا الإجراء يتعارض مع الحالة الحالية.',
    rate_limited: 'محاولات كثيرة جدًا. حاول مرة أخرى بعد قليل.',
    service_unavailable: 'الخدمة غير متاحة مؤقتًا.',
    internal: 'حدث خطأ غير متوقع. تم إبلاغنا به.',
  },
};
