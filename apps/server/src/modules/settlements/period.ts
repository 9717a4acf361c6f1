/** A UTC month `YYYY-MM`: its first instant and the first instant of the next month. */
export function periodBounds(period: string): { start: Date; end: Date } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
}

/** The month before the one `now` falls in. */
export function previousPeriod(now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Orders and commissions older than this before a period's end are no longer looked for. */
export const lookbackDays = 400;

/** round(amount × bps / 10 000), half away from zero, in integers. */
export function shareOf(amountMinor: number, bps: number): number {
  const product = amountMinor * bps;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5_000) / 10_000);
}

export function maskRib(rib: string): string {
  const digits = rib.replace(/\s+/g, '');
  return `${'•'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}
