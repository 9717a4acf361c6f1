import { ar } from '../locales/ar';
import { en } from '../locales/en';
import { fr } from '../locales/fr';
import { registerTranslations, type Words } from './i18n';

/** Every language, for the server: registered once when the server build loads. */
export const allTranslations: Record<'fr' | 'en' | 'ar', Words> = { fr, en, ar };
for (const [locale, words] of Object.entries(allTranslations) as ['fr' | 'en' | 'ar', Words][]) {
  registerTranslations(locale, words);
}
