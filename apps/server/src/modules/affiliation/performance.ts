import { and, count, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { affiliationClickRollups, affiliationCommissions, affiliationLinks, affiliationRequests } from './schema.ts';

export interface InfluencerPerformance {
  approvedAffiliations: number;
  clicks: number;
  conversions: number;
  conversionRate: number;
  commissionsEarnedMinor: number;
}

/** An influencer's record across every merchant: what a merchant weighs before approving. */
export class PerformanceReader {
  constructor(private readonly db: Database) {}

  async of(influencerIds: readonly string[]): Promise<Map<string, InfluencerPerformance>> {
    const result = new Map<string, InfluencerPerformance>();
    if (influencerIds.length === 0) return result;
    const ids = [...new Set(influencerIds)];
    for (const id of ids) {
      result.set(id, {
        approvedAffiliations: 0,
        clicks: 0,
        conversions: 0,
        conversionRate: 0,
        commissionsEarnedMinor: 0,
      });
    }
    const affiliations = await this.db
      .select({ id: affiliationRequests.influencerId, n: count() })
      .from(affiliationRequests)
      .where(
        and(inArray(affiliationRequests.influencerId, ids), inArray(affiliationRequests.status, ['approved', 'ended'])),
      )
      .groupBy(affiliationRequests.influencerId);
    const clicks = await this.db
      .select({ id: affiliationLinks.influencerId, n: sum(affiliationClickRollups.clicks) })
      .from(affiliationClickRollups)
      .innerJoin(affiliationLinks, eq(affiliationLinks.id, affiliationClickRollups.linkId))
      .where(inArray(affiliationLinks.influencerId, ids))
      .groupBy(affiliationLinks.influencerId);
    const commissions = await this.db
      .select({
        id: affiliationCommissions.influencerId,
        conversions: count(),
        earned: sql<string>`coalesce(sum(${affiliationCommissions.amountMinor}) filter (where ${affiliationCommissions.status} in ('approved', 'paid') and ${affiliationCommissions.currency} = 'MAD'), 0)`,
      })
      .from(affiliationCommissions)
      .where(inArray(affiliationCommissions.influencerId, ids))
      .groupBy(affiliationCommissions.influencerId);
    for (const row of affiliations) {
      const entry = result.get(row.id);
      if (entry) entry.approvedAffiliations = Number(row.n);
    }
    for (const row of clicks) {
      const entry = result.get(row.id);
      if (entry) entry.clicks = Number(row.n ?? 0);
    }
    for (const row of commissions) {
      const entry = result.get(row.id);
      if (!entry) continue;
      entry.conversions = Number(row.conversions);
      entry.commissionsEarnedMinor = Number(row.earned);
    }
    for (const entry of result.values()) {
      entry.conversionRate = entry.clicks > 0 ? Math.round((entry.conversions / entry.clicks) * 10_000) / 10_000 : 0;
    }
    return result;
  }
}
