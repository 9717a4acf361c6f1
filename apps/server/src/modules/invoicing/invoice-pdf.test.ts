import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from './invoice-pdf.ts';
import type { InvoiceRecord } from './invoice-records.ts';

/** The text drawn on the pages: content streams inflated, hex strings decoded (WinAnsi). */
function drawnText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      parts.push(Buffer.from(text[1] ?? '', 'hex').toString('latin1'));
    }
  }
  return parts.join('\n');
}

const issuedAt = new Date('2026-03-10T10:00:00Z');

function record(overrides: Partial<InvoiceRecord['document']> = {}): InvoiceRecord {
  return {
    document: {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'invoice',
      series: 'F',
      year: 2026,
      sequence: 7,
      number: 'F-2026-000007',
      sourceKind: 'subscription_period',
      sourceId: 'x',
      creditedInvoiceId: null,
      buyerKind: 'organization',
      buyerId: 'team-1',
      buyerName: 'Café Atlas SARL',
      buyerEmail: 'compta@atlas.ma',
      buyerAddress: '5 rue de Fès, Rabat',
      buyerIce: '001536892000031',
      locale: 'fr',
      seller: {
        name: 'Souk Marketplace SARL',
        address: '12 boulevard d’Anfa, Casablanca',
        taxId: '40123456',
        ice: '002345678000012',
        professionalTax: '35712345',
        tradeRegister: 'RC Casablanca 512345',
      },
      currency: 'MAD',
      subtotalMinor: 29_900,
      vatRateBps: 2000,
      vatMinor: 5_980,
      totalMinor: 35_880,
      paymentMethod: 'card_cmi',
      status: 'paid',
      dueAt: null,
      payUrl: null,
      paidAt: issuedAt,
      issuedAt,
      pdfKey: null,
      pdfStoredAt: null,
      mailedAt: null,
      ...overrides,
    },
    lines: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        documentId: '00000000-0000-4000-8000-000000000001',
        position: 0,
        description: 'Abonnement Pro - mars 2026',
        quantity: 1,
        unitAmountMinor: 29_900,
        amountMinor: 29_900,
      },
    ],
    creditedInvoiceNumber: null,
    creditedMinor: 0,
  };
}

describe('invoice PDF', () => {
  it('prints every mandatory mention', async () => {
    const text = drawnText(await renderInvoicePdf(record()));
    for (const mention of [
      'FACTURE',
      'N° F-2026-000007',
      'Date: 10/03/2026',
      'Souk Marketplace SARL',
      'Anfa, Casablanca',
      'IF: 40123456',
      'ICE: 002345678000012',
      'Taxe professionnelle: 35712345',
      'RC: RC Casablanca 512345',
      'Café Atlas SARL',
      '5 rue de Fès, Rabat',
      'ICE: 001536892000031',
      'Abonnement Pro - mars 2026',
      'PU HT',
      'Total HT',
      'TVA 20 %',
      '59,80 MAD',
      'Total TTC',
      '358,80 MAD',
      'Mode de paiement: Carte bancaire (CMI)',
      'Payée le 10/03/2026',
    ]) {
      expect(text).toContain(mention);
    }
  });

  it('names the credited invoice on a credit note, and the due date on an unpaid invoice', async () => {
    const credit = await renderInvoicePdf({
      ...record({ type: 'credit_note', number: 'AV-2026-000001', series: 'AV' }),
      creditedInvoiceNumber: 'F-2026-000007',
    });
    expect(drawnText(credit)).toContain('Avoir sur la facture F-2026-000007');
    const due = await renderInvoicePdf(
      record({ status: 'due', paidAt: null, dueAt: new Date('2026-03-17T10:00:00Z'), locale: 'en' }),
    );
    expect(drawnText(due)).toContain('Due by 17/03/2026');
    expect(drawnText(due)).toContain('INVOICE');
  });

  it('renders the same bytes for the same document', async () => {
    expect(Buffer.compare(await renderInvoicePdf(record()), await renderInvoicePdf(record()))).toBe(0);
  });
});
