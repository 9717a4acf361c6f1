import { defaultLocale, type Locale } from '@souk/contracts/locales';
import i18next, { type i18n as I18n } from 'i18next';
import type { fr } from '../locales/fr';

/** Every string of the interface in one language (French is the reference type). */
export type Words = typeof fr;

/**
 * The words of each language, by locale. On the server every language is registered at start
 * (lib/translations.server.ts); in the browser only the page's language, loaded as its own
 * script (lib/load-words.ts): a visitor never downloads the two languages they are not reading.
 */
export const translations = {} as Record<Locale, Words>;

export function registerTranslations(locale: Locale, words: Words): void {
  translations[locale] = words;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Words };
  }
}

/**
 * One instance per render tree and locale: a shared global instance would leak one visitor's
 * language into another's server render. Resources are bundled, so init completes synchronously
 * and the first server render is already translated.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries(translations).map(([language, words]) => [language, { translation: words }]),
  );
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale in translations ? defaultLocale : false,
    supportedLngs: ['fr', 'en', 'ar'],
    resources,
    initAsync: false,
    // React escapes text already.
    interpolation: { escapeValue: false },
    // Keeps an advertisement out of the server logs.
    showSupportNotice: false,
  });
  return instance;
}
