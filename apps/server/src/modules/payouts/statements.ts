import type { Locale } from '@souk/contracts/locales';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { pdfSafeText } from '../../platform/documents/pdf-safe-text.ts';
import { csvLines, decimalAmount } from './bank-file.ts';

export interface StatementData {
  reference: string;
  period: string;
  beneficiary: string;
  ribMasked: string;
  status: string;
  amountMinor: number;
  currency: string;
  paidAt: Date | null;
  failureReason: string | null;
  lines: { productTitle: string; orderRef: string; approvedAt: Date | null; amountMinor: number }[];
}

type Labels = Record<
  | 'title'
  | 'reference'
  | 'period'
  | 'beneficiary'
  | 'rib'
  | 'status'
  | 'paidAt'
  | 'failure'
  | 'deal'
  | 'order'
  | 'approved'
  | 'amount'
  | 'total'
  | 'adjustment',
  string
>;

/**
 * The PDF uses the standard Helvetica font (nothing to ship, no shaping engine): Latin script only,
 * so Arabic-language statements are printed with French labels, as vouchers are.
 */
const labels: Record<'fr' | 'en', Labels> = {
  fr: {
    title: 'Relevé de versement Souk',
    reference: 'Référence',
    period: 'Période',
    beneficiary: 'Bénéficiaire',
    rib: 'RIB',
    status: 'Statut',
    paidAt: 'Payé le',
    failure: 'Motif de la banque',
    deal: 'Offre',
    order: 'Commande',
    approved: 'Approuvée le',
    amount: 'Montant',
    total: 'Total versé',
    adjustment: 'Régularisation (parrainage, remboursements après versement)',
  },
  en: {
    title: 'Souk payout statement',
    reference: 'Reference',
    period: 'Period',
    beneficiary: 'Beneficiary',
    rib: 'RIB',
    status: 'Status',
    paidAt: 'Paid on',
    failure: 'Bank’s reason',
    deal: 'Deal',
    order: 'Order',
    approved: 'Approved on',
    amount: 'Amount',
    total: 'Total paid',
    adjustment: 'Adjustment (referral bonuses, refunds after a payout)',
  },
};

function labelsFor(locale: Locale): Labels {
  return labels[locale === 'en' ? 'en' : 'fr'];
}

/** The part of a RIB a statement shows: bank code and the last four digits. */
export function maskRib(rib: string): string {
  return rib.length < 8 ? '••••' : `${rib.slice(0, 3)} •••• ${rib.slice(-4)}`;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

function adjustmentOf(data: StatementData): number {
  return data.amountMinor - data.lines.reduce((sum, line) => sum + line.amountMinor, 0);
}

export function statementCsv(data: StatementData, locale: Locale): Buffer {
  const words = labelsFor(locale);
  const rows: string[][] = [
    [words.reference, data.reference],
    [words.period, data.period],
    [words.beneficiary, data.beneficiary],
    [words.rib, data.ribMasked],
    [words.status, data.status],
    ...(data.paidAt ? [[words.paidAt, day(data.paidAt)]] : []),
    ...(data.failureReason ? [[words.failure, data.failureReason]] : []),
    [],
    [words.deal, words.order, words.approved, `${words.amount} (${data.currency})`],
    ...data.lines.map((line) => [
      line.productTitle,
      line.orderRef,
      day(line.approvedAt),
      decimalAmount(line.amountMinor),
    ]),
    ...(adjustmentOf(data) !== 0 ? [[words.adjustment, '', '', decimalAmount(adjustmentOf(data))]] : []),
    [words.total, '', '', decimalAmount(data.amountMinor)],
  ];
  return Buffer.from(`\uFEFF${csvLines(rows)}`, 'utf8');
}

export async function statementPdf(data: StatementData, locale: Locale): Promise<Buffer> {
  const words = labelsFor(locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${words.title} ${data.reference}`);
  pdf.setCreator('Souk');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const text = (value: string, x: number, options: { size?: number; bold?: boolean } = {}) => {
    const used = options.bold ? bold : font;
    page.drawText(pdfSafeText(value), { x, y, size: options.size ?? 10, font: used, color: rgb(0.1, 0.1, 0.1) });
  };
  const money = (minor: number) => `${decimalAmount(minor)} ${data.currency}`;
  text(words.title, 50, { size: 18, bold: true });
  y -= 34;
  const facts: [string, string][] = [
    [words.reference, data.reference],
    [words.period, data.period],
    [words.beneficiary, data.beneficiary],
    [words.rib, data.ribMasked],
    [words.status, data.status],
    ...(data.paidAt ? ([[words.paidAt, day(data.paidAt)]] as [string, string][]) : []),
    ...(data.failureReason ? ([[words.failure, data.failureReason.slice(0, 90)]] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) {
    text(label, 50, { bold: true });
    text(value, 180);
    y -= 16;
  }
  y -= 14;
  const header = () => {
    text(words.deal, 50, { bold: true });
    text(words.order, 290, { bold: true });
    text(words.approved, 390, { bold: true });
    text(words.amount, 480, { bold: true });
    y -= 16;
  };
  header();
  for (const line of data.lines) {
    if (y < 80) {
      page = pdf.addPage([595, 842]);
      y = 790;
      header();
    }
    text(line.productTitle.slice(0, 44), 50);
    text(line.orderRef.slice(0, 18), 290);
    text(day(line.approvedAt), 390);
    text(money(line.amountMinor), 480);
    y -= 14;
  }
  y -= 10;
  if (adjustmentOf(data) !== 0) {
    text(words.adjustment, 50);
    text(money(adjustmentOf(data)), 480);
    y -= 16;
  }
  text(words.total, 50, { bold: true, size: 12 });
  text(money(data.amountMinor), 480, { bold: true, size: 12 });
  return Buffer.from(await pdf.save());
}
