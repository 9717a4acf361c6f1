import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { CommissionMovement, ProductDirectory } from './ports.ts';
import { affiliationCommissions, affiliationConversions } from './schema.ts';

export interface PayableCommission {
  id: string;
  influencerId: string;
  amountMinor: number;
  currency: string;
  approvedAt: Date | null;
}

export interface OpenCommission {
  movement: CommissionMovement;
  status: 'pending' | 'approved';
  amountMinor: number;
}

export interface CommissionDetail {
  productTitle: string;
  orderRef: string;
  approvedAt: Date | null;
}

/**
 * The port payouts reads and settles commissions through: it never touches these tables itself.
 * Reads that decide a batch lock the rows, so a refund of the same commission waits for the batch
 * (and then sees it) instead of racing it.
 */
export class PayoutCommissionFacts {
  constructor(private readonly deps: { db: Database; products: ProductDirectory }) {}

  /** Approved (not yet paid) commissions of one currency approved before `before`, locked. */
  async approvedUnpaid(executor: Executor, currency: string, before: Date): Promise<PayableCommission[]> {
    const rows = await executor
      .select({
        id: affiliationCommissions.id,
        influencerId: affiliationCommissions.influencerId,
        amountMinor: affiliationCommissions.amountMinor,
        currency: affiliationCommissions.currency,
        approvedAt: affiliationCommissions.approvedAt,
      })
      .from(affiliationCommissions)
      .where(
        and(
          eq(affiliationCommissions.status, 'approved'),
          eq(affiliationCommissions.currency, currency),
          lt(affiliationCommissions.approvedAt, before),
        ),
      )
      .orderBy(affiliationCommissions.influencerId, affiliationCommissions.approvedAt)
      .for('update');
    return rows;
  }

  /** Approved commissions become paid; the status guard makes a repeat change nothing. */
  async markPaid(executor: Executor, commissionIds: readonly string[], at: Date): Promise<number> {
    if (commissionIds.length === 0) return 0;
    const changed = await executor
      .update(affiliationCommissions)
      .set({ status: 'paid', updatedAt: at })
      .where(and(inArray(affiliationCommissions.id, [...commissionIds]), eq(affiliationCommissions.status, 'approved')))
      .returning({ id: affiliationCommissions.id });
    return changed.length;
  }

  /** What a statement shows of each commission: the deal and the order. */
  async details(
    commissionIds: readonly string[],
    executor: Executor = this.deps.db,
  ): Promise<Map<string, CommissionDetail>> {
    if (commissionIds.length === 0) return new Map();
    const rows = await executor
      .select({
        id: affiliationCommissions.id,
        productId: affiliationCommissions.productId,
        approvedAt: affiliationCommissions.approvedAt,
        orderRef: affiliationConversions.orderRef,
      })
      .from(affiliationCommissions)
      .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
      .where(inArray(affiliationCommissions.id, [...commissionIds]));
    const products = await this.deps.products.findMany([...new Set(rows.map((row) => row.productId))]);
    return new Map(
      rows.map((row) => [
        row.id,
        { productTitle: products.get(row.productId)?.title ?? '—', orderRef: row.orderRef, approvedAt: row.approvedAt },
      ]),
    );
  }

  /** Commissions still owed (pending or approved), with their sale's source: for opening balances. */
  async open(executor: Executor = this.deps.db): Promise<OpenCommission[]> {
    const rows = await executor
      .select({ commission: affiliationCommissions, source: affiliationConversions.source })
      .from(affiliationCommissions)
      .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
      .where(
        and(inArray(affiliationCommissions.status, ['pending', 'approved']), gt(affiliationCommissions.amountMinor, 0)),
      )
      .orderBy(affiliationCommissions.createdAt);
    return rows.map(({ commission, source }) => ({
      movement: {
        id: commission.id,
        influencerId: commission.influencerId,
        organizationId: commission.organizationId,
        currency: commission.currency,
        source,
      },
      status: commission.status as 'pending' | 'approved',
      amountMinor: commission.amountMinor,
    }));
  }
}
