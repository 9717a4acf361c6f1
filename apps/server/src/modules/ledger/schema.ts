import type { LedgerAccountCode } from '@souk/contracts/ledger';
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns.ts';

/**
 * One balanced money movement. (kind, reference) names the business event it records, so posting
 * the same event twice writes nothing the second time. Rows are never updated or deleted (a
 * trigger refuses it): a mistake is corrected by a reversing transaction.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    memo: text('memo'),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ledger_transactions_kind_reference_idx').on(table.kind, table.reference),
    index('ledger_transactions_occurred_idx').on(table.occurredAt),
  ],
);

/** One line of a transaction: > 0 debits the account, < 0 credits it. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    account: text('account').$type<LedgerAccountCode>().notNull(),
    /** The organization or user whose sub-ledger this is; null on platform accounts. */
    ownerId: text('owner_id'),
    currency: text('currency').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('ledger_entries_transaction_idx').on(table.transactionId),
    index('ledger_entries_account_idx').on(table.account, table.ownerId, table.currency),
    check('ledger_entries_amount_check', sql`${table.amountMinor} <> 0`),
    check('ledger_entries_currency_check', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);
