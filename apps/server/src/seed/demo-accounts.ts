import type { AccountType } from '@souk/contracts/identity';
import type { Locale } from '@souk/contracts/locales';

/** The password of every demo account; printed at start, never used outside demo data. */
export const demoPassword = 'souk-demo-2026';

export interface DemoAccount {
  label: string;
  name: string;
  email: string;
  role: 'admin' | 'user';
  accountType: AccountType | null;
  locale: Locale;
}

export const demoAccounts: DemoAccount[] = [
  { label: 'admin', name: 'Salma Admin', email: 'admin@souk.test', role: 'admin', accountType: null, locale: 'fr' },
  {
    label: 'merchant',
    name: 'Atlas Spa Marrakech',
    email: 'merchant@souk.test',
    role: 'user',
    accountType: 'merchant',
    locale: 'fr',
  },
  {
    label: 'merchant',
    name: 'Dar Tajine Casablanca',
    email: 'merchant2@souk.test',
    role: 'user',
    accountType: 'merchant',
    locale: 'ar',
  },
  {
    label: 'merchant',
    name: 'Oasis Loisirs & Voyages',
    email: 'merchant3@souk.test',
    role: 'user',
    accountType: 'merchant',
    locale: 'fr',
  },
  {
    label: 'influencer',
    name: 'Yasmine Benali',
    email: 'influencer@souk.test',
    role: 'user',
    accountType: 'influencer',
    locale: 'fr',
  },
  {
    label: 'influencer',
    name: 'Omar Travels',
    email: 'influencer2@souk.test',
    role: 'user',
    accountType: 'influencer',
    locale: 'en',
  },
];
