import type { LinkStats } from '@souk/contracts/affiliation';
import type { Currency } from '@souk/contracts/catalog';
import { and, count, eq, gte, inArray, lt, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';
import {
  affiliationClickRollups,
  affiliationClicks,
  affiliationCommissions,
  affiliationConversions,
  affiliationLinks,
} from './schema.ts';
import type { Side } from './viewer-side.ts';

export interface StatsQuery {
  from?: string | undefined;
  to?: string | undefined;
  granularity: 'hour' | 'day';
}

/** Which links a report covers: one link, or every link on one side. */
export type StatsScope = { linkId: string } | { side: Side };

const maxBuckets = 24 * 93;

function truncate(date: Date, granularity: 'hour' | 'day'): number {
  const step = granularity === 'hour' ? 3_600_000 : 86_400_000;
  return Math.floor(date.getTime() / step) * step;
}

/**
 * Link statistics: click counts and the time series from the hourly rollups (never a scan of raw
 * clicks), conversions and commissions from their tables, breakdowns (country, device...) from raw
 * clicks of the period through the per-link index.
 */
export class StatsService {
  constructor(private readonly db: Database) {}

  async report(scope: StatsScope, query: StatsQuery, currency: Currency): Promise<LinkStats> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
    const step = query.granularity === 'hour' ? 3_600_000 : 86_400_000;
    // Too many hourly buckets for a chart: fall back to days.
    const granularity = (to.getTime() - from.getTime()) / step > maxBuckets ? 'day' : query.granularity;
    const linkIds = await this.linkIds(scope);
    const empty = linkIds.length === 0 ? [sql`false`] : [];
    const rollupWhere = and(
      ...empty,
      linkIds.length > 0 ? inArray(affiliationClickRollups.linkId, linkIds) : undefined,
      gte(affiliationClickRollups.hour, new Date(truncate(from, 'hour'))),
      lt(affiliationClickRollups.hour, to),
    );
    const bucket = (column: SQL | unknown) =>
      sql<string>`to_char(date_trunc(${granularity}, ${column} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    const clickSeries = await this.db
      .select({
        at: bucket(affiliationClickRollups.hour),
        clicks: sum(affiliationClickRollups.clicks),
        uniqueClicks: sum(affiliationClickRollups.uniqueClicks),
        previews: sum(affiliationClickRollups.previews),
      })
      .from(affiliationClickRollups)
      .where(rollupWhere)
      .groupBy(sql`1`);
    const conversionWhere = and(
      ...empty,
      linkIds.length > 0 ? inArray(affiliationConversions.linkId, linkIds) : undefined,
      gte(affiliationConversions.createdAt, from),
      lt(affiliationConversions.createdAt, to),
      eq(affiliationConversions.currency, currency),
    );
    const conversionSeries = await this.db
      .select({
        at: bucket(affiliationConversions.createdAt),
        conversions: count(),
        revenue: sql<string>`sum(${affiliationConversions.amountMinor} - ${affiliationConversions.refundedMinor})`,
        commissions: sql<string>`coalesce(sum(${affiliationCommissions.amountMinor}) filter (where ${affiliationCommissions.status} in ('pending', 'approved', 'paid')), 0)`,
      })
      .from(affiliationConversions)
      .leftJoin(affiliationCommissions, eq(affiliationCommissions.conversionId, affiliationConversions.id))
      .where(conversionWhere)
      .groupBy(sql`1`);
    const byStatus = await this.db
      .select({
        status: affiliationCommissions.status,
        amount: sql<string>`sum(case when ${affiliationCommissions.status} in ('reversed', 'rejected') then ${affiliationCommissions.originalAmountMinor} else ${affiliationCommissions.amountMinor} end)`,
      })
      .from(affiliationConversions)
      .innerJoin(affiliationCommissions, eq(affiliationCommissions.conversionId, affiliationConversions.id))
      .where(conversionWhere)
      .groupBy(affiliationCommissions.status);

    const series = new Map<number, LinkStats['series'][number]>();
    const slot = (at: string) => {
      const key = truncate(new Date(at), granularity);
      let entry = series.get(key);
      if (!entry) {
        entry = {
          at: new Date(key).toISOString(),
          clicks: 0,
          uniqueClicks: 0,
          conversions: 0,
          revenueMinor: 0,
          commissionsMinor: 0,
        };
        series.set(key, entry);
      }
      return entry;
    };
    const totals = {
      clicks: 0,
      uniqueClicks: 0,
      previews: 0,
      conversions: 0,
      conversionRate: 0,
      revenueMinor: 0,
      commissionsMinor: { pending: 0, approved: 0, paid: 0, reversed: 0, rejected: 0 },
    };
    for (const row of clickSeries) {
      const entry = slot(row.at);
      entry.clicks += Number(row.clicks ?? 0);
      entry.uniqueClicks += Number(row.uniqueClicks ?? 0);
      totals.clicks += Number(row.clicks ?? 0);
      totals.uniqueClicks += Number(row.uniqueClicks ?? 0);
      totals.previews += Number(row.previews ?? 0);
    }
    for (const row of conversionSeries) {
      const entry = slot(row.at);
      entry.conversions += Number(row.conversions);
      entry.revenueMinor += Number(row.revenue ?? 0);
      entry.commissionsMinor += Number(row.commissions ?? 0);
      totals.conversions += Number(row.conversions);
      totals.revenueMinor += Number(row.revenue ?? 0);
    }
    for (const row of byStatus) totals.commissionsMinor[row.status] += Number(row.amount ?? 0);
    totals.conversionRate =
      totals.uniqueClicks > 0 ? Math.round((totals.conversions / totals.uniqueClicks) * 10_000) / 10_000 : 0;
    const clickWhere = and(
      ...empty,
      linkIds.length > 0 ? inArray(affiliationClicks.linkId, linkIds) : undefined,
      gte(affiliationClicks.createdAt, from),
      lt(affiliationClicks.createdAt, to),
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      granularity,
      currency,
      totals,
      series: [...series.values()].sort((a, b) => a.at.localeCompare(b.at)),
      byChannel: await this.byChannel(clickWhere),
      byCountry: await this.breakdown(affiliationClicks.country, clickWhere),
      byDevice: await this.breakdown(affiliationClicks.device, clickWhere),
      byBrowser: await this.breakdown(affiliationClicks.browser, clickWhere),
      byOs: await this.breakdown(affiliationClicks.os, clickWhere),
      byReferrer: await this.breakdown(affiliationClicks.referrerHost, clickWhere),
    };
  }

  private async linkIds(scope: StatsScope): Promise<string[]> {
    if ('linkId' in scope) return [scope.linkId];
    const rows = await this.db
      .select({ id: affiliationLinks.id })
      .from(affiliationLinks)
      .where(
        scope.side.kind === 'merchant'
          ? eq(affiliationLinks.organizationId, scope.side.organizationId)
          : eq(affiliationLinks.influencerId, scope.side.influencerId),
      );
    return rows.map((row) => row.id);
  }

  private async breakdown(column: AnyPgColumn, where: SQL | undefined) {
    const rows = await this.db
      .select({ key: sql<string>`coalesce(${column}, 'unknown')`, clicks: count() })
      .from(affiliationClicks)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`)
      .limit(20);
    return rows.map((row) => ({ key: row.key, clicks: Number(row.clicks) }));
  }

  private async byChannel(where: SQL | undefined) {
    const rows = await this.db
      .select({ key: sql<string>`coalesce(${affiliationLinks.channel}, 'default')`, clicks: count() })
      .from(affiliationClicks)
      .innerJoin(affiliationLinks, eq(affiliationLinks.id, affiliationClicks.linkId))
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`);
    return rows.map((row) => ({ key: row.key, clicks: Number(row.clicks) }));
  }
}
