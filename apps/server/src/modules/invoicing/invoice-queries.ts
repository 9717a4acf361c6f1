import type { InvoiceList, InvoiceStatus, InvoiceType } from '@souk/contracts/invoicing';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { creditedNumbers, summaryOf } from './invoice-records.ts';
import { invoicingDocuments } from './schema.ts';

export interface InvoiceFilter {
  buyer?: { kind: 'organization' | 'user'; id: string };
  buyerId?: string;
  type?: InvoiceType;
  status?: InvoiceStatus;
  cursor?: string;
  limit: number;
}

function after(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (!Number.isNaN(date.getTime()) && /^[0-9a-f-]{36}$/i.test(id)) {
      return or(
        lt(invoicingDocuments.issuedAt, date),
        and(eq(invoicingDocuments.issuedAt, date), lt(invoicingDocuments.id, id)),
      );
    }
  } catch {
    // Reported below.
  }
  throw new AppError('validation_failed', undefined, [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
}

/** Newest first, in keyset pages. */
export async function listInvoices(db: Database, filter: InvoiceFilter): Promise<InvoiceList> {
  const conditions = [
    filter.buyer ? eq(invoicingDocuments.buyerKind, filter.buyer.kind) : undefined,
    filter.buyer ? eq(invoicingDocuments.buyerId, filter.buyer.id) : undefined,
    filter.buyerId ? eq(invoicingDocuments.buyerId, filter.buyerId) : undefined,
    filter.type ? eq(invoicingDocuments.type, filter.type) : undefined,
    filter.status ? eq(invoicingDocuments.status, filter.status) : undefined,
    after(filter.cursor),
  ].filter((condition): condition is SQL => condition !== undefined);
  const rows = await db
    .select()
    .from(invoicingDocuments)
    .where(and(...conditions))
    .orderBy(desc(invoicingDocuments.issuedAt), desc(invoicingDocuments.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const numbers = await creditedNumbers(db, page);
  const last = page[page.length - 1];
  return {
    items: page.map((row) =>
      summaryOf(row, row.creditedInvoiceId ? (numbers.get(row.creditedInvoiceId) ?? null) : null),
    ),
    nextCursor:
      rows.length > filter.limit && last
        ? Buffer.from(JSON.stringify([last.issuedAt.toISOString(), last.id])).toString('base64url')
        : null,
  };
}
