import type { Locale } from '@souk/contracts/locales';
import type { PlatformRules, SocialProvider } from '@souk/contracts/social';
import type { DealFacts } from './ports.ts';

export interface SuggestionRequest {
  deal: DealFacts;
  platform: SocialProvider;
  locale: Locale;
  linkUrl: string | null;
  rules: Pick<PlatformRules, 'captionMaxLength' | 'hashtagsMax' | 'linkHandling'>;
}

/**
 * Writes captions and hashtags. The built-in engine below works offline from the deal's data;
 * model-backed assistants implement the same interface and plug in without touching callers.
 */
export interface CaptionAssistant {
  readonly name: string;
  suggest(request: SuggestionRequest): Promise<{ captions: string[]; hashtags: string[] }>;
}

type Facts = { title: string; merchant: string; price: string; discount: number; city: string; link: string };

const openers: Record<Locale, ((f: Facts) => string)[]> = {
  fr: [
    (f) =>
      `✨ ${f.title} chez ${f.merchant}${f.city ? ` à ${f.city}` : ''} : ${f.price}${f.discount ? ` (-${f.discount} %)` : ''}.`,
    (f) => `Bon plan du jour 👉 ${f.title}${f.discount ? `, ${f.discount} % de réduction` : ''} !`,
    (f) => `J’ai testé pour vous : ${f.title} par ${f.merchant}. ${f.price}, et ça vaut le détour.`,
    (f) => `${f.city ? `${f.city}, ` : ''}on ne rate pas ça : ${f.title} à ${f.price}.`,
  ],
  en: [
    (f) =>
      `✨ ${f.title} at ${f.merchant}${f.city ? ` in ${f.city}` : ''}: ${f.price}${f.discount ? ` (${f.discount}% off)` : ''}.`,
    (f) => `Deal of the day 👉 ${f.title}${f.discount ? `, ${f.discount}% off` : ''}!`,
    (f) => `I tried it for you: ${f.title} by ${f.merchant}. ${f.price}, and worth it.`,
    (f) => `${f.city ? `${f.city}, ` : ''}don’t miss this one: ${f.title} for ${f.price}.`,
  ],
  ar: [
    (f) =>
      `✨ ${f.title} لدى ${f.merchant}${f.city ? ` في ${f.city}` : ''}: ${f.price}${f.discount ? ` (تخفيض ${f.discount}٪)` : ''}.`,
    (f) => `عرض اليوم 👈 ${f.title}${f.discount ? `، بتخفيض ${f.discount}٪` : ''}!`,
    (f) => `جربته لكم: ${f.title} من ${f.merchant}. ${f.price}، ويستحق التجربة.`,
    (f) => `${f.city ? `${f.city}، ` : ''}لا تفوّتوا هذا: ${f.title} بـ${f.price}.`,
  ],
};

const callToAction: Record<Locale, { link: (link: string) => string; bio: string; caption: (link: string) => string }> =
  {
    fr: { link: (link) => `Réservez ici : ${link}`, bio: 'Lien dans la bio 🔗', caption: (link) => `Lien : ${link}` },
    en: { link: (link) => `Book here: ${link}`, bio: 'Link in bio 🔗', caption: (link) => `Link: ${link}` },
    ar: { link: (link) => `احجز من هنا: ${link}`, bio: 'الرابط في النبذة 🔗', caption: (link) => `الرابط: ${link}` },
  };

const localeTags: Record<Locale, string[]> = {
  fr: ['#bonplan', '#maroc', '#promo'],
  en: ['#deal', '#morocco', '#discount'],
  ar: ['#عروض', '#المغرب', '#تخفيضات'],
};

function price(minor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-MA' : `${locale}-MA`, { style: 'currency', currency }).format(
    minor / 100,
  );
}

function tag(word: string): string | null {
  const cleaned = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
  return cleaned.length >= 3 && cleaned.length <= 30 ? `#${cleaned}` : null;
}

/** Templates with variety, fitted to the platform's length, link handling and hashtag limit. */
export class BuiltInCaptionEngine implements CaptionAssistant {
  readonly name = 'built-in';

  async suggest(request: SuggestionRequest): Promise<{ captions: string[]; hashtags: string[] }> {
    const { deal, locale, rules } = request;
    const facts: Facts = {
      title: deal.title,
      merchant: deal.merchantName,
      price: price(deal.priceMinor, deal.currency, locale),
      discount: deal.discountPercent,
      city: deal.city ?? '',
      link: request.linkUrl ?? deal.pageUrl,
    };
    const hashtags = this.hashtags(deal, locale, rules.hashtagsMax);
    const cta = callToAction[locale];
    const ending =
      rules.linkHandling === 'not_clickable_use_bio'
        ? cta.bio
        : rules.linkHandling === 'caption_only_never_in_media'
          ? cta.caption(facts.link)
          : cta.link(facts.link);
    const tags = rules.hashtagsMax === 0 ? '' : hashtags.join(' ');
    const captions = openers[locale].map((opener) => {
      const highlight = deal.highlights[0] ? `\n${deal.highlights[0]}` : '';
      const full = [`${opener(facts)}${highlight}`, ending, tags].filter(Boolean).join('\n\n');
      if ([...full].length <= rules.captionMaxLength) return full;
      // Too long (Reddit titles, short limits): drop the highlight and tags, then cut the opener.
      const short = [opener(facts), ending].join('\n');
      return [...short].length <= rules.captionMaxLength
        ? short
        : `${[...short].slice(0, rules.captionMaxLength - 1).join('')}…`;
    });
    return { captions: [...new Set(captions)], hashtags };
  }

  private hashtags(deal: DealFacts, locale: Locale, max: number | null): string[] {
    const words = [
      deal.category,
      deal.city,
      deal.merchantName,
      ...deal.title.split(/\s+/).filter((word) => word.length > 4),
    ];
    const tags = [
      ...new Set([...words.flatMap((word) => (word ? [tag(word)] : [])), ...localeTags[locale]].filter(Boolean)),
    ] as string[];
    return tags.slice(0, Math.min(max ?? 12, 12));
  }
}
