import { intlLocale } from '../intl';

/**
 * A calendar day in the visitor's language. Billing dates are days in UTC (trial and period
 * ends), so server and browser render the same text.
 */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** Whole days from now until `iso`, never below zero (a trial ending today has 0 days left). */
export function daysUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 86_400_000));
}
