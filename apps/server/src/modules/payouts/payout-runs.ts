import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { validateRib } from '@souk/contracts/moroccan-identifiers';
import type {
  PayoutExclusion,
  PayoutExclusionReason,
  PayoutLine,
  PayoutRun,
  PayoutRunSummary,
} from '@souk/contracts/payouts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PayoutMails } from './payout-mails.ts';
import type {
  AuditTrail,
  CommissionFacts,
  Ledger,
  PayoutAccounts,
  PayoutProvider,
  PeopleDirectory,
  TransferBatch,
} from './ports.ts';
import { refused } from './problems.ts';
import { payoutItems, payoutLines, payoutRuns } from './schema.ts';

type RunRow = typeof payoutRuns.$inferSelect;
type LineRow = typeof payoutLines.$inferSelect;

/** Bank transfers are in dirhams: runs pay MAD commissions; other currencies stay in the balance. */
const payoutCurrency: Currency = 'MAD';

export interface PayoutRunServiceDeps {
  db: Database;
  commissions: CommissionFacts;
  accounts: PayoutAccounts;
  people: PeopleDirectory;
  ledger: Ledger;
  audit: AuditTrail;
  provider: PayoutProvider;
  mails: PayoutMails;
  minimumMinor: number;
}

/** What KYC says about one influencer's payout account, read before a run's transaction. */
interface AccountFacts {
  name: string;
  email: string;
  rib: string | null;
  holderName: string | null;
  problem: Exclude<PayoutExclusionReason, 'below_minimum'> | null;
}

interface Actor {
  id: string | null;
  ip?: string | undefined;
}

/** The calendar month before `now`, as YYYY-MM (UTC). */
export function previousPeriod(now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * The monthly payout run: a preview batches each eligible influencer's approved, unpaid
 * commissions into one line (database-unique per commission), approval moves the lines' money to
 * "in payout" and hands the batch to the provider, then each line is marked paid (commissions
 * become paid) or failed (the money returns to the balance). One run per period and currency.
 */
export class PayoutRunService {
  constructor(private readonly deps: PayoutRunServiceDeps) {}

  /** Creates the period's preview, or returns the run that exists (`created` false). */
  async create(
    input: { period?: string | undefined },
    actor: Actor,
    locale: Locale,
    now = new Date(),
  ): Promise<{ run: PayoutRun; created: boolean }> {
    const period = input.period ?? previousPeriod(now);
    if (period > now.toISOString().slice(0, 7)) throw refused(locale, 'validation_failed', 'period_in_future');
    const existing = await this.findByPeriod(period);
    if (existing) return { run: await this.view(existing, locale), created: false };
    // Everything approved until now is batched: the ledger's payable balance, which the line pays,
    // holds exactly those commissions plus referral bonuses and clawbacks.
    const cutoffAt = now;
    // KYC and identity are read before the transaction (on the embedded database a read outside
    // an open transaction would wait for it); the commissions are re-read locked inside it.
    const facts = await this.accountFacts(await this.candidates(this.deps.db, cutoffAt));
    let runId: string;
    try {
      runId = await this.deps.db.transaction(async (tx) => {
        const [run] = await tx
          .insert(payoutRuns)
          .values({
            period,
            currency: payoutCurrency,
            minimumMinor: this.deps.minimumMinor,
            cutoffAt,
            createdBy: actor.id,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!run) return '';
        const excluded = await this.batch(tx, run, facts);
        await tx.update(payoutRuns).set({ excluded }).where(eq(payoutRuns.id, run.id));
        await this.deps.audit.record(
          {
            action: 'payout_run_created',
            actorId: actor.id,
            ipAddress: actor.ip,
            details: { runId: run.id, period, automatic: actor.id === null },
          },
          tx,
        );
        return run.id;
      });
    } catch (error) {
      // Two creators at once: the loser finds the winner's run.
      if (!isUniqueViolation(error)) throw error;
      runId = '';
    }
    const run = runId ? await this.findById(runId) : await this.findByPeriod(period);
    if (!run) throw new Error(`payout run for ${period} vanished`);
    return { run: await this.view(run, locale), created: runId !== '' };
  }

  /** Influencers with approved commissions not yet batched, or a payable balance (referral bonuses). */
  private async candidates(executor: Executor, before: Date): Promise<string[]> {
    const commissions = await this.deps.commissions.approvedUnpaid(executor, payoutCurrency, before);
    const live = await this.liveCommissionIds(
      executor,
      commissions.map((row) => row.id),
    );
    const ids = new Set(commissions.filter((row) => !live.has(row.id)).map((row) => row.influencerId));
    for (const owner of await this.deps.ledger.balancesByOwner('influencer_payable', executor)) {
      if (owner.ownerId && owner.currency === payoutCurrency && owner.balanceMinor < 0) ids.add(owner.ownerId);
    }
    return [...ids];
  }

  /**
   * Lines for every eligible influencer; returns who was left out and why. A line pays the
   * influencer's payable balance in the ledger: the batched commissions, plus referral bonuses,
   * less clawbacks (commissions refunded after they were paid).
   */
  private async batch(tx: Executor, run: RunRow, facts: Map<string, AccountFacts>): Promise<PayoutExclusion[]> {
    const commissions = await this.deps.commissions.approvedUnpaid(tx, run.currency, run.cutoffAt);
    const live = await this.liveCommissionIds(
      tx,
      commissions.map((row) => row.id),
    );
    const byInfluencer = new Map<string, { id: string; amountMinor: number }[]>();
    for (const id of facts.keys()) byInfluencer.set(id, []);
    for (const row of commissions) {
      if (live.has(row.id) || row.amountMinor <= 0) continue;
      // Approved after the facts were read: it waits for the next run.
      const list = byInfluencer.get(row.influencerId);
      list?.push({ id: row.id, amountMinor: row.amountMinor });
    }
    const excluded: PayoutExclusion[] = [];
    let sequence = 0;
    for (const [influencerId, items] of byInfluencer) {
      const account = facts.get(influencerId) as AccountFacts;
      const payable = -(await this.deps.ledger.balancesOf(influencerId, ['influencer_payable'], run.currency, tx))
        .influencer_payable;
      // Another run still in preview holds part of the balance: it is not offered twice.
      const [held] = await tx
        .select({ sum: sql<string | null>`sum(${payoutLines.amountMinor})` })
        .from(payoutLines)
        .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
        .where(and(eq(payoutLines.influencerId, influencerId), eq(payoutRuns.status, 'preview')));
      const amountMinor = Math.max(0, payable - Number(held?.sum ?? 0));
      if (amountMinor === 0 && items.length === 0) continue;
      const reason: PayoutExclusionReason | null =
        account.problem ?? (amountMinor < run.minimumMinor ? 'below_minimum' : null);
      if (reason) {
        excluded.push({
          influencerId,
          name: account.name,
          email: account.email,
          amountMinor,
          currency: run.currency,
          reason,
        });
        continue;
      }
      sequence += 1;
      const [line] = await tx
        .insert(payoutLines)
        .values({
          runId: run.id,
          influencerId,
          beneficiary: account.holderName ?? account.name,
          email: account.email,
          rib: account.rib as string,
          amountMinor,
          currency: run.currency,
          reference: `SOUK-PO-${run.period.replace('-', '')}-${String(sequence).padStart(4, '0')}`,
        })
        .returning({ id: payoutLines.id });
      if (!line) throw new Error('payout line insert returned no row');
      // The partial unique index on commission_id is the last word: a commission already in a
      // live line makes this insert (and the whole run) fail rather than pay it twice.
      if (items.length > 0) {
        await tx
          .insert(payoutItems)
          .values(items.map((item) => ({ lineId: line.id, commissionId: item.id, amountMinor: item.amountMinor })));
      }
    }
    return excluded;
  }

  private async liveCommissionIds(executor: Executor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await executor
      .select({ id: payoutItems.commissionId })
      .from(payoutItems)
      .where(and(inArray(payoutItems.commissionId, ids), isNull(payoutItems.releasedAt)));
    return new Set(rows.map((row) => row.id));
  }

  /** Each influencer's payout account as KYC says now; the RIB key is checked again here. */
  private async accountFacts(influencerIds: string[]): Promise<Map<string, AccountFacts>> {
    const verified = await this.deps.accounts.verifiedUsers(influencerIds);
    const result = new Map<string, AccountFacts>();
    for (const id of influencerIds) {
      const contact = await this.deps.people.getContact(id);
      const account = verified.has(id) ? await this.deps.accounts.payoutAccount({ type: 'user', id }) : null;
      let problem: AccountFacts['problem'] = null;
      if (!verified.has(id)) problem = 'kyc_not_approved';
      else if (!account) problem = 'no_rib';
      else if (!validateRib(account.rib).ok) problem = 'rib_key_invalid';
      result.set(id, {
        name: contact?.name ?? '—',
        email: contact?.email ?? '',
        rib: account?.rib ?? null,
        holderName: account?.holderName ?? null,
        problem,
      });
    }
    return result;
  }

  /**
   * Approval: each line is checked again (KYC may have changed since the preview, refunds may have
   * shrunk it below the minimum); those that no longer qualify leave the run and their commissions
   * go back to the balance. The rest move to "in payout" and go to the provider.
   */
  async approve(runId: string, actor: Actor, locale: Locale, now = new Date()): Promise<PayoutRun> {
    const run = await this.requireRun(runId);
    if (run.status !== 'preview') throw refused(locale, 'conflict', 'run_not_preview');
    const lines = await this.deps.db.select().from(payoutLines).where(eq(payoutLines.runId, run.id));
    const facts = await this.accountFacts(lines.map((line) => line.influencerId));
    await this.deps.db.transaction(async (tx) => {
      const [locked] = await tx
        .update(payoutRuns)
        .set({ status: 'approved', approvedAt: now, approvedBy: actor.id })
        .where(and(eq(payoutRuns.id, run.id), eq(payoutRuns.status, 'preview')))
        .returning();
      if (!locked) throw refused(locale, 'conflict', 'run_not_preview');
      const current = await tx.select().from(payoutLines).where(eq(payoutLines.runId, run.id)).for('update');
      const excluded = [...locked.excluded];
      const kept: LineRow[] = [];
      for (const line of current) {
        const account = facts.get(line.influencerId);
        const reason: PayoutExclusionReason | null =
          account?.problem ?? (line.amountMinor < locked.minimumMinor ? 'below_minimum' : null);
        if (reason || !account) {
          excluded.push({
            influencerId: line.influencerId,
            name: account?.name ?? line.beneficiary,
            email: line.email,
            amountMinor: line.amountMinor,
            currency: line.currency,
            reason: reason ?? 'kyc_not_approved',
          });
          // Nothing left the platform for a preview line: it simply stops existing.
          await tx.delete(payoutItems).where(eq(payoutItems.lineId, line.id));
          await tx.delete(payoutLines).where(eq(payoutLines.id, line.id));
          continue;
        }
        const [updated] = await tx
          .update(payoutLines)
          .set({ rib: account.rib as string, beneficiary: account.holderName ?? account.name, updatedAt: now })
          .where(eq(payoutLines.id, line.id))
          .returning();
        kept.push(updated as LineRow);
        await this.deps.ledger.post(tx, {
          kind: 'payout.batched',
          reference: line.id,
          memo: line.reference,
          occurredAt: now,
          entries: [
            {
              account: 'influencer_payable',
              ownerId: line.influencerId,
              amountMinor: line.amountMinor,
              currency: line.currency,
            },
            {
              account: 'influencer_in_payout',
              ownerId: line.influencerId,
              amountMinor: -line.amountMinor,
              currency: line.currency,
            },
          ],
        });
      }
      const references = await this.deps.provider.submit(this.batchOf(locked, kept), tx);
      for (const [lineId, reference] of references) {
        await tx.update(payoutLines).set({ providerReference: reference }).where(eq(payoutLines.id, lineId));
      }
      await tx
        .update(payoutRuns)
        .set({ excluded, ...(kept.length === 0 ? { status: 'closed', closedAt: now } : {}) })
        .where(eq(payoutRuns.id, run.id));
      await this.deps.audit.record(
        {
          action: 'payout_run_approved',
          actorId: actor.id,
          ipAddress: actor.ip,
          details: {
            runId: run.id,
            period: run.period,
            lines: kept.length,
            totalMinor: kept.reduce((sum, line) => sum + line.amountMinor, 0),
          },
        },
        tx,
      );
    });
    return this.view(await this.requireRun(run.id), locale);
  }

  private batchOf(run: RunRow, lines: LineRow[]): TransferBatch {
    return {
      runId: run.id,
      period: run.period,
      transfers: lines.map((line) => ({
        lineId: line.id,
        beneficiary: line.beneficiary,
        rib: line.rib,
        amountMinor: line.amountMinor,
        currency: line.currency,
        reference: line.reference,
      })),
    };
  }

  /** The bank's transfer file of an approved run: every line still to pay or already settled. */
  async transferFile(runId: string, format: 'csv' | 'xlsx', locale: Locale) {
    const run = await this.requireRun(runId);
    if (run.status === 'preview') throw refused(locale, 'conflict', 'run_not_approved');
    if (!this.deps.provider.transferFile) throw new AppError('not_found');
    const lines = await this.deps.db
      .select()
      .from(payoutLines)
      .where(eq(payoutLines.runId, run.id))
      .orderBy(payoutLines.reference);
    return this.deps.provider.transferFile(this.batchOf(run, lines), format);
  }

  /**
   * The bank confirmed the transfer. The conditional update is what makes a second call (or two
   * admins at once) change nothing: only a pending line of an approved run can become paid.
   */
  async markPaid(runId: string, lineId: string, actor: Actor, locale: Locale, now = new Date()): Promise<PayoutLine> {
    const line = await this.requireLine(runId, lineId, locale);
    const commissionIds = await this.itemCommissionIds(line.id);
    // Rendered before the transaction: the statement reads the catalog.
    const mail = await this.deps.mails.prepareProcessed(line, commissionIds, now);
    await this.deps.db.transaction(async (tx) => {
      const [paid] = await tx
        .update(payoutLines)
        .set({ status: 'paid', paidAt: now, updatedAt: now })
        .where(and(eq(payoutLines.id, line.id), eq(payoutLines.status, 'pending')))
        .returning();
      if (!paid) throw refused(locale, 'conflict', 'line_already_settled');
      await this.deps.ledger.post(tx, {
        kind: 'payout.paid',
        reference: line.id,
        memo: line.reference,
        occurredAt: now,
        entries: [
          {
            account: 'influencer_in_payout',
            ownerId: line.influencerId,
            amountMinor: line.amountMinor,
            currency: line.currency,
          },
          { account: 'bank', amountMinor: -line.amountMinor, currency: line.currency },
        ],
      });
      await this.deps.commissions.markPaid(tx, commissionIds, now);
      await this.closeIfSettled(tx, runId, now);
      await this.deps.audit.record(
        {
          action: 'payout_line_paid',
          actorId: actor.id,
          targetId: line.influencerId,
          ipAddress: actor.ip,
          details: { runId, lineId: line.id, amountMinor: line.amountMinor, reference: line.reference },
        },
        tx,
      );
      await mail.send(tx);
    });
    return this.lineView(await this.reloadLine(line.id));
  }

  /** The bank returned the transfer: the amount goes back to the balance with the bank's reason. */
  async markFailed(
    runId: string,
    lineId: string,
    reason: string,
    actor: Actor,
    locale: Locale,
    now = new Date(),
  ): Promise<PayoutLine> {
    const line = await this.requireLine(runId, lineId, locale);
    await this.deps.db.transaction(async (tx) => {
      const [failed] = await tx
        .update(payoutLines)
        .set({ status: 'failed', failedAt: now, failureReason: reason, updatedAt: now })
        .where(and(eq(payoutLines.id, line.id), eq(payoutLines.status, 'pending')))
        .returning();
      if (!failed) throw refused(locale, 'conflict', 'line_already_settled');
      // Released, not deleted: the statement keeps what the line held; the commissions can be batched again.
      await tx
        .update(payoutItems)
        .set({ releasedAt: now })
        .where(and(eq(payoutItems.lineId, line.id), isNull(payoutItems.releasedAt)));
      await this.deps.ledger.post(tx, {
        kind: 'payout.failed',
        reference: line.id,
        memo: reason,
        occurredAt: now,
        entries: [
          {
            account: 'influencer_in_payout',
            ownerId: line.influencerId,
            amountMinor: line.amountMinor,
            currency: line.currency,
          },
          {
            account: 'influencer_payable',
            ownerId: line.influencerId,
            amountMinor: -line.amountMinor,
            currency: line.currency,
          },
        ],
      });
      await this.closeIfSettled(tx, runId, now);
      await this.deps.audit.record(
        {
          action: 'payout_line_failed',
          actorId: actor.id,
          targetId: line.influencerId,
          ipAddress: actor.ip,
          details: { runId, lineId: line.id, amountMinor: line.amountMinor, reason },
        },
        tx,
      );
    });
    return this.lineView(await this.reloadLine(line.id));
  }

  private async closeIfSettled(tx: Executor, runId: string, now: Date): Promise<void> {
    const [open] = await tx
      .select({ id: payoutLines.id })
      .from(payoutLines)
      .where(and(eq(payoutLines.runId, runId), eq(payoutLines.status, 'pending')))
      .limit(1);
    if (!open) {
      await tx
        .update(payoutRuns)
        .set({ status: 'closed', closedAt: now })
        .where(and(eq(payoutRuns.id, runId), eq(payoutRuns.status, 'approved')));
    }
  }

  /** A line of this run that can be settled: the run must be approved first. */
  private async requireLine(runId: string, lineId: string, locale: Locale): Promise<LineRow> {
    const run = await this.requireRun(runId);
    const [line] = await this.deps.db
      .select()
      .from(payoutLines)
      .where(and(eq(payoutLines.id, lineId), eq(payoutLines.runId, run.id)));
    if (!line) throw new AppError('not_found');
    if (run.status === 'preview') throw refused(locale, 'conflict', 'run_not_approved');
    if (line.status !== 'pending') throw refused(locale, 'conflict', 'line_already_settled');
    return line;
  }

  private async reloadLine(lineId: string): Promise<LineRow> {
    const [line] = await this.deps.db.select().from(payoutLines).where(eq(payoutLines.id, lineId));
    if (!line) throw new AppError('not_found');
    return line;
  }

  private async itemCommissionIds(lineId: string): Promise<string[]> {
    const rows = await this.deps.db
      .select({ id: payoutItems.commissionId })
      .from(payoutItems)
      .where(and(eq(payoutItems.lineId, lineId), isNull(payoutItems.releasedAt)));
    return rows.map((row) => row.id);
  }

  async list(): Promise<PayoutRunSummary[]> {
    const runs = await this.deps.db.select().from(payoutRuns).orderBy(desc(payoutRuns.period)).limit(120);
    const counts = await this.counts(runs.map((run) => run.id));
    return runs.map((run) => this.summary(run, counts.get(run.id)));
  }

  async get(runId: string, locale: Locale): Promise<PayoutRun> {
    return this.view(await this.requireRun(runId), locale);
  }

  private async requireRun(runId: string): Promise<RunRow> {
    const run = await this.findById(runId);
    if (!run) throw new AppError('not_found');
    return run;
  }

  private async findById(runId: string): Promise<RunRow | null> {
    const [run] = await this.deps.db.select().from(payoutRuns).where(eq(payoutRuns.id, runId));
    return run ?? null;
  }

  private async findByPeriod(period: string): Promise<RunRow | null> {
    const [run] = await this.deps.db
      .select()
      .from(payoutRuns)
      .where(and(eq(payoutRuns.period, period), eq(payoutRuns.currency, payoutCurrency)));
    return run ?? null;
  }

  private async counts(runIds: string[]) {
    const result = new Map<string, { total: number; lines: number; paid: number; failed: number }>();
    if (runIds.length === 0) return result;
    const rows = await this.deps.db
      .select({
        runId: payoutLines.runId,
        total: sql<string>`coalesce(sum(${payoutLines.amountMinor}) filter (where ${payoutLines.status} <> 'failed'), 0)`,
        lines: sql<string>`count(*)`,
        paid: sql<string>`count(*) filter (where ${payoutLines.status} = 'paid')`,
        failed: sql<string>`count(*) filter (where ${payoutLines.status} = 'failed')`,
      })
      .from(payoutLines)
      .where(inArray(payoutLines.runId, runIds))
      .groupBy(payoutLines.runId);
    for (const row of rows) {
      result.set(row.runId, {
        total: Number(row.total),
        lines: Number(row.lines),
        paid: Number(row.paid),
        failed: Number(row.failed),
      });
    }
    return result;
  }

  private summary(
    run: RunRow,
    counts?: { total: number; lines: number; paid: number; failed: number },
  ): PayoutRunSummary {
    return {
      id: run.id,
      period: run.period,
      status: run.status,
      currency: run.currency,
      totalMinor: counts?.total ?? 0,
      lineCount: counts?.lines ?? 0,
      paidCount: counts?.paid ?? 0,
      failedCount: counts?.failed ?? 0,
      createdAt: run.createdAt.toISOString(),
      approvedAt: run.approvedAt?.toISOString() ?? null,
      closedAt: run.closedAt?.toISOString() ?? null,
    };
  }

  private async view(run: RunRow, _locale: Locale): Promise<PayoutRun> {
    const lines = await this.deps.db
      .select()
      .from(payoutLines)
      .where(eq(payoutLines.runId, run.id))
      .orderBy(payoutLines.reference);
    const itemCounts = lines.length
      ? await this.deps.db
          .select({ lineId: payoutItems.lineId, count: sql<string>`count(*)` })
          .from(payoutItems)
          .where(
            inArray(
              payoutItems.lineId,
              lines.map((line) => line.id),
            ),
          )
          .groupBy(payoutItems.lineId)
      : [];
    const countOf = new Map(itemCounts.map((row) => [row.lineId, Number(row.count)]));
    const counts = (await this.counts([run.id])).get(run.id);
    return {
      ...this.summary(run, counts),
      minimumMinor: run.minimumMinor,
      lines: lines.map((line) => this.lineView(line, countOf.get(line.id) ?? 0)),
      excluded: run.excluded,
    };
  }

  private lineView(line: LineRow, commissionCount?: number): PayoutLine {
    return {
      id: line.id,
      influencerId: line.influencerId,
      beneficiary: line.beneficiary,
      email: line.email,
      rib: line.rib,
      amountMinor: line.amountMinor,
      currency: line.currency,
      reference: line.reference,
      commissionCount: commissionCount ?? 0,
      status: line.status,
      paidAt: line.paidAt?.toISOString() ?? null,
      failureReason: line.failureReason,
    };
  }
}
