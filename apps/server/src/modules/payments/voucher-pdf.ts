import type { Locale } from '@souk/contracts/locales';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { formatMoney } from '../../platform/documents/money-format.ts';
import { pdfSafeText } from '../../platform/documents/pdf-safe-text.ts';
import type { OrderBundle } from './order-records.ts';
import { formatVoucherCode } from './voucher-codes.ts';
import { voucherQrMatrix } from './voucher-qr.ts';

/**
 * Labels of the printed voucher. The PDF uses the standard Helvetica font (nothing to ship, no
 * shaping engine): Latin script only. Arabic-language vouchers are printed with French labels,
 * and Arabic text the merchant wrote is transliterated (decision 022); the mail itself is Arabic.
 */
const labels: Record<
  'fr' | 'en',
  Record<
    'title' | 'code' | 'order' | 'merchant' | 'address' | 'expires' | 'conditions' | 'buyer' | 'test' | 'noExpiry',
    string
  >
> = {
  fr: {
    title: 'Bon d’achat',
    code: 'Code',
    order: 'Commande',
    merchant: 'Commerçant',
    address: 'Adresse',
    expires: 'Valable jusqu’au',
    conditions: 'Conditions',
    buyer: 'Bénéficiaire',
    test: 'PAIEMENT DE TEST - SANS VALEUR',
    noExpiry: 'sans date limite',
  },
  en: {
    title: 'Voucher',
    code: 'Code',
    order: 'Order',
    merchant: 'Merchant',
    address: 'Address',
    expires: 'Valid until',
    conditions: 'Conditions',
    buyer: 'Holder',
    test: 'TEST PAYMENT - NO VALUE',
    noExpiry: 'no end date',
  },
};

function wrap(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** Every voucher of a paid order, one per page: code, QR, deal, conditions, expiry, merchant. */
export async function renderVoucherPdf(
  bundle: OrderBundle,
  options: { locale: Locale; merchantName: string; publicUrl: string },
): Promise<Buffer> {
  const words = labels[options.locale === 'en' ? 'en' : 'fr'];
  const dateLocale = options.locale === 'en' ? 'en-GB' : 'fr-FR';
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Souk ${bundle.order.reference}`);
  pdf.setCreator('Souk');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.CourierBold);
  const item = bundle.items[0];
  const ink = rgb(0.12, 0.16, 0.2);
  const accent = rgb(0.76, 0.34, 0.1);
  for (const voucher of bundle.vouchers) {
    const page = pdf.addPage([420, 595]);
    let y = 555;
    const text = (value: string, size: number, font = regular, color = ink, x = 36) => {
      page.drawText(pdfSafeText(value), { x, y, size, font, color });
      y -= size + 8;
    };
    page.drawRectangle({ x: 0, y: 575, width: 420, height: 20, color: rgb(0.12, 0.24, 0.21) });
    page.drawText('Souk', { x: 36, y: 580, size: 12, font: bold, color: rgb(1, 1, 1) });
    if (bundle.order.gatewayTest) text(words.test, 11, bold, accent);
    text(words.title, 20, bold);
    for (const line of wrap(pdfSafeText(item?.title ?? ''), 348, (l) => bold.widthOfTextAtSize(l, 14)).slice(0, 3)) {
      text(line, 14, bold);
    }
    y -= 4;
    text(`${words.code}: ${formatVoucherCode(voucher.code)}`, 18, mono, accent);
    const qr = voucherQrMatrix(options.publicUrl, voucher.code);
    const cell = Math.floor(150 / qr.size);
    const left = (420 - qr.size * cell) / 2;
    const top = y - 4;
    for (let row = 0; row < qr.size; row++) {
      for (let column = 0; column < qr.size; column++) {
        if (qr.dark(column, row)) {
          page.drawRectangle({
            x: left + column * cell,
            y: top - (row + 1) * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
        }
      }
    }
    y = top - qr.size * cell - 20;
    const expires = voucher.expiresAt
      ? voucher.expiresAt.toLocaleDateString(dateLocale, { timeZone: 'Africa/Casablanca' })
      : words.noExpiry;
    text(`${words.expires}: ${expires}`, 11);
    text(`${words.merchant}: ${options.merchantName}`, 11);
    if (item?.address) text(`${words.address}: ${item.address}`, 11);
    text(`${words.buyer}: ${bundle.order.buyerName}`, 11);
    text(
      `${words.order}: ${bundle.order.reference} - ${formatMoney(item?.unitPriceMinor ?? 0, bundle.order.currency, options.locale === 'en' ? 'en' : 'fr')}`,
      11,
    );
    if (item?.conditions) {
      text(words.conditions, 11, bold);
      for (const line of wrap(pdfSafeText(item.conditions), 348, (l) => regular.widthOfTextAtSize(l, 9)).slice(0, 10)) {
        text(line, 9);
      }
    }
  }
  return Buffer.from(await pdf.save());
}
