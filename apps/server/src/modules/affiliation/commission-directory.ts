import type { CommissionStatus } from '@souk/contracts/affiliation';
import { and, eq, gte, inArray, isNull, lt, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { affiliationCommissions, affiliationConversions } from './schema.ts';

/** Statuses of a commission that is owed (not reversed, not rejected as fraud). */
const owed: CommissionStatus[] = ['pending', 'approved', 'paid'];

export interface ReportedCommission {
  id: string;
  conversionId: string;
  orderRef: string;
  saleMinor: number;
  amountMinor: number;
  currency: string;
}

export interface InfluencerCommission {
  id: string;
  influencerId: string;
  amountMinor: number;
  currency: string;
  status: CommissionStatus;
  createdAt: Date;
}

/**
 * Commissions as settlements, commission invoices and referrals read them (published by
 * affiliation): owed commissions on checkout orders, approved ones on reported sales, and an
 * influencer's approved commissions with their current status.
 */
export class AffiliationCommissionDirectory {
  /** Owed commission per checkout order reference of a merchant (orders without one are absent). */
  async onCheckoutOrders(
    executor: Executor,
    organizationId: string,
    orderRefs: readonly string[],
  ): Promise<Map<string, number>> {
    if (orderRefs.length === 0) return new Map();
    const rows = await executor
      .select({ orderRef: affiliationConversions.orderRef, amountMinor: affiliationCommissions.amountMinor })
      .from(affiliationCommissions)
      .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
      .where(
        and(
          eq(affiliationConversions.organizationId, organizationId),
          eq(affiliationConversions.source, 'checkout'),
          inArray(affiliationConversions.orderRef, [...orderRefs]),
          inArray(affiliationCommissions.status, owed),
        ),
      );
    return new Map(rows.map((row) => [row.orderRef, row.amountMinor]));
  }

  /** Approved (or paid) commissions on sales reported by API or pixel, approved before `cutoff`. */
  async approvedOnReportedSales(
    executor: Executor,
    options: { cutoff: Date; since: Date; excludeIds?: readonly string[] },
  ): Promise<(ReportedCommission & { organizationId: string })[]> {
    return executor
      .select({
        id: affiliationCommissions.id,
        organizationId: affiliationCommissions.organizationId,
        conversionId: affiliationConversions.id,
        orderRef: affiliationConversions.orderRef,
        saleMinor: sql<number>`${affiliationConversions.amountMinor} - ${affiliationConversions.refundedMinor}`,
        amountMinor: affiliationCommissions.amountMinor,
        currency: affiliationCommissions.currency,
      })
      .from(affiliationCommissions)
      .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
      .where(
        and(
          ne(affiliationConversions.source, 'checkout'),
          inArray(affiliationCommissions.status, ['approved', 'paid']),
          lt(affiliationCommissions.approvedAt, options.cutoff),
          gte(affiliationCommissions.approvedAt, options.since),
          options.excludeIds && options.excludeIds.length > 0
            ? notInArray(affiliationCommissions.id, [...options.excludeIds])
            : undefined,
        ),
      )
      .orderBy(affiliationCommissions.organizationId, affiliationCommissions.approvedAt);
  }

  /** Approved (or paid) commissions of these influencers on sales made before their window ends. */
  async approvedOf(
    executor: Executor,
    windows: readonly { influencerId: string; from: Date; until: Date }[],
  ): Promise<InfluencerCommission[]> {
    const results: InfluencerCommission[] = [];
    for (const window of windows) {
      results.push(
        ...(await executor
          .select({
            id: affiliationCommissions.id,
            influencerId: affiliationCommissions.influencerId,
            amountMinor: affiliationCommissions.amountMinor,
            currency: affiliationCommissions.currency,
            status: affiliationCommissions.status,
            createdAt: affiliationCommissions.createdAt,
          })
          .from(affiliationCommissions)
          .where(
            and(
              eq(affiliationCommissions.influencerId, window.influencerId),
              inArray(affiliationCommissions.status, ['approved', 'paid']),
              gte(affiliationCommissions.createdAt, window.from),
              lt(affiliationCommissions.createdAt, window.until),
              isNull(affiliationCommissions.reversedAt),
            ),
          )),
      );
    }
    return results;
  }

  /** Current status of these commissions. */
  async statusOf(executor: Executor, ids: readonly string[]): Promise<Map<string, CommissionStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await executor
      .select({ id: affiliationCommissions.id, status: affiliationCommissions.status })
      .from(affiliationCommissions)
      .where(inArray(affiliationCommissions.id, [...ids]));
    return new Map(rows.map((row) => [row.id, row.status]));
  }
}
