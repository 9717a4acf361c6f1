import type { Locale } from '@souk/contracts/locales';
import { and, count, eq, inArray, notInArray, sql, sum } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { LinkService } from './link-service.ts';
import { affiliationClickRollups, affiliationCommissions, affiliationConversions, affiliationLinks } from './schema.ts';

/** Social network -> link channel: each network gets its own link variant, so clicks count apart. */
const channelOf = {
  instagram: 'instagram',
  facebook: 'facebook',
  tiktok: 'tiktok',
  reddit: 'custom',
  sandbox: 'custom',
} as const;

/**
 * The port social publishing reads links and clicks through: it never touches these tables
 * itself. Links are the influencer's own; a missing affiliation simply means "no link".
 */
export class SocialLinkFacts {
  constructor(private readonly deps: { db: Database; links: LinkService }) {}

  async linkOf(influencerId: string, linkId: string) {
    const [row] = await this.deps.db.select().from(affiliationLinks).where(eq(affiliationLinks.id, linkId));
    if (!row || row.influencerId !== influencerId) return null;
    return { id: row.id, productId: row.productId, shortUrl: this.deps.links.shortUrl(row.code) };
  }

  async variantFor(influencerId: string, productId: string, provider: keyof typeof channelOf, locale: Locale) {
    try {
      const link = await this.deps.links.create(
        influencerId,
        { productId, channel: channelOf[provider] },
        locale,
        null,
      );
      return { id: link.id, productId, shortUrl: link.shortUrl };
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') return null;
      throw error;
    }
  }

  async linkIdsOf(influencerId: string): Promise<string[]> {
    const rows = await this.deps.db
      .select({ id: affiliationLinks.id })
      .from(affiliationLinks)
      .where(eq(affiliationLinks.influencerId, influencerId));
    return rows.map((row) => row.id);
  }

  async clicksByHourOfWeek(linkIds: string[], timeZone: string) {
    if (linkIds.length === 0) return [];
    const local = sql`(${affiliationClickRollups.hour} at time zone ${timeZone})`;
    const rows = await this.deps.db
      .select({
        weekday: sql<number>`extract(dow from ${local})::int`,
        hour: sql<number>`extract(hour from ${local})::int`,
        clicks: sum(affiliationClickRollups.clicks),
      })
      .from(affiliationClickRollups)
      .where(inArray(affiliationClickRollups.linkId, linkIds))
      .groupBy(sql`1`, sql`2`);
    return rows.map((row) => ({
      weekday: Number(row.weekday),
      hour: Number(row.hour),
      clicks: Number(row.clicks ?? 0),
    }));
  }

  async totals(linkId: string) {
    const [clicks] = await this.deps.db
      .select({ clicks: sum(affiliationClickRollups.clicks) })
      .from(affiliationClickRollups)
      .where(eq(affiliationClickRollups.linkId, linkId));
    const [conversions] = await this.deps.db
      .select({ conversions: count() })
      .from(affiliationConversions)
      .where(eq(affiliationConversions.linkId, linkId));
    const [commissions] = await this.deps.db
      .select({
        amount: sum(affiliationCommissions.amountMinor),
        currency: sql<string | null>`min(${affiliationCommissions.currency})`,
      })
      .from(affiliationCommissions)
      .where(
        and(
          eq(affiliationCommissions.linkId, linkId),
          notInArray(affiliationCommissions.status, ['reversed', 'rejected']),
        ),
      );
    return {
      clicks: Number(clicks?.clicks ?? 0),
      conversions: Number(conversions?.conversions ?? 0),
      commissionsMinor: Number(commissions?.amount ?? 0),
      currency: commissions?.currency ?? 'MAD',
    };
  }
}
