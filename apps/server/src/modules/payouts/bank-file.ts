import type { Executor } from '../../platform/db/database.ts';
import type { PayoutProvider, TransferBatch, TransferFile } from './ports.ts';
import { type Cell, xlsxWorkbook } from './xlsx.ts';

const header = ['beneficiary', 'rib', 'amount', 'currency', 'reference'];

/** Minor units as the bank reads an amount: "1250.00", a dot, no grouping. */
export function decimalAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** RFC 4180 field; a leading formula character (not a negative amount) is neutralised so a spreadsheet never evaluates it. */
export function csvField(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLines(rows: string[][]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The default provider: Moroccan bulk transfers ("virement de masse") go through the platform's
 * bank as a file with beneficiary, RIB, amount and reference; the outcome of each transfer comes
 * back from the bank's report and an admin marks the line paid or failed.
 */
export class BankFileProvider implements PayoutProvider {
  readonly id = 'bank_file';

  async submit(_batch: TransferBatch, _executor: Executor): Promise<Map<string, string>> {
    // Nothing leaves by itself: the file is downloaded and handed to the bank.
    return new Map();
  }

  transferFile(batch: TransferBatch, format: 'csv' | 'xlsx'): TransferFile {
    const name = `souk-payouts-${batch.period}`;
    if (format === 'csv') {
      const rows = batch.transfers.map((t) => [
        t.beneficiary,
        t.rib,
        decimalAmount(t.amountMinor),
        t.currency,
        t.reference,
      ]);
      return {
        filename: `${name}.csv`,
        contentType: 'text/csv; charset=utf-8',
        // A byte-order mark so spreadsheet programs read accented names as UTF-8.
        body: Buffer.from(`\uFEFF${csvLines([header, ...rows])}`, 'utf8'),
      };
    }
    const rows: Cell[][] = [
      header,
      // RIBs stay text: as numbers a spreadsheet would drop their leading zeros and digits.
      ...batch.transfers.map((t) => [t.beneficiary, t.rib, t.amountMinor / 100, t.currency, t.reference]),
    ];
    return {
      filename: `${name}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: xlsxWorkbook(`Payouts ${batch.period}`, rows, [2]),
    };
  }
}
