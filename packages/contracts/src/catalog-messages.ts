import type { Locale } from './locales.ts';

/** Field-level problems the catalog reports itself; the web shows the same words next to its fields. */
export type CatalogProblem =
  | 'discount_above_original'
  | 'max_below_min'
  | 'expiry_in_past'
  | 'slug_taken'
  | 'category_unknown'
  | 'image_missing'
  | 'image_type'
  | 'image_too_large'
  | 'image_too_many_pixels'
  | 'image_unreadable'
  | 'too_many_images'
  | 'image_order_mismatch'
  | 'placement_not_requested'
  | 'review_requires_redemption'
  | 'review_exists';

export const catalogProblemMessages: Record<Locale, Record<CatalogProblem, string>> = {
  fr: {
    discount_above_original: 'Le prix remisé ne peut pas dépasser le prix d’origine.',
    max_below_min: 'Le maximum par achat doit être supérieur ou égal au minimum.',
    expiry_in_past: 'La date de fin de l’offre est passée : choisissez une date à venir pour publier.',
    slug_taken: 'Cette adresse (slug) est déjà utilisée par une autre offre.',
    category_unknown: 'Cette catégorie n’existe pas.',
    image_missing: 'Envoyez l’image dans le champ multipart « file ».',
    image_type: 'Format non accepté : envoyez une image JPEG, PNG, WebP ou AVIF.',
    image_too_large: 'L’image dépasse 10 Mo.',
    image_too_many_pixels: 'L’image est trop grande (40 mégapixels au maximum).',
    image_unreadable: 'Cette image est illisible ou endommagée.',
    too_many_images: 'Une offre compte 12 images au maximum.',
    image_order_mismatch: 'Donnez chaque image de l’offre une seule fois.',
    review_requires_redemption: 'Seul un acheteur dont le bon pour cette offre a été utilisé peut laisser un avis.',
    review_exists: 'Vous avez déjà laissé un avis sur cette offre.',
    placement_not_requested: 'Le marchand n’a pas demandé cette mise en avant.',
  },
  en: {
    discount_above_original: 'The discounted price cannot be above the original price.',
    max_below_min: 'The maximum per purchase must be at least the minimum.',
    expiry_in_past: 'The offer’s end date has passed: pick a future date to publish.',
    slug_taken: 'This address (slug) is already used by another deal.',
    category_unknown: 'This category does not exist.',
    image_missing: 'Send the image as the multipart field "file".',
    image_type: 'Format not accepted: send a JPEG, PNG, WebP or AVIF image.',
    image_too_large: 'The image is larger than 10 MB.',
    image_too_many_pixels: 'The image is too large (40 megapixels at most).',
    image_unreadable: 'This image is unreadable or damaged.',
    too_many_images: 'A deal has 12 images at most.',
    image_order_mismatch: 'Give every image of the deal exactly once.',
    review_requires_redemption: 'Only a buyer whose voucher for this deal was redeemed can leave a review.',
    review_exists: 'You have already reviewed this deal.',
    placement_not_requested: 'The merchant did not ask for this placement.',
  },
  ar: {
    discount_above_original: 'لا يمكن أن يتجاوز السعر المخفّض السعر الأصلي.',
    max_below_min: 'يجب أن يكون الحد الأقصى لكل عملية شراء أكبر من الحد الأدنى أو مساويًا له.',
    expiry_in_past: 'تاريخ انتهاء العرض قد مضى: اختر تاريخًا قادمًا للنشر.',
    slug_taken: 'هذا العنوان (slug) مستخدم من طرف عرض آخر.',
    category_unknown: 'هذه الفئة غير موجودة.',
    image_missing: 'أرسل الصورة في حقل multipart المسمّى «file».',
    image_type: 'صيغة غير مقبولة: أرسل صورة JPEG أو PNG أو WebP أو AVIF.',
    image_too_large: 'حجم الصورة يتجاوز 10 ميغابايت.',
    image_too_many_pixels: 'أبعاد الصورة كبيرة جدًا (40 ميغابكسل كحد أقصى).',
    image_unreadable: 'هذه الصورة غير مقروءة أو تالفة.',
    too_many_images: 'يضم العرض 12 صورة كحد أقصى.',
    image_order_mismatch: 'اذكر كل صورة من صور العرض مرة واحدة فقط.',
    review_requires_redemption: 'لا يمكن ترك تقييم إلا لمشترٍ استُعملت قسيمته لهذا العرض.',
    review_exists: 'لقد تركت تقييمًا لهذا العرض من قبل.',
    placement_not_requested: 'لم يطلب التاجر هذا الإبراز.',
  },
};

/** Translated category of an admin unpublish notice (mail subject and in-app title). */
export const productUnpublishedTitles: Record<Locale, (title: string) => string> = {
  fr: (title) => `Votre offre « ${title} » a été dépubliée`,
  en: (title) => `Your deal "${title}" was unpublished`,
  ar: (title) => `تم إلغاء نشر عرضك «${title}»`,
};
