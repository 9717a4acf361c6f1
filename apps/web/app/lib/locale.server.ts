import { isLocale, type Locale, localeCookieName, localeQueryParam, negotiateLocale } from '@souk/contracts/locales';

const oneYearInSeconds = 60 * 60 * 24 * 365;

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The same negotiation as the API's, so pages and API errors speak the same language. `?lang=`
 * comes first: it gives each language of a public page its own URL for search engines
 * (hreflang alternates), without changing the visitor's saved preference.
 */
export function localeOf(request: Request): Locale {
  const explicit = new URL(request.url).searchParams.get(localeQueryParam);
  if (isLocale(explicit)) return explicit;
  return negotiateLocale(
    readCookie(request.headers.get('cookie'), localeCookieName),
    request.headers.get('accept-language') ?? undefined,
  );
}

/**
 * The raw value is written (no signing or encoding) because the API reads the same cookie to
 * translate its own messages.
 */
export function localeCookie(locale: Locale, request: Request): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `${localeCookieName}=${locale}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax${secure}`;
}
