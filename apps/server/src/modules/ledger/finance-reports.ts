import type { FinanceMonth, FinanceRangeQuery, FinanceSummary } from '@souk/contracts/ledger';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { ledgerEntries, ledgerTransactions } from './schema.ts';

export interface FinanceRange {
  from: string;
  to: string;
  /** Half-open [start, end) in UTC. */
  start: Date;
  end: Date;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The report's days (UTC), both included; by default the last 12 months up to today. */
export function financeRange(query: FinanceRangeQuery, now = new Date()): FinanceRange {
  const to = query.to ?? day(now);
  const from = query.from ?? day(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1)));
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000);
  if (start >= end) {
    throw new AppError('validation_failed', 'from must be on or before to', [
      { path: 'querystring.from', message: 'from must be on or before to' },
    ]);
  }
  if (end.getTime() - start.getTime() > 5 * 366 * 86_400_000) {
    throw new AppError('validation_failed', 'at most 5 years at once', [
      { path: 'querystring.to', message: 'at most 5 years at once' },
    ]);
  }
  return { from, to, start, end };
}

/**
 * Platform revenue (excluding VAT), VAT collected and gateway fees per month and currency, read
 * from the ledger: revenue and VAT are credits (negated here), fees are debits. VAT paid over to
 * the tax administration is not "collected", so those transactions are left out of the VAT figure.
 */
export async function financeSummary(db: Database, range: FinanceRange): Promise<FinanceSummary> {
  const month = sql<string>`to_char(${ledgerTransactions.occurredAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      currency: ledgerEntries.currency,
      revenue: sql<string>`coalesce(-sum(${ledgerEntries.amountMinor}) filter (where ${ledgerEntries.account} = 'platform_revenue'), 0)`,
      vat: sql<string>`coalesce(-sum(${ledgerEntries.amountMinor}) filter (where ${ledgerEntries.account} = 'vat_payable' and ${ledgerTransactions.kind} <> 'vat.remitted'), 0)`,
      fees: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}) filter (where ${ledgerEntries.account} = 'gateway_fees'), 0)`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        gte(ledgerTransactions.occurredAt, range.start),
        lt(ledgerTransactions.occurredAt, range.end),
        sql`${ledgerEntries.account} in ('platform_revenue', 'vat_payable', 'gateway_fees')`,
      ),
    )
    .groupBy(month, ledgerEntries.currency)
    .orderBy(month, ledgerEntries.currency);
  const months: FinanceMonth[] = rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    platformRevenueMinor: Number(row.revenue),
    vatCollectedMinor: Number(row.vat),
    gatewayFeesMinor: Number(row.fees),
  }));
  const totals = new Map<string, Omit<FinanceMonth, 'month'>>();
  for (const row of months) {
    const total = totals.get(row.currency) ?? {
      currency: row.currency,
      platformRevenueMinor: 0,
      vatCollectedMinor: 0,
      gatewayFeesMinor: 0,
    };
    total.platformRevenueMinor += row.platformRevenueMinor;
    total.vatCollectedMinor += row.vatCollectedMinor;
    total.gatewayFeesMinor += row.gatewayFeesMinor;
    totals.set(row.currency, total);
  }
  return { from: range.from, to: range.to, months, totals: [...totals.values()] };
}

const header = [
  'date',
  'transaction_id',
  'kind',
  'reference',
  'memo',
  'account',
  'owner_id',
  'currency',
  'debit',
  'credit',
];

/** Spreadsheets run cells that start with these as formulas: such text is prefixed with a quote. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The accounting journal: one line per entry, in posting order, amounts as decimals in debit and
 * credit columns (each line has one of them). Read in pages so a long range never sits in memory
 * as rows and text at once.
 */
export async function* journalCsv(db: Database, range: FinanceRange): AsyncGenerator<string> {
  yield `${header.join(',')}\n`;
  const pageSize = 2000;
  let offset = 0;
  for (;;) {
    const rows = await db
      .select({
        occurredAt: ledgerTransactions.occurredAt,
        transactionId: ledgerTransactions.id,
        kind: ledgerTransactions.kind,
        reference: ledgerTransactions.reference,
        memo: ledgerTransactions.memo,
        account: ledgerEntries.account,
        ownerId: ledgerEntries.ownerId,
        currency: ledgerEntries.currency,
        amountMinor: ledgerEntries.amountMinor,
      })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(and(gte(ledgerTransactions.occurredAt, range.start), lt(ledgerTransactions.occurredAt, range.end)))
      .orderBy(
        asc(ledgerTransactions.occurredAt),
        asc(ledgerTransactions.id),
        sql`${ledgerEntries.amountMinor} < 0`,
        asc(ledgerEntries.id),
      )
      .limit(pageSize)
      .offset(offset);
    if (rows.length === 0) return;
    yield rows
      .map(
        (row) =>
          `${[
            row.occurredAt.toISOString(),
            row.transactionId,
            cell(row.kind),
            cell(row.reference),
            cell(row.memo ?? ''),
            row.account,
            cell(row.ownerId ?? ''),
            row.currency,
            row.amountMinor > 0 ? decimal(row.amountMinor) : '',
            row.amountMinor < 0 ? decimal(-row.amountMinor) : '',
          ].join(',')}\n`,
      )
      .join('');
    if (rows.length < pageSize) return;
    offset += pageSize;
  }
}
