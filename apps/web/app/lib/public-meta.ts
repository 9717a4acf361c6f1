import type { Locale } from '@souk/contracts/locales';
import type { MetaDescriptor } from 'react-router';
import { type SeoInput, seoMeta } from './seo';

interface RootMatchData {
  locale: Locale;
  pageLocale: Locale;
  origin: string;
}

/** `seoMeta` for a public page, with the language and origin read from the root loader's data. */
export function publicPageMeta(
  matches: readonly ({ id: string; data?: unknown } | undefined)[],
  page: (locale: Locale) => Omit<SeoInput, 'locale' | 'origin'>,
): MetaDescriptor[] {
  const root = matches.find((match) => match?.id === 'root')?.data as RootMatchData | undefined;
  const locale = root?.locale ?? 'fr';
  // Words in the visitor's language; canonical URL and og:locale for the language the URL names.
  return seoMeta({ ...page(locale), locale: root?.pageLocale ?? locale, origin: root?.origin ?? '' });
}
