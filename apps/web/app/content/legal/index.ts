import type { Locale } from '@souk/contracts/locales';
import { legalAr } from './ar';
import { legalEn } from './en';
import { legalFr } from './fr';
import type { LegalDocuments } from './types';

export { type LegalPage, legalPages, legalVersionDate } from './types';

/** The legal texts live outside the i18n bundle: only the legal pages load them. */
export const legalDocuments: Record<Locale, LegalDocuments> = { fr: legalFr, en: legalEn, ar: legalAr };
