import type { Locale } from '@souk/contracts/locales';
import { and, count, eq, gte, inArray, notInArray, sql, sum } from 'drizzle-orm';
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

  /**
   * Clicks of the last 90 days per hour of the week in the time zone. Bucketed here with Intl
   * rather than in SQL: the embedded database's time zone rules can be older than the runtime's.
   */
  async clicksByHourOfWeek(linkIds: string[], timeZone: string) {
    if (linkIds.length === 0) return [];
    const rows = await this.deps.db
      .select({ hour: affiliationClickRollups.hour, clicks: sum(affiliationClickRollups.clicks) })
      .from(affiliationClickRollups)
      .where(
        and(
          inArray(affiliationClickRollups.linkId, linkIds),
          gte(affiliationClickRollups.hour, new Date(Date.now() - 90 * 24 * 3600_000)),
        ),
      )
      .groupBy(affiliationClickRollups.hour);
    const format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const buckets = new Map<string, { weekday: number; hour: number; clicks: number }>();
    for (const row of rows) {
      const parts = format.formatToParts(row.hour);
      const weekday = days.indexOf(parts.find((part) => part.type === 'weekday')?.value ?? 'Sun');
      const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
      const bucket = buckets.get(`${weekday}:${hour}`) ?? { weekday, hour, clicks: 0 };
      bucket.clicks += Number(row.clicks ?? 0);
      buckets.set(`${weekday}:${hour}`, bucket);
    }
    return [...buckets.values()];
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
