import type { LedgerAccountCode } from '@souk/contracts/ledger';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { CommissionLedger, CommissionMovement, OpenCommission } from '../affiliation/module.ts';
import type { Ledger } from './ports.ts';
import { payoutItems, payoutLines, payoutRuns } from './schema.ts';

/**
 * Who bears a commission: on a checkout sale Souk holds the money and nets the commission from
 * the merchant's settlement; on a sale the merchant reported (API, pixel) the merchant owes it.
 */
function merchantSide(movement: CommissionMovement): LedgerAccountCode {
  return movement.source === 'checkout' ? 'merchant_payable' : 'merchant_receivable';
}

const influencerAccount = {
  pending: 'influencer_pending',
  approved: 'influencer_payable',
  // A paid commission taken back is a clawback: it is netted from the next payout.
  paid: 'influencer_payable',
} as const satisfies Record<string, LedgerAccountCode>;

/**
 * Affiliation's commission lifecycle posted to the ledger (its `CommissionLedger` port), in
 * affiliation's transaction. A reduction of a commission waiting in a payout run's preview also
 * shrinks that line, so the run never pays what was taken back.
 */
export class CommissionPostings implements CommissionLedger {
  constructor(private readonly ledger: Ledger) {}

  async accrued(executor: Executor, movement: CommissionMovement, amountMinor: number): Promise<void> {
    if (amountMinor <= 0) return;
    await this.ledger.post(executor, {
      kind: 'commission.accrued',
      reference: movement.id,
      entries: [
        { account: merchantSide(movement), ownerId: movement.organizationId, amountMinor, currency: movement.currency },
        {
          account: 'influencer_pending',
          ownerId: movement.influencerId,
          amountMinor: -amountMinor,
          currency: movement.currency,
        },
      ],
    });
  }

  async approved(executor: Executor, movement: CommissionMovement, amountMinor: number): Promise<void> {
    if (amountMinor <= 0) return;
    await this.ledger.post(executor, {
      kind: 'commission.approved',
      reference: movement.id,
      entries: [
        { account: 'influencer_pending', ownerId: movement.influencerId, amountMinor, currency: movement.currency },
        {
          account: 'influencer_payable',
          ownerId: movement.influencerId,
          amountMinor: -amountMinor,
          currency: movement.currency,
        },
      ],
    });
  }

  async reduced(
    executor: Executor,
    movement: CommissionMovement,
    change: { amountMinor: number; from: 'pending' | 'approved' | 'paid'; reference: string },
  ): Promise<void> {
    if (change.amountMinor <= 0) return;
    const { created } = await this.ledger.post(executor, {
      kind: 'commission.reversed',
      reference: change.reference,
      entries: [
        {
          account: influencerAccount[change.from],
          ownerId: movement.influencerId,
          amountMinor: change.amountMinor,
          currency: movement.currency,
        },
        {
          account: merchantSide(movement),
          ownerId: movement.organizationId,
          amountMinor: -change.amountMinor,
          currency: movement.currency,
        },
      ],
    });
    if (created && change.from === 'approved') await this.shrinkPreview(executor, movement.id, change.amountMinor);
  }

  /**
   * Opening balances for commissions recorded before they were posted (demo data, or data from
   * before the ledger): each still-owed commission is accrued, and approved when it is. Postings
   * are idempotent on the commission id, so commissions already posted are left as they are and a
   * second pass writes nothing. Paid ones are skipped: they are settled.
   */
  async openingBalances(executor: Executor, open: OpenCommission[]): Promise<void> {
    for (const commission of open) {
      await this.accrued(executor, commission.movement, commission.amountMinor);
      if (commission.status === 'approved') await this.approved(executor, commission.movement, commission.amountMinor);
    }
  }

  /**
   * A commission in a run still in preview: its item and line shrink with it (never below zero).
   * Once a run is approved its amounts are the bank's; a later reduction stays in the ledger as a
   * clawback, netted from the next payout.
   */
  private async shrinkPreview(executor: Executor, commissionId: string, amountMinor: number): Promise<void> {
    const [item] = await executor
      .select({ id: payoutItems.id, lineId: payoutItems.lineId, amountMinor: payoutItems.amountMinor })
      .from(payoutItems)
      .innerJoin(payoutLines, eq(payoutLines.id, payoutItems.lineId))
      .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
      .where(
        and(
          eq(payoutItems.commissionId, commissionId),
          isNull(payoutItems.releasedAt),
          eq(payoutRuns.status, 'preview'),
        ),
      )
      // The run row too: an approval in flight finishes first, and then this no longer matches.
      .for('update', { of: [payoutItems, payoutRuns] });
    if (!item) return;
    const cut = Math.min(item.amountMinor, amountMinor);
    await executor
      .update(payoutItems)
      .set({ amountMinor: item.amountMinor - cut })
      .where(eq(payoutItems.id, item.id));
    await executor
      .update(payoutLines)
      .set({ amountMinor: sql`greatest(${payoutLines.amountMinor} - ${cut}, 0)`, updatedAt: new Date() })
      .where(eq(payoutLines.id, item.lineId));
  }
}
