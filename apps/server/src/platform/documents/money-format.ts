import type { Locale } from '@souk/contracts/locales';

/** "1 250,00 MAD" / "1,250.00 MAD": amounts as people read them in mails and on vouchers. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const tag = locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-MA';
  const amount = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
  return `${amount} ${currency}`;
}
