import type { SettlementLine, SettlementSummary } from '@souk/contracts/settlements';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { maskRib } from './period.ts';
import type { PayoutAccounts, TeamDirectory } from './ports.ts';
import { settlementLines, settlements } from './schema.ts';
import type { SettlementRow } from './settlement-service.ts';

const pageSize = 50;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new AppError('validation_failed', 'Bad cursor.');
  return or(lt(settlements.createdAt, date), and(eq(settlements.createdAt, date), lt(settlements.id, id)));
}

/** Reads of settlements for merchants and admins, and their CSV files. */
export class SettlementQueries {
  constructor(private readonly deps: { db: Database; teams: TeamDirectory; accounts: PayoutAccounts }) {}

  async list(filter: {
    organizationId?: string | undefined;
    period?: string | undefined;
    status?: SettlementRow['status'] | undefined;
    cursor?: string | undefined;
  }): Promise<{ items: SettlementSummary[]; nextCursor: string | null }> {
    const rows = await this.deps.db
      .select()
      .from(settlements)
      .where(
        and(
          filter.organizationId ? eq(settlements.organizationId, filter.organizationId) : undefined,
          filter.period ? eq(settlements.period, filter.period) : undefined,
          filter.status ? eq(settlements.status, filter.status) : undefined,
          decodeCursor(filter.cursor),
        ),
      )
      .orderBy(desc(settlements.createdAt), desc(settlements.id))
      .limit(pageSize + 1);
    const page = rows.slice(0, pageSize);
    return {
      items: await this.present(page),
      nextCursor:
        rows.length > pageSize && page.length > 0 ? encodeCursor(page[page.length - 1] as SettlementRow) : null,
    };
  }

  async find(id: string): Promise<SettlementRow | null> {
    const [row] = await this.deps.db.select().from(settlements).where(eq(settlements.id, id));
    return row ?? null;
  }

  async detail(row: SettlementRow) {
    const lines = await this.deps.db
      .select()
      .from(settlementLines)
      .where(eq(settlementLines.settlementId, row.id))
      .orderBy(settlementLines.occurredAt, settlementLines.id);
    const [summary] = await this.present([row]);
    return {
      ...(summary as SettlementSummary),
      lines: lines.map(
        (line): SettlementLine => ({
          id: line.id,
          kind: line.kind,
          orderId: line.orderId,
          refundId: line.refundId,
          reference: line.reference,
          occurredAt: line.occurredAt.toISOString(),
          grossMinor: line.grossMinor,
          refundedMinor: line.refundedMinor,
          feeMinor: line.feeMinor,
          commissionMinor: line.commissionMinor,
          netMinor: line.netMinor,
        }),
      ),
    };
  }

  async present(rows: SettlementRow[]): Promise<SettlementSummary[]> {
    const names = await this.deps.teams.namesOf(rows.map((row) => row.organizationId));
    const accounts = new Map<string, { holderName: string; ribMasked: string } | null>();
    for (const organizationId of new Set(rows.map((row) => row.organizationId))) {
      const account = await this.deps.accounts.payoutAccount({ type: 'organization', id: organizationId });
      accounts.set(
        organizationId,
        account ? { holderName: account.holderName, ribMasked: maskRib(account.rib) } : null,
      );
    }
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organizationId,
      organizationName: names.get(row.organizationId) ?? '',
      period: row.period,
      status: row.status,
      currency: row.currency,
      grossMinor: row.grossMinor,
      refundsMinor: row.refundsMinor,
      feeMinor: row.feeMinor,
      feeVatMinor: row.feeVatMinor,
      commissionsMinor: row.commissionsMinor,
      netMinor: row.netMinor,
      feeBps: row.feeBps,
      planId: row.planId,
      orderCount: row.orderCount,
      feeInvoiceId: row.feeInvoiceId,
      feeInvoiceNumber: row.feeInvoiceNumber,
      payoutAccount: accounts.get(row.organizationId) ?? null,
      bankReference: row.bankReference,
      failureReason: row.failureReason,
      paidAt: row.paidAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** One settlement's statement: a line per order or refund. */
  async statementCsv(row: SettlementRow): Promise<string> {
    const detail = await this.detail(row);
    const header = ['kind', 'reference', 'date', 'gross', 'refunded', 'fee', 'commission', 'net', 'currency'];
    const lines = detail.lines.map((line) => [
      line.kind,
      line.reference,
      line.occurredAt,
      money(line.grossMinor),
      money(line.refundedMinor),
      money(line.feeMinor),
      money(line.commissionMinor),
      money(line.netMinor),
      row.currency,
    ]);
    lines.push(['vat_on_fee', '', '', '', '', money(row.feeVatMinor), '', money(-row.feeVatMinor), row.currency]);
    lines.push([
      'total',
      row.period,
      '',
      money(row.grossMinor),
      money(row.refundsMinor),
      money(row.feeMinor + row.feeVatMinor),
      money(row.commissionsMinor),
      money(row.netMinor),
      row.currency,
    ]);
    return toCsv([header, ...lines]);
  }

  /** Admin: the bank transfer file of a month's unpaid settlements (beneficiary, RIB, amount, reference). */
  async transferCsv(period: string | undefined): Promise<string> {
    const rows = await this.deps.db
      .select()
      .from(settlements)
      .where(
        and(
          period ? eq(settlements.period, period) : undefined,
          or(eq(settlements.status, 'pending'), eq(settlements.status, 'failed')),
        ),
      )
      .orderBy(settlements.period, settlements.organizationId);
    const names = await this.deps.teams.namesOf(rows.map((row) => row.organizationId));
    const lines: string[][] = [];
    for (const row of rows) {
      if (row.netMinor <= 0) continue;
      const account = await this.deps.accounts.payoutAccount({ type: 'organization', id: row.organizationId });
      lines.push([
        account?.holderName ?? names.get(row.organizationId) ?? '',
        account?.rib ?? '',
        money(row.netMinor),
        row.currency,
        `SOUK-STL-${row.period}-${row.id.slice(0, 8).toUpperCase()}`,
        account ? '' : 'no approved RIB',
      ]);
    }
    return toCsv([['beneficiary', 'rib', 'amount', 'currency', 'reference', 'problem'], ...lines]);
  }
}

export function money(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function toCsv(rows: string[][]): string {
  const cell = (value: string) => {
    // Formula-looking cells are neutralised for spreadsheets.
    const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
