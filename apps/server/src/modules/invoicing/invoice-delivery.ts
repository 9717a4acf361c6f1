import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { formatMoney } from '../../platform/documents/money-format.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { fill, invoiceMailCopy } from './invoice-copy.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import { type InvoiceRecord, loadInvoice } from './invoice-records.ts';
import type { Mailer } from './ports.ts';
import { invoicingDocuments } from './schema.ts';

export function pdfKeyOf(document: { year: number; number: string }): string {
  return `invoices/${document.year}/${document.number}.pdf`;
}

/**
 * After the issuing transaction commits: the PDF is rendered and stored once (a stored document is
 * never rendered again, so what the buyer received is what the archive holds), then mailed once
 * with the PDF attached. Each step records itself, so a retried job resumes where it stopped.
 */
export class InvoiceDelivery {
  constructor(private readonly deps: { db: Database; files: FileStore; mail: Mailer; publicUrl: string }) {}

  async deliver(invoiceId: string): Promise<void> {
    const record = await loadInvoice(this.deps.db, invoiceId);
    if (!record) return;
    const pdf = await this.storePdf(record);
    if (record.document.mailedAt) return;
    await this.mail(record, pdf);
  }

  private async storePdf(record: InvoiceRecord): Promise<Buffer> {
    const { document } = record;
    if (document.pdfKey && document.pdfStoredAt) {
      const stored = await this.deps.files.get(document.pdfKey);
      if (!stored) throw new Error(`stored invoice ${document.number} is missing from the file store`);
      return stored;
    }
    const key = pdfKeyOf(document);
    // A run that stopped after storing the file but before recording it: keep that file.
    let pdf = await this.deps.files.get(key);
    if (!pdf) {
      pdf = await renderInvoicePdf(record);
      await this.deps.files.put(key, pdf);
    }
    await this.deps.db
      .update(invoicingDocuments)
      .set({ pdfKey: key, pdfStoredAt: new Date() })
      .where(and(eq(invoicingDocuments.id, document.id), isNull(invoicingDocuments.pdfStoredAt)));
    return pdf;
  }

  private async mail(record: InvoiceRecord, pdf: Buffer): Promise<void> {
    const { document } = record;
    const locale = document.locale;
    const copy = invoiceMailCopy[locale];
    const total = formatMoney(document.totalMinor, document.currency, locale);
    const dateOf = (date: Date) =>
      date.toLocaleDateString(locale === 'en' ? 'en-GB' : locale === 'ar' ? 'ar-MA' : 'fr-FR', {
        timeZone: 'Africa/Casablanca',
      });
    const values = {
      number: document.number,
      name: document.buyerName,
      total,
      date: document.dueAt ? dateOf(document.dueAt) : '',
      invoice: record.creditedInvoiceNumber ?? '',
    };
    const intro =
      document.type === 'credit_note' ? copy.creditIntro : document.status === 'due' ? copy.dueIntro : copy.paidIntro;
    const listUrl =
      document.buyerKind === 'organization'
        ? `${this.deps.publicUrl}/merchant/billing/invoices?team=${encodeURIComponent(document.buyerId)}`
        : `${this.deps.publicUrl}/account/invoices`;
    const action =
      document.status === 'due' && document.payUrl && /^https?:\/\//.test(document.payUrl)
        ? { url: document.payUrl, label: copy.pay }
        : { url: listUrl, label: copy.view };
    await this.deps.db.transaction(async (tx) => {
      // Claimed in the transaction that queues the mail: it goes out once, or not at all.
      const [claimed] = await tx
        .update(invoicingDocuments)
        .set({ mailedAt: new Date() })
        .where(and(eq(invoicingDocuments.id, document.id), isNull(invoicingDocuments.mailedAt)))
        .returning({ id: invoicingDocuments.id });
      if (!claimed) return;
      await this.deps.mail.send({
        to: document.buyerEmail,
        template: 'invoice-issued',
        locale,
        executor: tx,
        attachments: [{ filename: `${document.number}.pdf`, contentType: 'application/pdf', content: pdf }],
        data: {
          subject: fill(document.type === 'invoice' ? copy.invoiceSubject : copy.creditNoteSubject, values),
          heading: fill(copy.heading, values),
          paragraphs: [fill(intro, values), copy.attached],
          facts: [
            { label: copy.facts.number, value: document.number },
            { label: copy.facts.date, value: dateOf(document.issuedAt) },
            { label: copy.facts.total, value: total },
            ...(document.status === 'due' && document.dueAt
              ? [{ label: copy.facts.dueBy, value: dateOf(document.dueAt) }]
              : []),
          ],
          action,
          reason: copy.reason,
        },
      });
    });
  }
}
