import { randomUUID } from 'node:crypto';
import { missingLinkPage } from '@souk/contracts/affiliation-messages';
import type { Locale } from '@souk/contracts/locales';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale } from '../../platform/http/locale.ts';
import type { ClickBuffer } from './click-buffer.ts';
import type { CountryLookup } from './country-lookup.ts';
import type { LinkTarget } from './link-cache.ts';
import { codeShape } from './link-service.ts';
import { isPreviewFetch, referrerHost, type UniqueClickWindow, userAgentFacts, visitorKey } from './visitor.ts';

export interface RedirectDeps {
  publicUrl: string;
  resolve(code: string): Promise<LinkTarget | null>;
  buffer: ClickBuffer;
  unique: UniqueClickWindow;
  countries: CountryLookup | null;
}

export const clickCookie = 'souk_cid';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function missingPage(locale: Locale, publicUrl: string): string {
  const text = missingLinkPage[locale];
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(text.title)} · Souk</title><style>body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#f8f9fb;color:#1f2430}main{max-width:28rem;padding:2rem;text-align:center}a{display:inline-block;margin-top:1rem;padding:.7rem 1.2rem;border-radius:.5rem;background:#3b3fb6;color:#fff;text-decoration:none}</style></head><body><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p><a href="${escapeHtml(`${publicUrl}/marketplace`)}">${escapeHtml(text.cta)}</a></main></body></html>`;
}

/** Canonical form of each destination (as `URL` writes it), computed once per destination. */
const canonicalTargets = new Map<string, { href: string; plain: boolean }>();

function canonicalTarget(target: string): { href: string; plain: boolean } {
  let known = canonicalTargets.get(target);
  if (!known) {
    const url = new URL(target);
    // Without a query or fragment of its own (not even an empty `?` or `#`), appending
    // `?souk_cid=` is all `URL` would do.
    known = { href: url.href, plain: !url.href.includes('?') && !url.href.includes('#') };
    if (canonicalTargets.size >= 10_000) canonicalTargets.clear();
    canonicalTargets.set(target, known);
  }
  return known;
}

/**
 * The destination with the visitor's own query string (UTM tags...) passed through and the
 * click id appended. The host always comes from the link's target, never from the request.
 */
export function destinationWith(target: string, rawQuery: string, clickId: string | null): string {
  const canonical = canonicalTarget(target);
  // Most clicks carry no query string: no URL object to build (a click id is a UUID, URL-safe).
  if (!rawQuery && canonical.plain) return clickId ? `${canonical.href}?${clickCookie}=${clickId}` : canonical.href;
  const url = new URL(target);
  if (rawQuery) {
    for (const [name, value] of new URLSearchParams(rawQuery)) {
      if (name !== clickCookie) url.searchParams.append(name, value);
    }
  }
  if (clickId) url.searchParams.set(clickCookie, clickId);
  return url.toString();
}

/**
 * Headers of the 404 page, a static document: nothing may run, load or frame it. The hot path
 * skips the platform's security headers, so the page carries its own, stricter ones.
 */
function missingPageHeaders(strictTransport: string | null): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    ...(strictTransport ? { 'strict-transport-security': strictTransport } : {}),
  };
}

/**
 * `GET /r/:code`, the hottest path of the product: a cached lookup, bot and preview filtering,
 * then the 302. The click is only appended to the buffer here; the database sees it in the next
 * batch, off the response path. It is a hot-path route (see `platform/http/hot-path.ts`): no
 * session lookup, locale negotiation, document security headers or compression; it sets the
 * headers a redirect needs itself.
 */
export function redirectRoutes(deps: RedirectDeps): FastifyPluginAsync {
  const secure = deps.publicUrl.startsWith('https:');
  // Over HTTPS the short link is often a visitor's first contact with the site: pin HTTPS from it.
  const strictTransport = secure ? 'max-age=31536000; includeSubDomains' : null;
  const notFoundHeaders = missingPageHeaders(strictTransport);
  const cookieTail = `; Path=/; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
  return async (app) => {
    app.get<{ Params: { code: string } }>(
      '/r/:code',
      {
        // Rate limiting does not apply: one shared address (a campus, a carrier's NAT) clicks a
        // lot; velocity is a fraud signal on the click, not a reason to refuse the visitor the deal.
        config: { access: 'public', hotPath: true, rateLimit: false },
        compress: false,
        schema: { hide: true },
      },
      async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) => {
        const code = request.params.code.toLowerCase();
        const target = codeShape.test(code) ? await deps.resolve(code) : null;
        if (!target) {
          request.locale = requestLocale(request);
          return reply.code(404).headers(notFoundHeaders).send(missingPage(request.locale, deps.publicUrl));
        }
        const queryAt = request.url.indexOf('?');
        const rawQuery = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
        const userAgent = request.headers['user-agent'] ?? '';
        const now = new Date();
        // The destination sees where the visitor came from (the origin only), never the short link's path.
        reply.header('cache-control', 'private, no-store').header('referrer-policy', 'strict-origin-when-cross-origin');
        if (strictTransport) reply.header('strict-transport-security', strictTransport);
        if (isPreviewFetch(request.method, userAgent)) {
          // The unfurler still reaches the page (for its card), but nothing is attributed.
          const wait = deps.buffer.addPreview({ linkId: target.linkId, at: now });
          if (wait) await wait;
          return reply.redirect(destinationWith(target.destination, rawQuery, null), 302);
        }
        const clickId = randomUUID();
        const ip = request.ip || null;
        const visitor = visitorKey(ip ?? '', userAgent);
        const facts = userAgentFacts(userAgent);
        const wait = deps.buffer.addClick({
          id: clickId,
          linkId: target.linkId,
          organizationId: target.organizationId,
          visitorKey: visitor,
          ip,
          isUnique: deps.unique.firstSeen(target.linkId, visitor, now.getTime()),
          device: facts.device,
          browser: facts.browser,
          os: facts.os,
          country: ip && deps.countries ? deps.countries.country(ip) : null,
          referrerHost: referrerHost(request.headers.referer),
          createdAt: now,
        });
        // Backpressure: only when the database has fallen far behind does a visitor wait.
        if (wait) await wait;
        reply.header(
          'set-cookie',
          `${clickCookie}=${clickId}; Max-Age=${target.attributionWindowDays * 86_400}${cookieTail}`,
        );
        return reply.redirect(destinationWith(target.destination, rawQuery, clickId), 302);
      },
    );
  };
}
