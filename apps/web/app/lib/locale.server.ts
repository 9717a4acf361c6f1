import { type Locale, localeCookieName, negotiateLocale } from '@souk/contracts/locales';

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

/** The same negotiation as the API's, so pages and API errors speak the same language. */
export function localeOf(request: Request): Locale {
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
