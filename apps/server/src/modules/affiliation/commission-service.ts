import type { CommissionStatus, CommissionView } from '@souk/contracts/affiliation';
import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { CommissionPresenter, CommissionRow } from './commission-views.ts';
import { commissionMovement } from './conversion-service.ts';
import type { AuditTrail, CommissionLedger, PeopleDirectory, TeamDirectory } from './ports.ts';
import { refused } from './problems.ts';
import { affiliationCommissions, affiliationConversions } from './schema.ts';
import type { Side } from './viewer-side.ts';

export interface CommissionQuery {
  status?: CommissionStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  onHold?: 'true' | 'false' | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Totals = { currency: Currency } & Record<CommissionStatus, number>;
interface Owed {
  influencerId: string;
  influencerName: string;
  currency: Currency;
  pendingMinor: number;
  approvedMinor: number;
  paidMinor: number;
}

function encodeCursor(row: CommissionRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('validation_failed');
  return { at: date, id };
}

export function sideCondition(side: Side): SQL {
  return side.kind === 'merchant'
    ? eq(affiliationCommissions.organizationId, side.organizationId)
    : eq(affiliationCommissions.influencerId, side.influencerId);
}

export interface CommissionServiceDeps {
  db: Database;
  teams: TeamDirectory;
  people: PeopleDirectory;
  audit: AuditTrail;
  presenter: CommissionPresenter;
  ledger: CommissionLedger;
}

/**
 * The lifecycle of commissions: pending -> approved (after the merchant's hold period by the
 * daily job, or by the merchant) -> paid (payouts); reversed by refunds; rejected as fraud.
 * Held (flagged) commissions wait for a person.
 */
export class CommissionService {
  constructor(private readonly deps: CommissionServiceDeps) {}

  async list(side: Side, query: CommissionQuery) {
    const conditions: SQL[] = [sideCondition(side)];
    if (query.from) conditions.push(gte(affiliationCommissions.createdAt, new Date(query.from)));
    if (query.to) conditions.push(lte(affiliationCommissions.createdAt, new Date(query.to)));
    const summaryConditions = [...conditions];
    if (query.status) conditions.push(eq(affiliationCommissions.status, query.status));
    if (query.onHold) conditions.push(eq(affiliationCommissions.onHold, query.onHold === 'true'));
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      conditions.push(
        or(
          lt(affiliationCommissions.createdAt, after.at),
          and(eq(affiliationCommissions.createdAt, after.at), lt(affiliationCommissions.id, after.id)),
        ) as SQL,
      );
    }
    const rows = await this.deps.db
      .select({ commission: affiliationCommissions, orderRef: affiliationConversions.orderRef })
      .from(affiliationCommissions)
      .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
      .where(and(...conditions))
      .orderBy(desc(affiliationCommissions.createdAt), desc(affiliationCommissions.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      side: side.kind,
      items: await this.deps.presenter.commissions(page),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.commission) : null,
      totals: await this.totals(summaryConditions),
      perInfluencer: side.kind === 'merchant' ? await this.owed(summaryConditions) : [],
    };
  }

  private async totals(conditions: SQL[]): Promise<Totals[]> {
    const rows = await this.deps.db
      .select({
        currency: affiliationCommissions.currency,
        status: affiliationCommissions.status,
        amount: sql<string>`sum(case when ${affiliationCommissions.status} in ('reversed', 'rejected') then ${affiliationCommissions.originalAmountMinor} else ${affiliationCommissions.amountMinor} end)`,
      })
      .from(affiliationCommissions)
      .where(and(...conditions))
      .groupBy(affiliationCommissions.currency, affiliationCommissions.status);
    const byCurrency = new Map<string, Totals>();
    for (const row of rows) {
      const currency = row.currency as Currency;
      const entry = byCurrency.get(currency) ?? {
        currency,
        pending: 0,
        approved: 0,
        paid: 0,
        reversed: 0,
        rejected: 0,
      };
      entry[row.status] += Number(row.amount ?? 0);
      byCurrency.set(currency, entry);
    }
    return [...byCurrency.values()];
  }

  /** What the team owes each influencer: pending and approved are still to pay; paid for reference. */
  private async owed(conditions: SQL[]): Promise<Owed[]> {
    const amount = (status: CommissionStatus) =>
      sql<string>`coalesce(sum(${affiliationCommissions.amountMinor}) filter (where ${affiliationCommissions.status} = ${status}), 0)`;
    const rows = await this.deps.db
      .select({
        influencerId: affiliationCommissions.influencerId,
        currency: affiliationCommissions.currency,
        pending: amount('pending'),
        approved: amount('approved'),
        paid: amount('paid'),
      })
      .from(affiliationCommissions)
      .where(and(...conditions))
      .groupBy(affiliationCommissions.influencerId, affiliationCommissions.currency);
    const result: Owed[] = [];
    for (const row of rows) {
      result.push({
        influencerId: row.influencerId,
        influencerName: (await this.deps.people.getContact(row.influencerId))?.name ?? '—',
        currency: row.currency as Currency,
        pendingMinor: Number(row.pending),
        approvedMinor: Number(row.approved),
        paidMinor: Number(row.paid),
      });
    }
    return result.sort((a, b) => b.pendingMinor + b.approvedMinor - (a.pendingMinor + a.approvedMinor));
  }

  /** The commission, if the caller may decide on it (owner, admin or editor of its team). */
  private async loadForDecision(commissionId: string, actorId: string): Promise<CommissionRow> {
    const [row] = await this.deps.db
      .select()
      .from(affiliationCommissions)
      .where(eq(affiliationCommissions.id, commissionId));
    if (!row) throw new AppError('not_found');
    await this.deps.teams.requireRole(actorId, row.organizationId, 'editor');
    return row;
  }

  /** A merchant approves now, held or not (their review of a flagged commission ends here). */
  async approve(commissionId: string, actor: { id: string; ip?: string | undefined }, locale: Locale) {
    const row = await this.loadForDecision(commissionId, actor.id);
    const now = new Date();
    const updated = await this.deps.db.transaction(async (tx) => {
      const [next] = await tx
        .update(affiliationCommissions)
        .set({ status: 'approved', onHold: false, approvedAt: now, approvedBy: actor.id, updatedAt: now })
        .where(and(eq(affiliationCommissions.id, row.id), eq(affiliationCommissions.status, 'pending')))
        .returning();
      if (!next) throw refused(locale, 'conflict', 'commission_not_pending');
      await this.post(tx, [next], (movement, commission) =>
        this.deps.ledger.approved(tx, movement, commission.amountMinor),
      );
      await this.deps.audit.record(
        {
          action: 'commission_approved',
          actorId: actor.id,
          targetId: row.influencerId,
          ipAddress: actor.ip,
          details: {
            commissionId: row.id,
            amountMinor: next.amountMinor,
            currency: next.currency,
            signals: row.fraudSignals,
          },
        },
        tx,
      );
      return next;
    });
    return this.one(updated);
  }

  async rejectAsFraud(
    commissionId: string,
    reason: string,
    actor: { id: string; ip?: string | undefined },
    locale: Locale,
  ): Promise<CommissionView> {
    const row = await this.loadForDecision(commissionId, actor.id);
    const now = new Date();
    const updated = await this.deps.db.transaction(async (tx) => {
      const [next] = await tx
        .update(affiliationCommissions)
        .set({ status: 'rejected', onHold: false, rejectionReason: reason, updatedAt: now })
        .where(and(eq(affiliationCommissions.id, row.id), eq(affiliationCommissions.status, 'pending')))
        .returning();
      if (!next) throw refused(locale, 'conflict', 'commission_not_pending');
      await this.post(tx, [next], (movement, commission) =>
        this.deps.ledger.reduced(tx, movement, {
          amountMinor: commission.amountMinor,
          from: 'pending',
          reference: `${commission.id}:rejected`,
        }),
      );
      await this.deps.audit.record(
        {
          action: 'commission_rejected_fraud',
          actorId: actor.id,
          targetId: row.influencerId,
          ipAddress: actor.ip,
          details: { commissionId: row.id, amountMinor: row.amountMinor, reason, signals: row.fraudSignals },
        },
        tx,
      );
      return next;
    });
    return this.one(updated);
  }

  /**
   * The daily job: pending commissions past their hold period and not held for review become
   * approved. The status guard in the update makes a rerun (or two workers) approve each once.
   */
  async approveDue(now = new Date()): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const approved = await tx
        .update(affiliationCommissions)
        .set({ status: 'approved', approvedAt: now, updatedAt: now })
        .where(
          and(
            eq(affiliationCommissions.status, 'pending'),
            eq(affiliationCommissions.onHold, false),
            lte(affiliationCommissions.approvableAt, now),
          ),
        )
        .returning();
      await this.post(tx, approved, (movement, commission) =>
        this.deps.ledger.approved(tx, movement, commission.amountMinor),
      );
      for (const row of approved) {
        await this.deps.audit.record(
          {
            action: 'commission_approved',
            actorId: null,
            targetId: row.influencerId,
            details: { commissionId: row.id, amountMinor: row.amountMinor, currency: row.currency, automatic: true },
          },
          tx,
        );
      }
      return approved.length;
    });
  }

  /** Runs a ledger posting per commission, with the source of its sale (read in the same transaction). */
  private async post(
    tx: Executor,
    rows: CommissionRow[],
    posting: (movement: ReturnType<typeof commissionMovement>, commission: CommissionRow) => Promise<void>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const sources = await tx
      .select({ id: affiliationConversions.id, source: affiliationConversions.source })
      .from(affiliationConversions)
      .where(
        inArray(
          affiliationConversions.id,
          rows.map((row) => row.conversionId),
        ),
      );
    const sourceOf = new Map(sources.map((row) => [row.id, row.source]));
    for (const row of rows) await posting(commissionMovement(row, sourceOf.get(row.conversionId) ?? 'api'), row);
  }

  private async one(row: CommissionRow): Promise<CommissionView> {
    const [conversion] = await this.deps.db
      .select({ orderRef: affiliationConversions.orderRef })
      .from(affiliationConversions)
      .where(eq(affiliationConversions.id, row.conversionId));
    const [view] = await this.deps.presenter.commissions([{ commission: row, orderRef: conversion?.orderRef ?? '' }]);
    return view as CommissionView;
  }
}
