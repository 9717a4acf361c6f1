import { vatOf } from '@souk/contracts/invoicing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config/config.ts';
import { formatInvoiceNumber, invoiceTotals, invoiceYear } from './invoice-issuer.ts';

describe('invoice totals', () => {
  it('rounds VAT half-up on the subtotal, in integers', () => {
    expect(vatOf(0, 2000)).toBe(0);
    expect(vatOf(2, 2000)).toBe(0); // 0.4
    expect(vatOf(3, 2000)).toBe(1); // 0.6
    expect(vatOf(5, 1000)).toBe(1); // 0.5 -> up
    expect(vatOf(15, 1000)).toBe(2); // 1.5 -> up
    expect(vatOf(29_900, 2000)).toBe(5_980);
    expect(vatOf(1_000_000_000_000, 2000)).toBe(200_000_000_000);
    expect(() => vatOf(10.5, 2000)).toThrow(RangeError);
  });

  it('VAT is never more than half a centime away from the exact amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (subtotal, bps) => {
        const vat = vatOf(subtotal, bps);
        expect(Number.isInteger(vat)).toBe(true);
        const exact = (subtotal * bps) / 10_000;
        expect(vat - exact).toBeLessThanOrEqual(0.5);
        expect(vat - exact).toBeGreaterThan(-0.5);
      }),
    );
  });

  it('sums lines, then computes VAT once: total = subtotal + VAT', () => {
    const totals = invoiceTotals(
      [
        { description: 'Commission', quantity: 3, unitAmountMinor: 333 },
        { description: 'Frais', quantity: 2, unitAmountMinor: 1 },
      ],
      2000,
    );
    expect(totals).toMatchObject({ subtotalMinor: 1001, vatMinor: 200, totalMinor: 1201 });
    expect(totals.lines.map((line) => line.amountMinor)).toEqual([999, 2]);
  });

  it('refuses fractions of a centime, negative or empty lines', () => {
    const refused =
      (lines: Parameters<typeof invoiceTotals>[0], bps = 2000) =>
      () =>
        invoiceTotals(lines, bps);
    expect(refused([{ description: 'x', quantity: 1, unitAmountMinor: 0.5 }])).toThrow(/centimes entiers/);
    expect(refused([{ description: 'x', quantity: 1, unitAmountMinor: Number.NaN }])).toThrow(/centimes entiers/);
    expect(refused([{ description: 'x', quantity: 1.5, unitAmountMinor: 100 }])).toThrow(/quantité entière/);
    expect(refused([{ description: 'x', quantity: 1, unitAmountMinor: -100 }])).toThrow(/quantité entière/);
    expect(refused([{ description: ' ', quantity: 1, unitAmountMinor: 100 }])).toThrow(/libellé/);
    expect(refused([])).toThrow(/au moins une ligne/);
    expect(refused([{ description: 'x', quantity: 1, unitAmountMinor: 100 }], 20.5)).toThrow(/centimes entiers/);
  });

  it('numbers documents per series and Moroccan year', () => {
    expect(formatInvoiceNumber('F', 2026, 1)).toBe('F-2026-000001');
    expect(formatInvoiceNumber('AV', 2026, 123_456)).toBe('AV-2026-123456');
    // 31 December 2025, 23:30 UTC was already 1 January 2026 in Casablanca (then UTC+1). The year
    // follows the time-zone data, whose later Moroccan offsets differ between releases: a past
    // boundary keeps the test true on every runtime.
    expect(invoiceYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(invoiceYear(new Date('2025-12-31T22:30:00Z'))).toBe(2025);
  });

  it('refuses a seller ICE whose check key is wrong at boot', () => {
    expect(() => loadConfig({ INVOICE_SELLER_ICE: '001536892000032' })).toThrow(ConfigError);
    expect(() => loadConfig({ INVOICE_SELLER_IF: '12' })).toThrow(/INVOICE_SELLER_IF/);
    expect(loadConfig({}).INVOICE_SELLER_ICE).toBe('001536892000031');
  });
});
