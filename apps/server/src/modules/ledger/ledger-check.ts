import type { LedgerCheck } from '@souk/contracts/ledger';
import { count, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { ledgerEntries, ledgerTransactions } from './schema.ts';

const key = (...parts: (string | null)[]) => JSON.stringify(parts);

/**
 * The balance proof. Two independent computations must agree: the database's aggregates (what
 * every balance shown in the product is read from) and a sum of every entry, one by one, here.
 * Every transaction must also sum to zero per currency, so the whole ledger does too.
 */
export async function checkLedger(executor: Executor): Promise<LedgerCheck> {
  const [transactionCount] = await executor.select({ n: count() }).from(ledgerTransactions);
  const entries = await executor
    .select({
      transactionId: ledgerEntries.transactionId,
      account: ledgerEntries.account,
      ownerId: ledgerEntries.ownerId,
      currency: ledgerEntries.currency,
      amountMinor: ledgerEntries.amountMinor,
    })
    .from(ledgerEntries);
  const aggregates = await executor
    .select({
      account: ledgerEntries.account,
      ownerId: ledgerEntries.ownerId,
      currency: ledgerEntries.currency,
      sum: sql<string>`sum(${ledgerEntries.amountMinor})`,
    })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.account, ledgerEntries.ownerId, ledgerEntries.currency)
    .orderBy(ledgerEntries.account, ledgerEntries.ownerId, ledgerEntries.currency);

  const perTransaction = new Map<string, { transactionId: string; currency: string; sum: number }>();
  const perAccount = new Map<string, number>();
  const perCurrency = new Map<string, number>();
  for (const entry of entries) {
    const amount = Number(entry.amountMinor);
    const t = key(entry.transactionId, entry.currency);
    const current = perTransaction.get(t) ?? { transactionId: entry.transactionId, currency: entry.currency, sum: 0 };
    current.sum += amount;
    perTransaction.set(t, current);
    const a = key(entry.account, entry.ownerId, entry.currency);
    perAccount.set(a, (perAccount.get(a) ?? 0) + amount);
    perCurrency.set(entry.currency, (perCurrency.get(entry.currency) ?? 0) + amount);
  }

  const offending = [...perTransaction.values()].filter((t) => t.sum !== 0);
  const names = offending.length
    ? await executor
        .select({ id: ledgerTransactions.id, kind: ledgerTransactions.kind, reference: ledgerTransactions.reference })
        .from(ledgerTransactions)
        .where(
          inArray(
            ledgerTransactions.id,
            offending.map((t) => t.transactionId),
          ),
        )
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row]));
  const unbalanced = offending.map((t) => ({
    transactionId: t.transactionId,
    kind: nameOf.get(t.transactionId)?.kind ?? '',
    reference: nameOf.get(t.transactionId)?.reference ?? '',
    currency: t.currency,
    sumMinor: t.sum,
  }));

  const seen = new Set<string>();
  const balances = aggregates.map((row) => {
    const k = key(row.account, row.ownerId, row.currency);
    seen.add(k);
    const balanceMinor = Number(row.sum);
    const entriesSumMinor = perAccount.get(k) ?? 0;
    return {
      account: row.account,
      ownerId: row.ownerId,
      currency: row.currency,
      balanceMinor,
      entriesSumMinor,
      matches: balanceMinor === entriesSumMinor,
    };
  });
  const missing = [...perAccount.keys()].filter((k) => !seen.has(k));
  const totals = [...perCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sumMinor]) => ({ currency, sumMinor }));

  return {
    ok:
      unbalanced.length === 0 &&
      missing.length === 0 &&
      balances.every((b) => b.matches) &&
      totals.every((t) => t.sumMinor === 0),
    checkedAt: new Date().toISOString(),
    transactions: transactionCount?.n ?? 0,
    entries: entries.length,
    unbalanced,
    totals,
    balances,
  };
}
