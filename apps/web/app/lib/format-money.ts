import { numberFormat } from './intl';

/** Integer minor units to a price in the visitor's language (e.g. 299,00 MAD / MAD 299.00). */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string,
  options: { whole?: boolean } = {},
): string {
  const digits = options.whole && minor % 100 === 0 ? 0 : 2;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 100);
}

/** Basis points as a percentage: 500 -> "5 %" in French, "5%" in English. */
export function formatBasisPoints(bps: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}
