import type { FastifyRequest } from 'fastify';
import { isbot } from 'isbot';

/** A rendered public page, as it was answered to a visitor without cookies. */
export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  expiresAt: number;
}

/**
 * Public pages a visitor without an account sees (home, marketplace, deal pages, pricing, legal
 * pages), with any query string (filters, cursor, language). Not their sub-pages (buying,
 * promoting), which need a session.
 */
const publicPage = /^\/(?:marketplace|pricing|legal\/[^/?]+|p\/[^/?]+)?(?:\?.*)?$/;

/**
 * Rendered HTML of public pages for visitors without cookies, kept a few seconds. Rendering a
 * deal page with React costs tens of milliseconds of CPU; under a burst of visitors (a deal shared
 * by an influencer with a large audience) every one of them asks for the same few pages, which
 * are the same for all of them within seconds. A visitor with any cookie (a session, a language
 * choice, a click id) always gets a fresh render, and so, for now, does a visitor arriving by a
 * tracked link (its URL carries a click id of its own). Only complete 200 answers that set no cookie
 * are kept. Any successful write through the API on this node empties the cache at once, so a
 * merchant who publishes sees their change; changes made elsewhere (another node, a scheduled
 * job) show within `ttlMs`.
 */
export class AnonymousPageCache {
  private readonly pages = new Map<string, CachedPage>();
  /** Bumped by every `clear`: a render begun before a write must not be kept after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxPages = 500,
    private readonly maxBytes = 256 * 1024,
  ) {}

  /** Where a render begins: `store` keeps its page only if nothing was written since. */
  begin(): number {
    return this.generation;
  }

  /** The cache key of a request whose answer may be shared, or null. */
  keyOf(request: FastifyRequest): string | null {
    if (request.method !== 'GET' || request.headers.cookie || request.headers.authorization) return null;
    if (!publicPage.test(request.url)) return null;
    // The page's language and its compression follow these headers; crawlers get the whole
    // document at once where browsers get it streamed (entry.server.tsx).
    const encoding = request.headers['accept-encoding'] ?? '';
    const language = request.headers['accept-language'] ?? '';
    const reader = isbot(request.headers['user-agent'] ?? '') ? 'crawler' : 'browser';
    return `${request.url}\n${encoding}\n${language}\n${reader}`;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt > now) return page;
    this.pages.delete(key);
    return undefined;
  }

  /** Whether an answer may be kept and shared (its body is read only then). */
  mayKeep(response: Response): boolean {
    return (
      response.status === 200 &&
      !response.headers.has('set-cookie') &&
      !/no-store|private/.test(response.headers.get('cache-control') ?? '')
    );
  }

  /**
   * Reads an answer that `mayKeep` accepted and keeps it, unless it is too large or something was
   * written since its render began (`begun`, from `begin`): that render may have read the old data.
   */
  async store(key: string, response: Response, begun: number, now = Date.now()): Promise<CachedPage> {
    const headers: [string, string][] = [...response.headers];
    const body = Buffer.from(await response.arrayBuffer());
    const page: CachedPage = { status: response.status, headers, body, expiresAt: now + this.ttlMs };
    if (body.length <= this.maxBytes && begun === this.generation) {
      if (this.pages.size >= this.maxPages) this.pages.clear();
      this.pages.set(key, page);
    }
    return page;
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}
