import {
  defaultVatRateBps,
  type InvoiceBuyerKind,
  type InvoiceStatus,
  type InvoiceType,
  invoiceSeries,
  vatOf,
} from '@souk/contracts/invoicing';
import { QueueName } from '@souk/contracts/jobs';
import type { Locale } from '@souk/contracts/locales';
import { validateIce } from '@souk/contracts/moroccan-identifiers';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { problem } from './problems.ts';
import { type InvoiceSellerSnapshot, invoicingCounters, invoicingDocuments, invoicingLines } from './schema.ts';

export interface InvoiceLineInput {
  description: string;
  quantity: number;
  /** Excluding VAT, integer minor units. */
  unitAmountMinor: number;
}

export interface IssueInvoiceInput {
  type: InvoiceType;
  /** What is billed; one document of each type per source. */
  source: { kind: string; id: string };
  buyer: {
    kind: InvoiceBuyerKind;
    id: string;
    name: string;
    email: string;
    address?: string | null;
    ice?: string | null;
    locale?: Locale;
  };
  lines: InvoiceLineInput[];
  vatRateBps?: number;
  currency: string;
  paymentMethod: string;
  status: InvoiceStatus;
  dueAt?: Date;
  payUrl?: string;
  creditedInvoiceId?: string;
  /** Defaults to now; the year of the number is this date's year in Morocco. */
  issuedAt?: Date;
}

export interface IssuedInvoice {
  id: string;
  number: string;
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
  created: boolean;
}

export interface InvoiceTotals {
  lines: (InvoiceLineInput & { amountMinor: number })[];
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
}

/** Largest amount a document may carry: far above any real invoice, far below float trouble. */
const maxAmountMinor = 1_000_000_000_000;

/**
 * Lines and totals, integers only: a fraction of a centime is refused before anything is
 * computed, so no rounding ever hides one. VAT is computed once, on the subtotal.
 */
export function invoiceTotals(lines: readonly InvoiceLineInput[], vatRateBps: number): InvoiceTotals {
  if (lines.length === 0 || lines.length > 200) throw problem('validation_failed', 'invoice_lines_invalid');
  if (!Number.isSafeInteger(vatRateBps) || vatRateBps < 0 || vatRateBps > 10_000) {
    throw problem('validation_failed', 'invoice_amount_not_integer');
  }
  const priced = lines.map((line) => {
    if (!Number.isSafeInteger(line.unitAmountMinor)) throw problem('validation_failed', 'invoice_amount_not_integer');
    if (
      !Number.isSafeInteger(line.quantity) ||
      line.quantity < 1 ||
      !line.description.trim() ||
      line.unitAmountMinor < 0
    ) {
      throw problem('validation_failed', 'invoice_lines_invalid');
    }
    const amountMinor = line.quantity * line.unitAmountMinor;
    if (amountMinor > maxAmountMinor) throw problem('validation_failed', 'invoice_lines_invalid');
    return {
      description: line.description.trim(),
      quantity: line.quantity,
      unitAmountMinor: line.unitAmountMinor,
      amountMinor,
    };
  });
  const subtotalMinor = priced.reduce((sum, line) => sum + line.amountMinor, 0);
  if (subtotalMinor > maxAmountMinor) throw problem('validation_failed', 'invoice_lines_invalid');
  const vatMinor = vatOf(subtotalMinor, vatRateBps);
  return { lines: priced, subtotalMinor, vatMinor, totalMinor: subtotalMinor + vatMinor };
}

/** The calendar year in Morocco, where the series restarts on 1 January. */
export function invoiceYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Africa/Casablanca' }).format(date));
}

export function formatInvoiceNumber(series: string, year: number, sequence: number): string {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Issues invoices and credit notes in the caller's transaction; delivery follows after commit. */
export class InvoiceIssuer {
  constructor(
    private readonly deps: {
      queue: Pick<JobQueue, 'enqueue'>;
      seller: () => InvoiceSellerSnapshot;
    },
  ) {}

  async issue(executor: Executor, input: IssueInvoiceInput): Promise<IssuedInvoice> {
    // The counter's lock must last until the document is written: a savepoint in the caller's
    // transaction, or a transaction of its own when called outside one.
    return executor.transaction((tx) => this.issueLocked(tx, input));
  }

  private async issueLocked(executor: Executor, input: IssueInvoiceInput): Promise<IssuedInvoice> {
    const totals = invoiceTotals(input.lines, input.vatRateBps ?? defaultVatRateBps);
    if (!/^[A-Z]{3}$/.test(input.currency)) throw problem('validation_failed', 'invoice_lines_invalid');
    let buyerIce: string | null = null;
    if (input.buyer.ice?.trim()) {
      const checked = validateIce(input.buyer.ice);
      if (!checked.ok) throw problem('validation_failed', 'buyer_ice_invalid');
      buyerIce = checked.value;
    }
    if ((input.type === 'credit_note') !== Boolean(input.creditedInvoiceId)) {
      throw problem('validation_failed', 'credit_note_needs_invoice');
    }
    const issuedAt = input.issuedAt ?? new Date();
    const series = invoiceSeries[input.type];
    const year = invoiceYear(issuedAt);

    // The counter row is the series' lock: whoever holds it issues next, so the "already issued
    // for this source?" check below cannot race, and a number is only taken when it is used.
    await executor.insert(invoicingCounters).values({ series, year, lastNumber: 0 }).onConflictDoNothing();
    await executor
      .select({ last: invoicingCounters.lastNumber })
      .from(invoicingCounters)
      .where(and(eq(invoicingCounters.series, series), eq(invoicingCounters.year, year)))
      .for('update');

    const [existing] = await executor
      .select()
      .from(invoicingDocuments)
      .where(
        and(
          eq(invoicingDocuments.type, input.type),
          eq(invoicingDocuments.sourceKind, input.source.kind),
          eq(invoicingDocuments.sourceId, input.source.id),
        ),
      );
    if (existing) {
      return {
        id: existing.id,
        number: existing.number,
        subtotalMinor: existing.subtotalMinor,
        vatMinor: existing.vatMinor,
        totalMinor: existing.totalMinor,
        created: false,
      };
    }

    if (input.creditedInvoiceId) await this.checkCredit(executor, input, totals.totalMinor, buyerIce);

    const [counter] = await executor
      .update(invoicingCounters)
      .set({ lastNumber: sql`${invoicingCounters.lastNumber} + 1` })
      .where(and(eq(invoicingCounters.series, series), eq(invoicingCounters.year, year)))
      .returning({ sequence: invoicingCounters.lastNumber });
    if (!counter) throw new Error(`invoice counter ${series}/${year} is missing`);
    const number = formatInvoiceNumber(series, year, counter.sequence);
    const [document] = await executor
      .insert(invoicingDocuments)
      .values({
        type: input.type,
        series,
        year,
        sequence: counter.sequence,
        number,
        sourceKind: input.source.kind,
        sourceId: input.source.id,
        creditedInvoiceId: input.creditedInvoiceId ?? null,
        buyerKind: input.buyer.kind,
        buyerId: input.buyer.id,
        buyerName: input.buyer.name.trim(),
        buyerEmail: input.buyer.email.trim(),
        buyerAddress: input.buyer.address?.trim() || null,
        buyerIce,
        locale: input.buyer.locale ?? 'fr',
        seller: this.deps.seller(),
        currency: input.currency,
        subtotalMinor: totals.subtotalMinor,
        vatRateBps: input.vatRateBps ?? defaultVatRateBps,
        vatMinor: totals.vatMinor,
        totalMinor: totals.totalMinor,
        paymentMethod: input.paymentMethod,
        status: input.status,
        dueAt: input.status === 'due' ? (input.dueAt ?? null) : null,
        payUrl: input.status === 'due' ? (input.payUrl ?? null) : null,
        paidAt: input.status === 'paid' ? issuedAt : null,
        issuedAt,
      })
      .returning({ id: invoicingDocuments.id });
    if (!document) throw new Error('invoice insert returned nothing');
    await executor
      .insert(invoicingLines)
      .values(totals.lines.map((line, position) => ({ documentId: document.id, position, ...line })));
    await this.deps.queue.enqueue(QueueName.InvoicingDeliver, { invoiceId: document.id }, { executor });
    return {
      id: document.id,
      number,
      subtotalMinor: totals.subtotalMinor,
      vatMinor: totals.vatMinor,
      totalMinor: totals.totalMinor,
      created: true,
    };
  }

  /** A credit note names an invoice of the same buyer and currency, and all of them stay within its total. */
  private async checkCredit(
    executor: Executor,
    input: IssueInvoiceInput,
    totalMinor: number,
    buyerIce: string | null,
  ): Promise<void> {
    const id = input.creditedInvoiceId as string;
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw problem('validation_failed', 'credit_note_needs_invoice');
    // Locked: two credit notes on one invoice are checked one after the other.
    const [invoice] = await executor
      .select()
      .from(invoicingDocuments)
      .where(and(eq(invoicingDocuments.id, id), eq(invoicingDocuments.type, 'invoice')))
      .for('update');
    if (!invoice) throw problem('validation_failed', 'credit_note_needs_invoice');
    if (
      invoice.currency !== input.currency ||
      invoice.buyerKind !== input.buyer.kind ||
      invoice.buyerId !== input.buyer.id ||
      (buyerIce !== null && invoice.buyerIce !== null && buyerIce !== invoice.buyerIce)
    ) {
      throw problem('validation_failed', 'credit_note_mismatch');
    }
    const [credited] = await executor
      .select({ sum: sql<string | null>`sum(${invoicingDocuments.totalMinor})` })
      .from(invoicingDocuments)
      .where(and(eq(invoicingDocuments.creditedInvoiceId, id), ne(invoicingDocuments.id, id)));
    if (Number(credited?.sum ?? 0) + totalMinor > invoice.totalMinor) {
      throw problem('conflict', 'credit_note_exceeds_invoice');
    }
  }

  /** A 'due' invoice paid (CMI renewal, commission invoice): only its payment fields change. */
  async markPaid(
    executor: Executor,
    invoiceId: string,
    payment: { paymentMethod: string; paidAt: Date },
  ): Promise<{ changed: boolean }> {
    const [updated] = await executor
      .update(invoicingDocuments)
      .set({ status: 'paid', paymentMethod: payment.paymentMethod, paidAt: payment.paidAt })
      .where(and(eq(invoicingDocuments.id, invoiceId), eq(invoicingDocuments.status, 'due')))
      .returning({ id: invoicingDocuments.id });
    if (updated) return { changed: true };
    const [row] = await executor
      .select({ status: invoicingDocuments.status })
      .from(invoicingDocuments)
      .where(eq(invoicingDocuments.id, invoiceId));
    if (!row) throw problem('not_found', 'invoice_not_due');
    // Already paid: a repeat of the same payment changes nothing.
    return { changed: false };
  }
}
