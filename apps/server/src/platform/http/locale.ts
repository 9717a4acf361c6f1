import { isLocale, type Locale, localeCookieName, localeHeaderName, negotiateLocale } from '@souk/contracts/locales';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isHotPath } from './hot-path.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * An explicit choice for this one request (the header the web server sends for a page viewed as
 * `?lang=en`) wins over the visitor's saved preference, which wins over the browser's languages.
 */
export function requestLocale(request: Pick<FastifyRequest, 'headers'>): Locale {
  const explicit = request.headers[localeHeaderName];
  if (isLocale(explicit)) return explicit;
  return negotiateLocale(readCookie(request.headers.cookie, localeCookieName), request.headers['accept-language']);
}

/**
 * Every request knows its language, so errors and mails can be translated. Hot-path routes call
 * `requestLocale` themselves on the rare answer that has words in it.
 */
export function registerLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', 'fr');
  app.addHook('onRequest', async (request) => {
    if (isHotPath(request)) return;
    request.locale = requestLocale(request);
  });
}
