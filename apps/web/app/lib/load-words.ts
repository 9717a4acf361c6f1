import type { Locale } from '@souk/contracts/locales';
import { registerTranslations, translations } from './i18n';

/**
 * Each language's words as its own script, downloaded once and cached like any other asset
 * (fingerprinted, a year), instead of inlined into every page's HTML as loader data.
 */
const wordsOf: Record<Locale, () => Promise<void>> = {
  fr: () => import('../locales/fr').then(({ fr }) => registerTranslations('fr', fr)),
  en: () => import('../locales/en').then(({ en }) => registerTranslations('en', en)),
  ar: () => import('../locales/ar').then(({ ar }) => registerTranslations('ar', ar)),
};

/** Makes a language's words available to `createI18n`; a no-op once they are. */
export async function loadWords(locale: Locale): Promise<void> {
  if (!translations[locale]) await wordsOf[locale]();
}
