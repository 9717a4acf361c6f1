import { randomBytes } from 'node:crypto';
import { aliasPattern, type LinkCreateInput, type LinkView, reservedAliases } from '@souk/contracts/affiliation';
import type { Locale } from '@souk/contracts/locales';
import { and, desc, eq, inArray, isNull, sum } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { LinkCache, LinkTarget } from './link-cache.ts';
import type { ProductDirectory } from './ports.ts';
import { invalid } from './problems.ts';
import type { RequestService } from './request-service.ts';
import { affiliationClickRollups, affiliationLinks, affiliationRequests } from './schema.ts';
import type { SettingsService } from './settings-service.ts';
import type { Side } from './viewer-side.ts';

export type LinkRow = typeof affiliationLinks.$inferSelect;

const reserved = new Set<string>(reservedAliases);
/** Random codes: lowercase letters and digits without look-alikes (0/o, 1/l), 8 characters. */
const codeAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomCode(length = 8): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += codeAlphabet[byte % codeAlphabet.length];
  return code;
}

/** What a code may look like at all: anything else is a 404 without a lookup. */
export const codeShape = /^[a-z0-9-]{3,40}$/;

export interface LinkServiceDeps {
  db: Database;
  publicUrl: string;
  products: ProductDirectory;
  requests: RequestService;
  settings: SettingsService;
  cache: LinkCache;
}

/** Influencers' tracked links: created once they are approved, one per product and channel (or alias). */
export class LinkService {
  constructor(private readonly deps: LinkServiceDeps) {}

  async create(
    influencerId: string,
    input: LinkCreateInput,
    locale: Locale,
    creatorIp: string | null,
  ): Promise<LinkView> {
    const affiliation = await this.deps.requests.approvedFor(influencerId, input.productId);
    if (!affiliation)
      throw new AppError('forbidden', invalid(locale, 'body.productId', 'affiliation_required').message);
    const alias = input.alias?.trim();
    if (alias !== undefined) {
      // Reserved first: `r` or `px` are too short too, but "reserved" is the useful answer.
      if (reserved.has(alias.toLowerCase())) throw invalid(locale, 'body.alias', 'alias_reserved');
      if (!aliasPattern.test(alias)) throw invalid(locale, 'body.alias', 'alias_invalid');
    } else {
      // Without an alias, the same product and channel give the same link back.
      const [existing] = await this.deps.db
        .select()
        .from(affiliationLinks)
        .where(
          and(
            eq(affiliationLinks.requestId, affiliation.id),
            input.channel ? eq(affiliationLinks.channel, input.channel) : isNull(affiliationLinks.channel),
            isNull(affiliationLinks.alias),
          ),
        )
        .limit(1);
      if (existing) return (await this.present([existing]))[0] as LinkView;
    }
    for (let attempt = 0; ; attempt++) {
      const code = alias ?? randomCode();
      const [row] = await this.deps.db
        .insert(affiliationLinks)
        .values({
          code,
          requestId: affiliation.id,
          productId: affiliation.productId,
          organizationId: affiliation.organizationId,
          influencerId,
          channel: input.channel ?? null,
          alias: alias ?? null,
          creatorIp,
        })
        .onConflictDoNothing({ target: affiliationLinks.code })
        .returning();
      if (row) {
        // A scanner may have tried this code while it did not exist: forget that.
        this.deps.cache.invalidate([code]);
        return (await this.present([row]))[0] as LinkView;
      }
      if (alias !== undefined) throw new AppError('conflict', invalid(locale, 'body.alias', 'alias_taken').message);
      if (attempt >= 5) throw new Error('no free link code after several attempts');
    }
  }

  async list(side: Side): Promise<LinkView[]> {
    const rows = await this.deps.db
      .select()
      .from(affiliationLinks)
      .where(
        side.kind === 'merchant'
          ? eq(affiliationLinks.organizationId, side.organizationId)
          : eq(affiliationLinks.influencerId, side.influencerId),
      )
      .orderBy(desc(affiliationLinks.createdAt))
      .limit(1000);
    return this.present(rows);
  }

  /** The link, if the caller owns it (influencer) or it points to their team's product (merchant). */
  async loadFor(side: Side, linkId: string): Promise<LinkRow> {
    const [row] = await this.deps.db.select().from(affiliationLinks).where(eq(affiliationLinks.id, linkId));
    const visible =
      row &&
      (side.kind === 'merchant' ? row.organizationId === side.organizationId : row.influencerId === side.influencerId);
    if (!visible) throw new AppError('not_found');
    return row;
  }

  shortUrl(code: string): string {
    return `${this.deps.publicUrl}/r/${code}`;
  }

  async qrPng(link: LinkRow): Promise<Buffer> {
    return QRCode.toBuffer(this.shortUrl(link.code), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
  }

  async qrSvg(link: LinkRow): Promise<string> {
    return QRCode.toString(this.shortUrl(link.code), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  /** The redirect's lookup on a cache miss: active link, product slug, merchant window. */
  async resolve(code: string): Promise<LinkTarget | null> {
    const cached = this.deps.cache.get(code);
    if (cached !== undefined) return cached;
    const target = await this.lookup(code);
    this.deps.cache.set(code, target);
    return target;
  }

  private async lookup(code: string): Promise<LinkTarget | null> {
    const [row] = await this.deps.db
      .select({ link: affiliationLinks, status: affiliationRequests.status })
      .from(affiliationLinks)
      .innerJoin(affiliationRequests, eq(affiliationRequests.id, affiliationLinks.requestId))
      .where(eq(affiliationLinks.code, code));
    if (!row?.link.active || row.status !== 'approved') return null;
    const product = await this.deps.products.find(row.link.productId);
    if (!product) return null;
    const settings = await this.deps.settings.merchant(row.link.organizationId);
    return {
      linkId: row.link.id,
      organizationId: row.link.organizationId,
      destination: this.destinationOf(product.slug),
      attributionWindowDays: settings.attributionWindowDays,
    };
  }

  /** The deal page on Souk (the catalog has no external store address yet). */
  destinationOf(slug: string): string {
    return `${this.deps.publicUrl}/p/${encodeURIComponent(slug)}`;
  }

  private async present(rows: LinkRow[]): Promise<LinkView[]> {
    const products = await this.deps.products.findMany(rows.map((row) => row.productId));
    const ids = rows.map((row) => row.id);
    const counts =
      ids.length === 0
        ? []
        : await this.deps.db
            .select({
              linkId: affiliationClickRollups.linkId,
              clicks: sum(affiliationClickRollups.clicks),
              uniqueClicks: sum(affiliationClickRollups.uniqueClicks),
            })
            .from(affiliationClickRollups)
            .where(inArray(affiliationClickRollups.linkId, ids))
            .groupBy(affiliationClickRollups.linkId);
    const byLink = new Map(counts.map((row) => [row.linkId, row]));
    const ended = await this.deps.requests.byIds(rows.map((row) => row.requestId));
    return rows.map((row) => {
      const product = products.get(row.productId);
      const count = byLink.get(row.id);
      const base = `${this.deps.publicUrl}/api/v1/links/${row.id}`;
      return {
        id: row.id,
        code: row.code,
        shortUrl: this.shortUrl(row.code),
        destinationUrl: this.destinationOf(product?.slug ?? ''),
        qrPngUrl: `${base}/qr.png`,
        qrSvgUrl: `${base}/qr.svg`,
        productId: row.productId,
        productTitle: product?.title ?? '—',
        influencerId: row.influencerId,
        channel: row.channel,
        alias: row.alias,
        active: row.active && ended.get(row.requestId)?.status === 'approved',
        clicks: Number(count?.clicks ?? 0),
        uniqueClicks: Number(count?.uniqueClicks ?? 0),
        createdAt: row.createdAt.toISOString(),
      };
    });
  }
}
