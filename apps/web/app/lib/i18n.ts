import { defaultLocale, type Locale } from '@souk/contracts/locales';
import i18next, { type i18n as I18n } from 'i18next';
import { ar } from '../locales/ar';
import { en } from '../locales/en';
import { fr } from '../locales/fr';

export const translations: Record<Locale, typeof fr> = { fr, en, ar };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

/**
 * One instance per render tree and locale: a shared global instance would leak one visitor's
 * language into another's server render. Resources are bundled, so init completes synchronously
 * and the first server render is already translated.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: Object.keys(translations),
    resources: {
      fr: { translation: fr },
      en: { translation: en },
      ar: { translation: ar },
    },
    initAsync: false,
    // React escapes text already.
    interpolation: { escapeValue: false },
    // Keeps an advertisement out of the server logs.
    showSupportNotice: false,
  });
  return instance;
}
