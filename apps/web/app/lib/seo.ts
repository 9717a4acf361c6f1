import { defaultLocale, type Locale, localeQueryParam, locales } from '@souk/contracts/locales';
import type { MetaDescriptor } from 'react-router';

export interface SeoInput {
  /** Full page title; the site name is appended. */
  title: string;
  description: string;
  /** The page's path without the language parameter, e.g. `/p/spa-day`. */
  path: string;
  locale: Locale;
  /** Public origin from the root loader, e.g. `https://souk.ma`. */
  origin: string;
  /** Absolute or site-relative URL of the social card image. */
  image?: { url: string; alt: string; width?: number; height?: number } | undefined;
  type?: 'website' | 'product' | 'article';
  /** Pages that must stay reachable but out of search results (expired deals, account pages). */
  noindex?: boolean;
}

const siteName = 'Souk';
const ogLocales: Record<Locale, string> = { fr: 'fr_MA', en: 'en_US', ar: 'ar_MA' };

/** The URL of a page in one language: the default language has no parameter. */
export function localizedUrl(origin: string, path: string, locale: Locale): string {
  const url = new URL(path, origin || 'http://localhost');
  url.searchParams.delete(localeQueryParam);
  if (locale !== defaultLocale) url.searchParams.set(localeQueryParam, locale);
  return origin ? url.toString() : `${url.pathname}${url.search}`;
}

function absolute(origin: string, url: string): string {
  return origin ? new URL(url, origin).toString() : url;
}

/**
 * Everything a search engine or a social network reads in <head>: title, description, canonical
 * URL, one alternate per language (+ x-default), Open Graph and Twitter card. Used from a route's
 * `meta` export so it renders server-side.
 */
export function seoMeta(input: SeoInput): MetaDescriptor[] {
  const canonical = localizedUrl(input.origin, input.path, input.locale);
  const title = `${input.title} · ${siteName}`;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: input.description },
    { tagName: 'link', rel: 'canonical', href: canonical },
    ...locales.map((locale) => ({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: locale,
      href: localizedUrl(input.origin, input.path, locale),
    })),
    {
      tagName: 'link',
      rel: 'alternate',
      hrefLang: 'x-default',
      href: localizedUrl(input.origin, input.path, defaultLocale),
    },
    { property: 'og:site_name', content: siteName },
    { property: 'og:type', content: input.type ?? 'website' },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    { property: 'og:url', content: canonical },
    { property: 'og:locale', content: ogLocales[input.locale] },
    { name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title },
    { name: 'twitter:description', content: input.description },
  ];
  if (input.image) {
    const imageUrl = absolute(input.origin, input.image.url);
    tags.push(
      { property: 'og:image', content: imageUrl },
      { property: 'og:image:alt', content: input.image.alt },
      { name: 'twitter:image', content: imageUrl },
      { name: 'twitter:image:alt', content: input.image.alt },
    );
    if (input.image.width) tags.push({ property: 'og:image:width', content: String(input.image.width) });
    if (input.image.height) tags.push({ property: 'og:image:height', content: String(input.image.height) });
  }
  if (input.noindex) tags.push({ name: 'robots', content: 'noindex, follow' });
  return tags;
}
