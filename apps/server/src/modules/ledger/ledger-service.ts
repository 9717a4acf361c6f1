import { type LedgerAccountCode, type LedgerCheck, ledgerAccounts } from '@souk/contracts/ledger';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { checkLedger } from './ledger-check.ts';
import { ledgerEntries, ledgerTransactions } from './schema.ts';

export interface LedgerEntryInput {
  account: LedgerAccountCode;
  ownerId?: string | null;
  /** > 0 debits the account, < 0 credits it; integer minor units. */
  amountMinor: number;
  currency: string;
}

export interface LedgerPostInput {
  kind: string;
  reference: string;
  memo?: string;
  occurredAt?: Date;
  entries: LedgerEntryInput[];
}

export interface LedgerPostResult {
  transactionId: string;
  created: boolean;
}

/** A posting that cannot be right: a bug in the caller, never a user's input. */
export class LedgerPostingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerPostingError';
  }
}

export interface OwnerBalance {
  ownerId: string | null;
  currency: string;
  balanceMinor: number;
}

/** Checks a posting before anything is written; throws LedgerPostingError. */
export function validatePosting(input: LedgerPostInput): LedgerEntryInput[] {
  if (!input.kind.trim() || !input.reference.trim()) throw new LedgerPostingError('kind and reference are required');
  // Zero lines carry no money (a fee that is not known, VAT on a zero amount): left out.
  const entries = input.entries.filter((entry) => entry.amountMinor !== 0);
  if (entries.length < 2) throw new LedgerPostingError(`${input.kind}/${input.reference}: needs two non-zero entries`);
  const sums = new Map<string, number>();
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amountMinor)) {
      throw new LedgerPostingError(`${input.kind}/${input.reference}: ${entry.amountMinor} is not integer minor units`);
    }
    if (!/^[A-Z]{3}$/.test(entry.currency)) {
      throw new LedgerPostingError(`${input.kind}/${input.reference}: currency ${entry.currency} is not an ISO code`);
    }
    const definition = ledgerAccounts[entry.account];
    if (!definition) throw new LedgerPostingError(`${input.kind}/${input.reference}: unknown account ${entry.account}`);
    if (definition.owner === null && entry.ownerId) {
      throw new LedgerPostingError(`${input.kind}/${input.reference}: ${entry.account} is a platform account`);
    }
    if (definition.owner !== null && !entry.ownerId) {
      throw new LedgerPostingError(`${input.kind}/${input.reference}: ${entry.account} needs its ${definition.owner}`);
    }
    sums.set(entry.currency, (sums.get(entry.currency) ?? 0) + entry.amountMinor);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) {
      throw new LedgerPostingError(`${input.kind}/${input.reference}: ${currency} entries sum to ${sum}, not 0`);
    }
  }
  return entries;
}

/** Writes balanced transactions and reads balances; never updates or deletes. */
export class LedgerService {
  constructor(private readonly db: Database) {}

  /**
   * Records one money movement in the caller's transaction, so it commits or rolls back with the
   * business change it records. Idempotent on (kind, reference).
   */
  async post(executor: Executor, input: LedgerPostInput): Promise<LedgerPostResult> {
    const entries = validatePosting(input);
    // A savepoint inside the caller's transaction (a transaction of its own when called outside
    // one): the transaction row never exists without its entries.
    return executor.transaction((tx) => this.write(tx, input, entries));
  }

  private async write(
    executor: Executor,
    input: LedgerPostInput,
    entries: LedgerEntryInput[],
  ): Promise<LedgerPostResult> {
    const [inserted] = await executor
      .insert(ledgerTransactions)
      .values({
        kind: input.kind,
        reference: input.reference,
        memo: input.memo ?? null,
        ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
      })
      .onConflictDoNothing({ target: [ledgerTransactions.kind, ledgerTransactions.reference] })
      .returning({ id: ledgerTransactions.id });
    if (!inserted) {
      const [existing] = await executor
        .select({ id: ledgerTransactions.id })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.kind, input.kind), eq(ledgerTransactions.reference, input.reference)));
      if (!existing) throw new LedgerPostingError(`${input.kind}/${input.reference}: conflicting posting vanished`);
      return { transactionId: existing.id, created: false };
    }
    await executor.insert(ledgerEntries).values(
      entries.map((entry) => ({
        transactionId: inserted.id,
        account: entry.account,
        ownerId: entry.ownerId ?? null,
        currency: entry.currency,
        amountMinor: entry.amountMinor,
      })),
    );
    return { transactionId: inserted.id, created: true };
  }

  /** Sum of the account's entries (for one owner when given; all owners otherwise). */
  async balance(
    account: LedgerAccountCode,
    ownerId?: string | null,
    currency = 'MAD',
    executor: Executor = this.db,
  ): Promise<number> {
    const conditions = [eq(ledgerEntries.account, account), eq(ledgerEntries.currency, currency)];
    if (ownerId !== undefined) {
      conditions.push(ownerId === null ? isNull(ledgerEntries.ownerId) : eq(ledgerEntries.ownerId, ownerId));
    }
    const [row] = await executor
      .select({ sum: sql<string | null>`sum(${ledgerEntries.amountMinor})` })
      .from(ledgerEntries)
      .where(and(...conditions));
    return Number(row?.sum ?? 0);
  }

  /** Every owner's balance on one account, per currency; owners with a zero balance included. */
  async balancesByOwner(account: LedgerAccountCode, executor: Executor = this.db): Promise<OwnerBalance[]> {
    const rows = await executor
      .select({
        ownerId: ledgerEntries.ownerId,
        currency: ledgerEntries.currency,
        sum: sql<string>`sum(${ledgerEntries.amountMinor})`,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.account, account))
      .groupBy(ledgerEntries.ownerId, ledgerEntries.currency)
      .orderBy(ledgerEntries.ownerId, ledgerEntries.currency);
    return rows.map((row) => ({ ownerId: row.ownerId, currency: row.currency, balanceMinor: Number(row.sum) }));
  }

  /** One owner's balance on each of the given accounts, in one currency. */
  async balancesOf(
    ownerId: string,
    accounts: readonly LedgerAccountCode[],
    currency = 'MAD',
    executor: Executor = this.db,
  ): Promise<Record<LedgerAccountCode, number>> {
    const rows = await executor
      .select({ account: ledgerEntries.account, sum: sql<string>`sum(${ledgerEntries.amountMinor})` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.ownerId, ownerId), eq(ledgerEntries.currency, currency)))
      .groupBy(ledgerEntries.account);
    const result = Object.fromEntries(accounts.map((account) => [account, 0])) as Record<LedgerAccountCode, number>;
    for (const row of rows) if (accounts.includes(row.account)) result[row.account] = Number(row.sum);
    return result;
  }

  /** The balance proof (see checkLedger). */
  check(executor: Executor = this.db): Promise<LedgerCheck> {
    return checkLedger(executor);
  }
}
