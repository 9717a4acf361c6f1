import type { InvoiceSummary, InvoiceView } from '@souk/contracts/invoicing';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { invoicingDocuments, invoicingLines } from './schema.ts';

export type InvoiceRow = typeof invoicingDocuments.$inferSelect;
export type InvoiceLineRow = typeof invoicingLines.$inferSelect;

export interface InvoiceRecord {
  document: InvoiceRow;
  lines: InvoiceLineRow[];
  creditedInvoiceNumber: string | null;
  creditedMinor: number;
}

export async function loadInvoice(executor: Executor, id: string): Promise<InvoiceRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [document] = await executor.select().from(invoicingDocuments).where(eq(invoicingDocuments.id, id));
  if (!document) return null;
  const lines = await executor
    .select()
    .from(invoicingLines)
    .where(eq(invoicingLines.documentId, id))
    .orderBy(asc(invoicingLines.position));
  const numbers = await creditedNumbers(executor, [document]);
  const [credited] = await executor
    .select({ sum: sql<string | null>`sum(${invoicingDocuments.totalMinor})` })
    .from(invoicingDocuments)
    .where(eq(invoicingDocuments.creditedInvoiceId, id));
  return {
    document,
    lines,
    creditedInvoiceNumber: document.creditedInvoiceId ? (numbers.get(document.creditedInvoiceId) ?? null) : null,
    creditedMinor: Number(credited?.sum ?? 0),
  };
}

export async function creditedNumbers(executor: Executor, rows: readonly InvoiceRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.creditedInvoiceId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const found = await executor
    .select({ id: invoicingDocuments.id, number: invoicingDocuments.number })
    .from(invoicingDocuments)
    .where(inArray(invoicingDocuments.id, ids));
  return new Map(found.map((row) => [row.id, row.number]));
}

export function summaryOf(row: InvoiceRow, creditedInvoiceNumber: string | null): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    status: row.status,
    issuedAt: row.issuedAt.toISOString(),
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    vatRateBps: row.vatRateBps,
    vatMinor: row.vatMinor,
    totalMinor: row.totalMinor,
    dueAt: row.dueAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    payUrl: row.status === 'due' ? row.payUrl : null,
    paymentMethod: row.paymentMethod,
    buyerKind: row.buyerKind,
    buyerId: row.buyerId,
    buyerName: row.buyerName,
    sourceKind: row.sourceKind,
    creditedInvoiceId: row.creditedInvoiceId,
    creditedInvoiceNumber,
    pdfReady: row.pdfStoredAt !== null,
  };
}

export function viewOf(record: InvoiceRecord): InvoiceView {
  const { document } = record;
  return {
    ...summaryOf(document, record.creditedInvoiceNumber),
    seller: {
      name: document.seller.name,
      address: document.seller.address,
      ice: document.seller.ice,
      taxId: document.seller.taxId,
      professionalTax: document.seller.professionalTax,
      tradeRegister: document.seller.tradeRegister,
    },
    buyer: {
      name: document.buyerName,
      email: document.buyerEmail,
      address: document.buyerAddress,
      ice: document.buyerIce,
    },
    lines: record.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitAmountMinor: line.unitAmountMinor,
      amountMinor: line.amountMinor,
    })),
    creditedMinor: record.creditedMinor,
    locale: document.locale,
  };
}
