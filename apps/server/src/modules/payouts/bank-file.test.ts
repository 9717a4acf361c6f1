import { inflateRawSync } from 'node:zlib';
import { validateRib } from '@souk/contracts/moroccan-identifiers';
import { describe, expect, it } from 'vitest';
import { BankFileProvider, csvField, decimalAmount } from './bank-file.ts';
import { maskRib, statementCsv, statementPdf } from './statements.ts';

/** File names and contents of a ZIP written by `zip()`, read back through its central directory. */
function entries(archive: Buffer): Map<string, string> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    expect(archive.readUInt32LE(offset)).toBe(0x02014b50);
    const size = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(archive.subarray(start, start + size)).toString('utf8'));
    offset += 46 + nameLength;
  }
  return files;
}

const batch = {
  runId: 'run',
  period: '2026-11',
  transfers: [
    {
      lineId: 'a',
      beneficiary: 'Yasmine Benali & <Fils>',
      rib: '011519000001205000534921',
      amountMinor: 123_456,
      currency: 'MAD',
      reference: 'SOUK-PO-202611-0001',
    },
    {
      lineId: 'b',
      beneficiary: '=HYPERLINK("http://evil")',
      rib: '011519000001205000534921',
      amountMinor: 10_005,
      currency: 'MAD',
      reference: 'SOUK-PO-202611-0002',
    },
  ],
};

describe('bank transfer files', () => {
  it('writes amounts as the bank reads them, from integer minor units', () => {
    expect(decimalAmount(123_456)).toBe('1234.56');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(-1_500)).toBe('-15.00');
  });

  it('neutralises spreadsheet formulas and quotes separators in CSV fields', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('Benali, Yasmine')).toBe('"Benali, Yasmine"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('exports a CSV with a byte-order mark, one line per transfer', () => {
    const file = new BankFileProvider().transferFile(batch, 'csv');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'beneficiary,rib,amount,currency,reference',
      'Yasmine Benali & <Fils>,011519000001205000534921,1234.56,MAD,SOUK-PO-202611-0001',
      `"'=HYPERLINK(""http://evil"")",011519000001205000534921,100.05,MAD,SOUK-PO-202611-0002`,
      '',
    ]);
    expect(file.filename).toBe('souk-payouts-2026-11.csv');
  });

  it('exports a valid XLSX package: RIBs as text, amounts as numbers, names escaped', () => {
    const file = new BankFileProvider().transferFile(batch, 'xlsx');
    const files = entries(file.body);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    expect(sheet).toContain('<t xml:space="preserve">Yasmine Benali &amp; &lt;Fils&gt;</t>');
    expect(sheet).toContain('<c r="C2" s="1"><v>1234.56</v></c>');
    const ribs = [...sheet.matchAll(/<t xml:space="preserve">(\d{24})<\/t>/g)].map((match) => match[1] as string);
    expect(ribs).toHaveLength(2);
    for (const rib of ribs) expect(validateRib(rib).ok).toBe(true);
    // The same input gives the same bytes (no timestamps inside).
    expect(new BankFileProvider().transferFile(batch, 'xlsx').body.equals(file.body)).toBe(true);
  });
});

describe('statements', () => {
  it('masks the RIB and shows an adjustment when the line differs from its commissions', () => {
    expect(maskRib('011519000001205000534921')).toBe('011 •••• 4921');
    const csv = statementCsv(
      {
        reference: 'SOUK-PO-202611-0001',
        period: '2026-11',
        beneficiary: 'Yasmine Benali',
        ribMasked: '011 •••• 4921',
        status: 'paid',
        amountMinor: 25_000,
        currency: 'MAD',
        paidAt: new Date('2026-12-02T10:00:00Z'),
        failureReason: null,
        lines: [{ productTitle: 'Dîner', orderRef: 'A-1', approvedAt: null, amountMinor: 30_000 }],
      },
      'en',
    ).toString('utf8');
    expect(csv).toContain('Dîner,A-1,,300.00');
    expect(csv).toContain('"Adjustment (referral bonuses, refunds after a payout)",,,-50.00');
    expect(csv).toContain('Total paid,,,250.00');
  });

  it('renders a PDF statement whatever the script of the deal titles', async () => {
    const pdf = await statementPdf(
      {
        reference: 'SOUK-PO-202611-0001',
        period: '2026-11',
        beneficiary: 'Yasmine Benali',
        ribMasked: '011 •••• 4921',
        status: 'payé',
        amountMinor: 30_000,
        currency: 'MAD',
        paidAt: null,
        failureReason: 'Compte clôturé — code AC04',
        lines: [
          { productTitle: 'عشاء فاخر في مراكش', orderRef: 'A-1', approvedAt: null, amountMinor: 10_000 },
          { productTitle: 'Hammam & spa — Fès', orderRef: 'A-2', approvedAt: new Date(), amountMinor: 20_000 },
        ],
      },
      'ar',
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
