import { isLocale, type Locale } from '@souk/contracts/locales';

/**
 * The Intl locale for a UI locale. Arabic in the Maghreb is written with Western digits, which
 * the bare "ar" locale would replace by Eastern Arabic ones.
 */
export function intlLocale(locale: string): string {
  const known: Locale = isLocale(locale) ? locale : 'fr';
  return known === 'ar' ? 'ar-u-nu-latn' : known;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number formatter for a UI locale, made once per locale and options: creating one costs far
 * more than formatting with it (the first one of a locale loads its data), and a page of deals
 * formats dozens of prices while it hydrates.
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${intlLocale(locale)} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 60 * 60 * 24 * 365],
  ['month', 60 * 60 * 24 * 30],
  ['week', 60 * 60 * 24 * 7],
  ['day', 60 * 60 * 24],
  ['hour', 60 * 60],
  ['minute', 60],
];

export function formatRelative(date: Date, now: number, locale: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

export function formatDateTime(date: Date, locale: string, timeZone?: string): string {
  // Spelled out field by field: Intl refuses a time zone name alongside dateStyle/timeStyle.
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(date);
}
