import { randomUUID } from 'node:crypto';
import { missingLinkPage } from '@souk/contracts/affiliation-messages';
import type { Locale } from '@souk/contracts/locales';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FrontDoorHandler } from '../../platform/http/front-door.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import type { ClickBuffer } from './click-buffer.ts';
import type { CountryLookup } from './country-lookup.ts';
import type { LinkTarget } from './link-cache.ts';
import { codeShape } from './link-service.ts';
import { isPreviewFetch, referrerHost, type UniqueClickWindow, userAgentFacts, visitorKey } from './visitor.ts';

export interface RedirectDeps {
  publicUrl: string;
  resolve(code: string): Promise<LinkTarget | null>;
  /** The cached target of a code, without waiting: undefined when unknown, uncached or inactive. */
  cached(code: string): LinkTarget | undefined;
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

/** A person's click as the redirect sees it, whichever way it arrived. */
interface Visit {
  url: string;
  userAgent: string;
  referer: string | undefined;
  ip: string | null;
}

/** The redirect's answer to a person's click: the click queued, the cookie, the destination. */
interface TrackedAnswer {
  location: string;
  cookie: string;
  /** Set only when the buffer is full: answer once it resolves (backpressure). */
  wait: Promise<void> | undefined;
}

function rawQueryOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? '' : url.slice(queryAt + 1);
}

/**
 * `GET /r/:code`, the hottest path of the product: a cached lookup, bot and preview filtering,
 * then the 302. The click is only appended to the buffer here; the database sees it in the next
 * batch, off the response path. It is a hot-path route (see `platform/http/hot-path.ts`): no
 * session lookup, locale negotiation, document security headers or compression; it sets the
 * headers a redirect needs itself. Its common case (a cached link, a person's browser) is also
 * answered at the server's front door (`platform/http/front-door.ts`), before routing, with the
 * same answer; the route handles the rest (cache misses, unknown codes, previews, HEAD).
 */
export function redirectRoutes(deps: RedirectDeps): FastifyPluginAsync {
  const secure = deps.publicUrl.startsWith('https:');
  // Over HTTPS the short link is often a visitor's first contact with the site: pin HTTPS from it.
  const strictTransport = secure ? 'max-age=31536000; includeSubDomains' : null;
  const notFoundHeaders = missingPageHeaders(strictTransport);
  const cookieTail = `; Path=/; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;

  function trackedAnswer(target: LinkTarget, visit: Visit): TrackedAnswer {
    const now = new Date();
    const clickId = randomUUID();
    const visitor = visitorKey(visit.ip ?? '', visit.userAgent);
    const facts = userAgentFacts(visit.userAgent);
    const wait = deps.buffer.addClick({
      id: clickId,
      linkId: target.linkId,
      organizationId: target.organizationId,
      visitorKey: visitor,
      ip: visit.ip,
      isUnique: deps.unique.firstSeen(target.linkId, visitor, now.getTime()),
      device: facts.device,
      browser: facts.browser,
      os: facts.os,
      country: visit.ip && deps.countries ? deps.countries.country(visit.ip) : null,
      referrerHost: referrerHost(visit.referer),
      createdAt: now,
    });
    return {
      location: destinationWith(target.destination, rawQueryOf(visit.url), clickId),
      cookie: `${clickCookie}=${clickId}; Max-Age=${target.attributionWindowDays * 86_400}${cookieTail}`,
      wait,
    };
  }

  // The front door's answer: the headers Fastify's reply gives the route's 302 (it adds
  // content-length 0 to an empty body; node:http adds date, connection and keep-alive).
  const frontDoorHeaders = (answer: TrackedAnswer): string[] => {
    const headers = [
      'cache-control',
      'private, no-store',
      'referrer-policy',
      'strict-origin-when-cross-origin',
      'location',
      answer.location,
      'set-cookie',
      answer.cookie,
      'content-length',
      '0',
    ];
    if (strictTransport) headers.push('strict-transport-security', strictTransport);
    return headers;
  };

  const frontDoorHandler: FrontDoorHandler = (request, response, visitor, door) => {
    const url = request.url ?? '';
    // A cross-origin fetch (it carries Origin) gets the CORS headers the route's hooks add.
    if (request.method !== 'GET' || !url.startsWith('/r/') || request.headers.origin) return false;
    const queryAt = url.indexOf('?');
    const code = (queryAt === -1 ? url.slice(3) : url.slice(3, queryAt)).toLowerCase();
    // Anything the route would answer differently (encoded or odd paths, unknown or uncached
    // codes, previews) goes through it.
    if (!codeShape.test(code)) return false;
    const target = deps.cached(code);
    if (!target) return false;
    const userAgent = request.headers['user-agent'] ?? '';
    if (isPreviewFetch('GET', userAgent)) return false;
    const answer = trackedAnswer(target, {
      url,
      userAgent,
      referer: request.headers.referer,
      ip: visitor.address(request) || null,
    });
    const send = () => {
      const headers = frontDoorHeaders(answer);
      // Held back by backpressure until the server began to drain: close like every answer then.
      if (door.closed) headers.push('connection', 'close');
      response.writeHead(302, headers).end();
    };
    if (answer.wait) answer.wait.then(send, send).catch(() => response.destroy());
    else send();
    return true;
  };

  return async (app) => {
    app.frontDoor?.add('/r/:code', frontDoorHandler);
    app.get<{ Params: { code: string } }>(
      '/r/:code',
      {
        // Rate limiting does not apply: one shared address (a campus, a carrier's NAT) clicks a
        // lot; velocity is a fraud signal on the click, not a reason to refuse the visitor the deal.
        config: { access: 'public', hotPath: true, rateLimit: false },
        // Not one log line per click at info level, whichever way it is answered (the front
        // door logs nothing per request either); failures still log.
        logLevel: 'warn',
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
        const userAgent = request.headers['user-agent'] ?? '';
        // The destination sees where the visitor came from (the origin only), never the short link's path.
        reply.header('cache-control', 'private, no-store').header('referrer-policy', 'strict-origin-when-cross-origin');
        if (strictTransport) reply.header('strict-transport-security', strictTransport);
        if (isPreviewFetch(request.method, userAgent)) {
          // The unfurler still reaches the page (for its card), but nothing is attributed.
          const wait = deps.buffer.addPreview({ linkId: target.linkId, at: new Date() });
          if (wait) await wait;
          return reply.redirect(destinationWith(target.destination, rawQueryOf(request.url), null), 302);
        }
        const answer = trackedAnswer(target, {
          url: request.url,
          userAgent,
          referer: request.headers.referer,
          ip: request.ip || null,
        });
        // Backpressure: only when the database has fallen far behind does a visitor wait.
        if (answer.wait) await answer.wait;
        reply.header('set-cookie', answer.cookie);
        return reply.redirect(answer.location, 302);
      },
    );
  };
}
