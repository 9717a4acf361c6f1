import { productPath } from '@souk/contracts/catalog';
import { defaultLocale, type Locale, localeQueryParam, locales } from '@souk/contracts/locales';

/** One sitemap file holds 50,000 URLs at most; each page is listed once per language. */
export const maxSitemapPages = Math.floor(50_000 / locales.length);

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page in one language, as the web app names it: French bare, the others with `?lang=`. */
function localizedUrl(publicUrl: string, path: string, locale: Locale): string {
  const url = new URL(path, publicUrl);
  if (locale !== defaultLocale) url.searchParams.set(localeQueryParam, locale);
  return url.toString();
}

export interface SitemapPage {
  path: string;
  lastModified?: Date | undefined;
}

/**
 * Every language version of every page, each listing all its alternates (and x-default), as
 * search engines expect for hreflang in a sitemap.
 */
export function sitemapXml(publicUrl: string, pages: SitemapPage[]): string {
  const entries = pages.flatMap((page) => {
    const alternates = [
      ...locales.map(
        (locale) =>
          `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(localizedUrl(publicUrl, page.path, locale))}"/>`,
      ),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(localizedUrl(publicUrl, page.path, defaultLocale))}"/>`,
    ].join('');
    const lastmod = page.lastModified ? `<lastmod>${page.lastModified.toISOString()}</lastmod>` : '';
    return locales.map(
      (locale) =>
        `<url><loc>${escapeXml(localizedUrl(publicUrl, page.path, locale))}</loc>${lastmod}${alternates}</url>`,
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

export function dealPages(deals: { slug: string; updatedAt: Date }[]): SitemapPage[] {
  return deals.map((deal) => ({ path: productPath(deal.slug), lastModified: deal.updatedAt }));
}

export function categoryPages(categories: { slug: string }[]): SitemapPage[] {
  return categories.map((category) => ({ path: `/marketplace?category=${encodeURIComponent(category.slug)}` }));
}
