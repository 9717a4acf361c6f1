import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatMoney } from '../../platform/documents/money-format.ts';
import { pdfSafeText } from '../../platform/documents/pdf-safe-text.ts';
import { fill, pdfLabels } from './invoice-copy.ts';
import type { InvoiceRecord } from './invoice-records.ts';

const ink = rgb(0.12, 0.16, 0.2);
const muted = rgb(0.4, 0.44, 0.48);
const brand = rgb(0.12, 0.24, 0.21);

/**
 * The printed invoice or credit note with the mentions Moroccan law asks for: seller identity,
 * IF, ICE, taxe professionnelle and RC; date and number; buyer name, address and ICE; each line's
 * quantity and unit price excluding VAT; VAT rate and amount; total; payment method.
 */
export async function renderInvoicePdf(record: InvoiceRecord): Promise<Buffer> {
  const { document } = record;
  const locale = document.locale === 'en' ? 'en' : 'fr';
  const words = pdfLabels[locale];
  const dateOf = (date: Date) =>
    date.toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Africa/Casablanca' });
  const money = (minor: number) => formatMoney(minor, document.currency, locale);
  const pdf = await PDFDocument.create();
  const title = document.type === 'invoice' ? words.invoice : words.creditNote;
  pdf.setTitle(`${title} ${document.number}`);
  pdf.setCreator('Souk');
  // Fixed dates: the stored file depends only on the document, not on when it was rendered.
  pdf.setCreationDate(document.issuedAt);
  pdf.setModificationDate(document.issuedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  const write = (
    value: string,
    x: number,
    size: number,
    font: PDFFont = regular,
    color = ink,
    target: PDFPage = page,
  ) => target.drawText(pdfSafeText(value), { x, y, size, font, color });
  const right = (value: string, edge: number, size: number, font: PDFFont = regular) => {
    const text = pdfSafeText(value);
    page.drawText(text, { x: edge - font.widthOfTextAtSize(text, size), y, size, font, color: ink });
  };

  page.drawRectangle({ x: 0, y: 812, width: 595, height: 30, color: brand });
  page.drawText('Souk', { x: 40, y: 822, size: 14, font: bold, color: rgb(1, 1, 1) });
  y = 770;
  write(title, 40, 20, bold);
  right(`${words.number} ${document.number}`, 555, 12, bold);
  y -= 18;
  right(`${words.date}: ${dateOf(document.issuedAt)}`, 555, 10);
  if (record.creditedInvoiceNumber) {
    y -= 14;
    right(fill(words.credits, { number: record.creditedInvoiceNumber }), 555, 10);
  }

  // Seller on the left, buyer on the right.
  y -= 34;
  const top = y;
  const seller = document.seller;
  const sellerLines = [
    seller.name,
    seller.address,
    `${words.taxId}: ${seller.taxId}`,
    `${words.ice}: ${seller.ice}`,
    `${words.professionalTax}: ${seller.professionalTax}`,
    `${words.tradeRegister}: ${seller.tradeRegister}`,
  ];
  write(words.seller, 40, 9, bold, muted);
  for (const line of sellerLines) {
    y -= 13;
    write(line, 40, 9);
  }
  const sellerBottom = y;
  y = top;
  const buyerLines = [
    document.buyerName,
    ...(document.buyerAddress ? [document.buyerAddress] : []),
    ...(document.buyerIce ? [`${words.ice}: ${document.buyerIce}`] : []),
    document.buyerEmail,
  ];
  write(words.buyer, 320, 9, bold, muted);
  for (const line of buyerLines) {
    y -= 13;
    write(line.slice(0, 60), 320, 9);
  }
  y = Math.min(y, sellerBottom) - 30;

  // Lines.
  const header = () => {
    page.drawRectangle({ x: 40, y: y - 4, width: 515, height: 18, color: rgb(0.93, 0.94, 0.95) });
    write(words.description, 46, 9, bold);
    right(words.quantity, 360, 9, bold);
    right(words.unitPrice, 455, 9, bold);
    right(words.amount, 550, 9, bold);
    y -= 22;
  };
  header();
  for (const line of record.lines) {
    if (y < 140) {
      page = pdf.addPage([595, 842]);
      y = 790;
      header();
    }
    write(line.description.slice(0, 55), 46, 9);
    right(String(line.quantity), 360, 9);
    right(money(line.unitAmountMinor), 455, 9);
    right(money(line.amountMinor), 550, 9);
    y -= 16;
  }

  // Totals.
  y -= 10;
  page.drawLine({ start: { x: 320, y: y + 8 }, end: { x: 555, y: y + 8 }, thickness: 0.5, color: muted });
  const total = (label: string, value: string, font: PDFFont = regular) => {
    page.drawText(pdfSafeText(label), { x: 326, y, size: 10, font, color: ink });
    right(value, 550, 10, font);
    y -= 16;
  };
  total(words.subtotal, money(document.subtotalMinor));
  total(fill(words.vat, { rate: String(document.vatRateBps / 100) }), money(document.vatMinor));
  total(words.total, money(document.totalMinor), bold);

  y -= 20;
  write(`${words.paymentMethod}: ${words.methods[document.paymentMethod] ?? document.paymentMethod}`, 40, 10);
  y -= 14;
  if (document.status === 'paid' && document.paidAt)
    write(fill(words.paidOn, { date: dateOf(document.paidAt) }), 40, 10);
  else if (document.dueAt) write(fill(words.dueBy, { date: dateOf(document.dueAt) }), 40, 10, bold);
  if (document.status === 'due' && document.payUrl) {
    y -= 14;
    write(fill(words.payAt, { url: document.payUrl }), 40, 9, regular, muted);
  }
  y = 40;
  write(
    `${seller.name} - ${words.taxId} ${seller.taxId} - ${words.ice} ${seller.ice} - ${words.tradeRegister} ${seller.tradeRegister}`,
    40,
    7,
    regular,
    muted,
  );
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
