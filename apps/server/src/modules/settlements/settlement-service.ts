import type { Locale } from '@souk/contracts/locales';
import { findPlan } from '@souk/contracts/plans';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { lookbackDays, periodBounds, shareOf } from './period.ts';
import type {
  CommissionFacts,
  InvoicePort,
  LedgerPort,
  PayoutAccounts,
  PeopleDirectory,
  PlanPort,
  SettleableOrders,
  TeamDirectory,
} from './ports.ts';
import { settlementPostings } from './postings.ts';
import { refused } from './problems.ts';
import { settlementLines, settlements } from './schema.ts';

export type SettlementRow = typeof settlements.$inferSelect;
type LineInput = typeof settlementLines.$inferInsert;

export interface SettlementServiceDeps {
  db: Database;
  orders: SettleableOrders;
  commissions: CommissionFacts;
  ledger: LedgerPort;
  /** Finance's invoicing; null until it is wired: the fee's VAT is then computed here, with no document. */
  invoices: InvoicePort | null;
  plans: PlanPort;
  teams: TeamDirectory;
  people: PeopleDirectory;
  accounts: PayoutAccounts;
  holdDays: number;
}

const vatRateBps = 2000;

class NothingToSettle extends Error {}

/**
 * The monthly merchant settlement: paid orders that are settleable at the end of the month, minus
 * refunds, the plan's platform fee (invoiced with VAT) and the affiliate commissions on them. One
 * settlement per merchant, month and currency (unique index); an order or refund is on one line
 * only (unique indexes), so runs can repeat and overlap without counting anything twice.
 */
export class SettlementService {
  constructor(private readonly deps: SettlementServiceDeps) {}

  async run(period: string, locale: Locale, now = new Date()): Promise<{ created: SettlementRow[] }> {
    const { end } = periodBounds(period);
    if (end.getTime() > now.getTime()) throw refused(locale, 'conflict', 'period_not_closed');
    const since = new Date(end.getTime() - lookbackDays * 86_400_000);
    const candidates = await this.deps.orders.settleableOrders(this.deps.db, {
      since,
      cutoff: end,
      holdDays: this.deps.holdDays,
    });
    const groups = new Map<string, typeof candidates>();
    for (const order of candidates) {
      const key = `${order.organizationId}\u0000${order.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), order]);
    }
    // Merchants whose earlier-settled orders were refunded since get a settlement too.
    const refundedOnly = await this.unsettledRefundsOfSettledOrders(end, since);
    for (const refund of refundedOnly) {
      const key = `${refund.organizationId}\u0000${refund.currency}`;
      if (!groups.has(key)) groups.set(key, []);
    }
    const created: SettlementRow[] = [];
    for (const key of groups.keys()) {
      const [organizationId, currency] = key.split('\u0000') as [string, string];
      const row = await this.settleOne(period, organizationId, currency, end, since);
      if (row) created.push(row);
    }
    return { created };
  }

  private async unsettledRefundsOfSettledOrders(cutoff: Date, since: Date) {
    const settled = await this.deps.db
      .select({ orderId: settlementLines.orderId })
      .from(settlementLines)
      .where(and(eq(settlementLines.kind, 'order'), sql`${settlementLines.occurredAt} >= ${since.toISOString()}`));
    const refunds = await this.deps.orders.confirmedRefunds(
      this.deps.db,
      settled.map((row) => row.orderId),
      cutoff,
    );
    if (refunds.length === 0) return [];
    const done = await this.deps.db
      .select({ refundId: settlementLines.refundId })
      .from(settlementLines)
      .where(
        and(
          isNotNull(settlementLines.refundId),
          inArray(
            settlementLines.refundId,
            refunds.map((refund) => refund.id),
          ),
        ),
      );
    const doneIds = new Set(done.map((row) => row.refundId));
    return refunds.filter((refund) => !doneIds.has(refund.id));
  }

  private async settleOne(
    period: string,
    organizationId: string,
    currency: string,
    cutoff: Date,
    since: Date,
  ): Promise<SettlementRow | null> {
    const plan = await this.planOf(organizationId);
    const buyer = await this.buyerOf(organizationId);
    return this.deps.db
      .transaction(async (tx) => {
        // The settlement row first: a concurrent or repeated run for this month stops here.
        const [settlement] = await tx
          .insert(settlements)
          .values({
            organizationId,
            period,
            currency,
            grossMinor: 0,
            refundsMinor: 0,
            feeMinor: 0,
            feeVatMinor: 0,
            commissionsMinor: 0,
            netMinor: 0,
            feeBps: plan.platformFeeBps,
            planId: plan.id,
            orderCount: 0,
          })
          .onConflictDoNothing()
          .returning();
        if (!settlement) return null;

        const orders = (
          await this.deps.orders.settleableOrders(tx, { since, cutoff, holdDays: this.deps.holdDays, organizationId })
        ).filter((order) => order.currency === currency);
        const alreadySettled = await this.settledOrderIds(
          tx,
          orders.map((order) => order.id),
        );
        const fresh = orders.filter((order) => !alreadySettled.has(order.id));
        const commissions = await this.deps.commissions.onCheckoutOrders(
          tx,
          organizationId,
          fresh.map((order) => order.reference),
        );
        const lines: LineInput[] = fresh.map((order) => {
          const fee = shareOf(order.totalMinor, plan.platformFeeBps);
          const commission = commissions.get(order.reference) ?? 0;
          return {
            settlementId: settlement.id,
            kind: 'order',
            orderId: order.id,
            refundId: null,
            reference: order.reference,
            occurredAt: order.paidAt,
            grossMinor: order.totalMinor,
            refundedMinor: 0,
            feeMinor: fee,
            commissionMinor: commission,
            netMinor: order.totalMinor - fee - commission,
          };
        });
        // Refunds of these orders and of orders settled before, each once.
        const settledBefore = await tx
          .select({
            orderId: settlementLines.orderId,
            reference: settlementLines.reference,
            deducted: sql<string>`sum(${settlementLines.commissionMinor})`,
          })
          .from(settlementLines)
          .innerJoin(settlements, eq(settlements.id, settlementLines.settlementId))
          .where(
            and(
              eq(settlements.organizationId, organizationId),
              eq(settlements.currency, currency),
              sql`${settlementLines.occurredAt} >= ${since.toISOString()}`,
            ),
          )
          .groupBy(settlementLines.orderId, settlementLines.reference);
        const refunds = await this.deps.orders.confirmedRefunds(
          tx,
          [...fresh.map((order) => order.id), ...settledBefore.map((row) => row.orderId)],
          cutoff,
        );
        const refundDone = await this.settledRefundIds(
          tx,
          refunds.map((refund) => refund.id),
        );
        for (const refund of refunds) {
          if (refundDone.has(refund.id)) continue;
          // The fee on the refunded part goes back to the merchant.
          const feeBack = -shareOf(refund.amountMinor, plan.platformFeeBps);
          lines.push({
            settlementId: settlement.id,
            kind: 'refund',
            orderId: refund.orderId,
            refundId: refund.id,
            reference: refund.reference,
            occurredAt: refund.confirmedAt,
            grossMinor: 0,
            refundedMinor: refund.amountMinor,
            feeMinor: feeBack,
            commissionMinor: 0,
            netMinor: -refund.amountMinor - feeBack,
          });
        }
        // A commission changed since its order was settled (reversed, rejected, shrunk by a
        // refund): the difference from what was deducted is settled now, in either direction.
        const owedNow = await this.deps.commissions.onCheckoutOrders(
          tx,
          organizationId,
          settledBefore.map((row) => row.reference),
        );
        for (const row of settledBefore) {
          const change = (owedNow.get(row.reference) ?? 0) - Number(row.deducted);
          if (change === 0) continue;
          lines.push({
            settlementId: settlement.id,
            kind: 'adjustment',
            orderId: row.orderId,
            refundId: null,
            reference: row.reference,
            occurredAt: cutoff,
            grossMinor: 0,
            refundedMinor: 0,
            feeMinor: 0,
            commissionMinor: change,
            netMinor: -change,
          });
        }
        // Nothing to settle after all (another run took it): no empty settlement is kept.
        if (lines.length === 0) throw new NothingToSettle();
        await tx.insert(settlementLines).values(lines);

        const sum = (pick: (line: LineInput) => number) => lines.reduce((total, line) => total + pick(line), 0);
        const gross = sum((line) => line.grossMinor);
        const refundsTotal = sum((line) => line.refundedMinor);
        const fee = sum((line) => line.feeMinor);
        const commissionsTotal = sum((line) => line.commissionMinor);
        let feeVat = 0;
        let invoice: { id: string; number: string } | null = null;
        if (fee > 0 && this.deps.invoices) {
          const issued = await this.deps.invoices.issue(tx, {
            type: 'invoice',
            source: { kind: 'settlement', id: settlement.id },
            buyer: { kind: 'organization', id: organizationId, ...buyer },
            lines: [
              {
                description: `Souk platform fee ${period} (${(plan.platformFeeBps / 100).toFixed(2)} %, plan ${plan.id})`,
                quantity: 1,
                unitAmountMinor: fee,
              },
            ],
            currency,
            paymentMethod: 'balance_offset',
            status: 'paid',
          });
          invoice = { id: issued.id, number: issued.number };
          feeVat = issued.totalMinor - fee;
        } else {
          // No document (a fee given back, or invoicing not wired): VAT at the same rate.
          feeVat = shareOf(fee, vatRateBps);
        }
        const [updated] = await tx
          .update(settlements)
          .set({
            grossMinor: gross,
            refundsMinor: refundsTotal,
            feeMinor: fee,
            feeVatMinor: feeVat,
            commissionsMinor: commissionsTotal,
            netMinor: gross - refundsTotal - fee - feeVat - commissionsTotal,
            orderCount: lines.filter((line) => line.kind === 'order').length,
            feeInvoiceId: invoice?.id ?? null,
            feeInvoiceNumber: invoice?.number ?? null,
            updatedAt: new Date(),
          })
          .where(eq(settlements.id, settlement.id))
          .returning();
        const row = updated as SettlementRow;
        if (fee !== 0) await settlementPostings.fee(this.deps.ledger, tx, row);
        return row;
      })
      .catch((error: unknown) => {
        if (error instanceof NothingToSettle) return null;
        throw error;
      });
  }

  private async settledOrderIds(executor: Executor, orderIds: string[]): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const rows = await executor
      .select({ orderId: settlementLines.orderId })
      .from(settlementLines)
      .where(and(eq(settlementLines.kind, 'order'), inArray(settlementLines.orderId, orderIds)));
    return new Set(rows.map((row) => row.orderId));
  }

  private async settledRefundIds(executor: Executor, refundIds: string[]): Promise<Set<string | null>> {
    if (refundIds.length === 0) return new Set();
    const rows = await executor
      .select({ refundId: settlementLines.refundId })
      .from(settlementLines)
      .where(inArray(settlementLines.refundId, refundIds));
    return new Set(rows.map((row) => row.refundId));
  }

  private async planOf(organizationId: string) {
    try {
      return await this.deps.plans.planOf(organizationId);
    } catch {
      return findPlan('free');
    }
  }

  /** Who the fee invoice is addressed to: the team, mailed to its owner. */
  private async buyerOf(organizationId: string) {
    const name = (await this.deps.teams.namesOf([organizationId])).get(organizationId) ?? organizationId;
    const [managerId] = await this.deps.teams.managerIdsOf(organizationId);
    const contact = managerId ? await this.deps.people.getContact(managerId) : null;
    return { name, email: contact?.email ?? '', locale: contact?.locale ?? 'fr' };
  }

  /** Admin: the transfer went through. Needs the merchant's approved RIB; once only. */
  async markPaid(id: string, input: { bankReference?: string | undefined; actorId: string }, locale: Locale) {
    const account = await this.accountOf(id);
    if (!account) throw refused(locale, 'conflict', 'no_payout_account');
    return this.deps.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(settlements)
        .set({
          status: 'paid',
          paidAt: now,
          bankReference: input.bankReference ?? null,
          decidedBy: input.actorId,
          updatedAt: now,
        })
        .where(and(eq(settlements.id, id), inArray(settlements.status, ['pending', 'failed'])))
        .returning();
      if (!row) {
        const [existing] = await tx.select().from(settlements).where(eq(settlements.id, id));
        if (!existing) throw new AppError('not_found');
        throw refused(locale, 'conflict', 'settlement_already_paid');
      }
      await settlementPostings.paid(this.deps.ledger, tx, row, now);
      return row;
    });
  }

  /** Admin: the bank sent the transfer back; nothing moved in the ledger, it can be paid later. */
  async markFailed(id: string, input: { reason: string; actorId: string }, locale: Locale) {
    const now = new Date();
    const [row] = await this.deps.db
      .update(settlements)
      .set({ status: 'failed', failureReason: input.reason, failedAt: now, decidedBy: input.actorId, updatedAt: now })
      .where(and(eq(settlements.id, id), eq(settlements.status, 'pending')))
      .returning();
    if (row) return row;
    const [existing] = await this.deps.db.select().from(settlements).where(eq(settlements.id, id));
    if (!existing) throw new AppError('not_found');
    throw refused(
      locale,
      'conflict',
      existing.status === 'paid' ? 'settlement_already_paid' : 'settlement_not_pending',
    );
  }

  private async accountOf(id: string) {
    const [row] = await this.deps.db.select().from(settlements).where(eq(settlements.id, id));
    if (!row) throw new AppError('not_found');
    return this.deps.accounts.payoutAccount({ type: 'organization', id: row.organizationId });
  }
}
