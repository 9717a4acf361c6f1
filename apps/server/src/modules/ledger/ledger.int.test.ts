import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { LedgerPostingError } from './ledger-service.ts';

/** The database's own message for a refused statement (the query builder wraps it). */
async function databaseRefusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  return 'accepted';
}

describe('ledger', () => {
  let test: TestApp;
  const db = () => test.runtime.database.db;
  const ledger = () => test.runtime.services.ledger.ledger;

  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  const sale = (reference: string, org: string, amount: number) => ({
    kind: 'order.paid',
    reference,
    entries: [
      { account: 'gateway_clearing' as const, amountMinor: amount, currency: 'MAD' },
      { account: 'merchant_payable' as const, ownerId: org, amountMinor: -amount, currency: 'MAD' },
    ],
  });

  it('posts a balanced transaction and derives balances from its entries', async () => {
    const result = await ledger().post(db(), sale('order-1', 'org-a', 12_345));
    expect(result.created).toBe(true);
    expect(await ledger().balance('merchant_payable', 'org-a')).toBe(-12_345);
    expect(await ledger().balance('gateway_clearing')).toBe(12_345);
    expect(await ledger().balance('merchant_payable', 'org-b')).toBe(0);
  });

  it('is idempotent on (kind, reference): the second post writes nothing', async () => {
    const first = await ledger().post(db(), sale('order-2', 'org-c', 500));
    const again = await ledger().post(db(), sale('order-2', 'org-c', 500));
    expect(again).toEqual({ transactionId: first.transactionId, created: false });
    expect(await ledger().balance('merchant_payable', 'org-c')).toBe(-500);
    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () => db().transaction((tx) => ledger().post(tx, sale('order-3', 'org-d', 700)))),
    );
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(concurrent.map((r) => r.transactionId)).size).toBe(1);
    expect(await ledger().balance('merchant_payable', 'org-d')).toBe(-700);
  });

  it('refuses an unbalanced transaction, a fractional amount, a missing owner; nothing written', async () => {
    const before = await ledger().check();
    await expect(
      ledger().post(db(), {
        kind: 'order.paid',
        reference: 'bad-1',
        entries: [
          { account: 'gateway_clearing', amountMinor: 100, currency: 'MAD' },
          { account: 'merchant_payable', ownerId: 'org-e', amountMinor: -99, currency: 'MAD' },
        ],
      }),
    ).rejects.toThrow(LedgerPostingError);
    await expect(ledger().post(db(), sale('bad-2', 'org-e', 10.5))).rejects.toThrow(/not integer/);
    await expect(
      ledger().post(db(), {
        kind: 'order.paid',
        reference: 'bad-3',
        entries: [
          { account: 'gateway_clearing', amountMinor: 100, currency: 'MAD' },
          { account: 'merchant_payable', amountMinor: -100, currency: 'MAD' },
        ],
      }),
    ).rejects.toThrow(/needs its organization/);
    // Balanced overall but not per currency.
    await expect(
      ledger().post(db(), {
        kind: 'order.paid',
        reference: 'bad-4',
        entries: [
          { account: 'gateway_clearing', amountMinor: 100, currency: 'MAD' },
          { account: 'merchant_payable', ownerId: 'org-e', amountMinor: -100, currency: 'EUR' },
        ],
      }),
    ).rejects.toThrow(/MAD entries sum to 100/);
    const after = await ledger().check();
    expect(after.transactions).toBe(before.transactions);
    expect(after.entries).toBe(before.entries);
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      db().transaction(async (tx) => {
        await ledger().post(tx, sale('order-rolled-back', 'org-f', 900));
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    expect(await ledger().balance('merchant_payable', 'org-f')).toBe(0);
    // The reference is free again: the event can be posted when it really happens.
    expect((await ledger().post(db(), sale('order-rolled-back', 'org-f', 900))).created).toBe(true);
  });

  it('is append-only: the database refuses updates and deletes of entries and transactions', async () => {
    await ledger().post(db(), sale('order-4', 'org-g', 300));
    for (const statement of [
      sql`update ledger_entries set amount_minor = 1 where owner_id = 'org-g'`,
      sql`delete from ledger_entries where owner_id = 'org-g'`,
      sql`update ledger_transactions set memo = 'x'`,
      sql`delete from ledger_transactions`,
      sql`truncate ledger_entries, ledger_transactions`,
    ]) {
      expect(await databaseRefusal(db().execute(statement))).toMatch(/ledger is append-only/);
    }
    expect(await ledger().balance('merchant_payable', 'org-g')).toBe(-300);
  });

  it('check() proves every transaction sums to zero and balances match their entries', async () => {
    const report = await ledger().check();
    expect(report.ok).toBe(true);
    expect(report.unbalanced).toEqual([]);
    expect(report.totals.every((t) => t.sumMinor === 0)).toBe(true);
    expect(report.balances.find((b) => b.account === 'merchant_payable' && b.ownerId === 'org-a')).toMatchObject({
      balanceMinor: -12_345,
      matches: true,
    });
    expect(report.transactions).toBeGreaterThanOrEqual(5);
  });

  it('the database itself refuses an unbalanced transaction or an entry added to a recorded one', async () => {
    const { transactionId } = await ledger().post(db(), sale('order-5', 'org-h', 400));
    expect(
      await databaseRefusal(
        db().execute(
          sql`insert into ledger_entries (transaction_id, account, currency, amount_minor) values (${transactionId}, 'bank', 'MAD', 1), (${transactionId}, 'gateway_clearing', 'MAD', -1)`,
        ),
      ),
    ).toMatch(/not balanced/);
    const [row] = await rowsOf<{ id: string }>(
      test,
      sql`insert into ledger_transactions (kind, reference) values ('manual', 'unbalanced') returning id`,
    );
    expect(
      await databaseRefusal(
        db().execute(
          sql`insert into ledger_entries (transaction_id, account, currency, amount_minor) values (${row?.id}, 'bank', 'MAD', 42)`,
        ),
      ),
    ).toMatch(/not balanced/);
  });

  // Last: leaves an unbalanced transaction behind, written around every guard as a bug (or a
  // restored backup) could.
  it('check() lists a transaction that does not sum to zero', async () => {
    const id = await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const [row] = (
        (await tx.execute(
          sql`insert into ledger_transactions (kind, reference) values ('manual', 'broken-1') returning id`,
        )) as unknown as { rows: { id: string }[] }
      ).rows;
      await tx.execute(
        sql`insert into ledger_entries (transaction_id, account, currency, amount_minor) values (${row?.id}, 'bank', 'MAD', 42)`,
      );
      return row?.id;
    });
    const report = await ledger().check();
    expect(report.ok).toBe(false);
    expect(report.unbalanced).toEqual([
      { transactionId: id, kind: 'manual', reference: 'broken-1', currency: 'MAD', sumMinor: 42 },
    ]);
    expect(report.totals.find((t) => t.currency === 'MAD')?.sumMinor).toBe(42);
  });
});
