import { type Currency, currencies } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { validateRib } from '@souk/contracts/moroccan-identifiers';
import type { Payout, PayoutAccountStatus, PayoutBalance, PayoutStatus } from '@souk/contracts/payouts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { CommissionFacts, Ledger, PayoutAccounts } from './ports.ts';
import { payoutItems, payoutLines, payoutRuns } from './schema.ts';
import { maskRib, type StatementData, statementCsv, statementPdf } from './statements.ts';

type LineRow = typeof payoutLines.$inferSelect;
type RunRow = typeof payoutRuns.$inferSelect;

function statusOf(line: LineRow, run: Pick<RunRow, 'status'>): PayoutStatus {
  if (line.status === 'paid') return 'paid';
  if (line.status === 'failed') return 'failed';
  return run.status === 'preview' ? 'scheduled' : 'processing';
}

/** The influencer's side: balances derived from the ledger, own payouts and their statements. */
export class PayoutReader {
  constructor(
    private readonly deps: {
      db: Database;
      ledger: Ledger;
      commissions: CommissionFacts;
      accounts: PayoutAccounts;
      minimumMinor: number;
    },
  ) {}

  async balance(influencerId: string): Promise<PayoutBalance> {
    const paidRows = await this.deps.db
      .select({ currency: payoutLines.currency, sum: sql<string>`sum(${payoutLines.amountMinor})` })
      .from(payoutLines)
      .where(and(eq(payoutLines.influencerId, influencerId), eq(payoutLines.status, 'paid')))
      .groupBy(payoutLines.currency);
    const paid = new Map(paidRows.map((row) => [row.currency, Number(row.sum)]));
    const balances: PayoutBalance['balances'] = [];
    for (const currency of currencies) {
      const accounts = await this.deps.ledger.balancesOf(
        influencerId,
        ['influencer_pending', 'influencer_payable', 'influencer_in_payout'],
        currency,
      );
      // Credit-normal accounts: what Souk owes is the negated sum of entries.
      const entry = {
        currency: currency as Currency,
        pendingMinor: -accounts.influencer_pending || 0,
        approvedMinor: -accounts.influencer_payable || 0,
        inPayoutMinor: -accounts.influencer_in_payout || 0,
        paidMinor: paid.get(currency) ?? 0,
      };
      const empty = !entry.pendingMinor && !entry.approvedMinor && !entry.inPayoutMinor && !entry.paidMinor;
      if (currency === 'MAD' || !empty) balances.push(entry);
    }
    return { balances, minimumMinor: this.deps.minimumMinor, account: await this.account(influencerId) };
  }

  private async account(influencerId: string): Promise<PayoutBalance['account']> {
    const verified = await this.deps.accounts.verifiedUsers([influencerId]);
    if (!verified.has(influencerId)) return { status: 'kyc_not_approved', ribMasked: null };
    const account = await this.deps.accounts.payoutAccount({ type: 'user', id: influencerId });
    if (!account) return { status: 'no_rib', ribMasked: null };
    const status: PayoutAccountStatus = validateRib(account.rib).ok ? 'ready' : 'rib_key_invalid';
    return { status, ribMasked: maskRib(account.rib) };
  }

  async list(influencerId: string): Promise<Payout[]> {
    const rows = await this.deps.db
      .select({ line: payoutLines, run: payoutRuns })
      .from(payoutLines)
      .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
      .where(eq(payoutLines.influencerId, influencerId))
      .orderBy(desc(payoutLines.createdAt))
      .limit(60);
    const statements = await this.statementLines(rows.map((row) => row.line.id));
    return rows.map(({ line, run }) => ({
      id: line.id,
      runId: run.id,
      period: run.period,
      status: statusOf(line, run),
      amountMinor: line.amountMinor,
      currency: line.currency,
      reference: line.reference,
      ribMasked: maskRib(line.rib),
      paidAt: line.paidAt?.toISOString() ?? null,
      failureReason: line.failureReason,
      createdAt: line.createdAt.toISOString(),
      lines: (statements.get(line.id) ?? []).map((item) => ({
        commissionId: item.commissionId,
        productTitle: item.productTitle,
        orderRef: item.orderRef,
        amountMinor: item.amountMinor,
        approvedAt: item.approvedAt?.toISOString() ?? null,
      })),
    }));
  }

  /** Each line's commissions (released ones too: a failed payout's statement still lists them). */
  private async statementLines(lineIds: string[]) {
    const result = new Map<
      string,
      { commissionId: string; productTitle: string; orderRef: string; amountMinor: number; approvedAt: Date | null }[]
    >();
    if (lineIds.length === 0) return result;
    const items = await this.deps.db
      .select()
      .from(payoutItems)
      .where(inArray(payoutItems.lineId, lineIds))
      .orderBy(payoutItems.createdAt);
    const details = await this.deps.commissions.details(items.map((item) => item.commissionId));
    for (const item of items) {
      const detail = details.get(item.commissionId);
      const list = result.get(item.lineId) ?? [];
      list.push({
        commissionId: item.commissionId,
        productTitle: detail?.productTitle ?? '—',
        orderRef: detail?.orderRef ?? '',
        amountMinor: item.amountMinor,
        approvedAt: detail?.approvedAt ?? null,
      });
      result.set(item.lineId, list);
    }
    return result;
  }

  /** A line's statement as its owner (or an admin) downloads it, or as the mail attaches it. */
  async statementData(line: LineRow, statusLabel?: string): Promise<StatementData> {
    const [run] = await this.deps.db.select().from(payoutRuns).where(eq(payoutRuns.id, line.runId));
    const items = (await this.statementLines([line.id])).get(line.id) ?? [];
    return {
      reference: line.reference,
      period: run?.period ?? '',
      beneficiary: line.beneficiary,
      ribMasked: maskRib(line.rib),
      status: statusLabel ?? (run ? statusOf(line, run) : line.status),
      amountMinor: line.amountMinor,
      currency: line.currency,
      paidAt: line.paidAt,
      failureReason: line.failureReason,
      lines: items,
    };
  }

  async statement(
    lineId: string,
    viewer: { userId: string; admin: boolean },
    format: 'pdf' | 'csv',
    locale: Locale,
  ): Promise<{ filename: string; contentType: string; body: Buffer }> {
    const [line] = await this.deps.db.select().from(payoutLines).where(eq(payoutLines.id, lineId));
    // Another person's payout answers like a missing one.
    if (!line || (!viewer.admin && line.influencerId !== viewer.userId)) throw new AppError('not_found');
    const data = await this.statementData(line);
    const filename = `souk-statement-${line.reference}.${format}`;
    return format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: statementCsv(data, locale) }
      : { filename, contentType: 'application/pdf', body: await statementPdf(data, locale) };
  }
}
