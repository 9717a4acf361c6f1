export const legalPages = ['terms', 'sales-conditions', 'privacy', 'notice'] as const;
export type LegalPage = (typeof legalPages)[number];

export interface LegalDocument {
  title: string;
  description: string;
  sections: { heading: string; paragraphs: string[] }[];
}

export type LegalDocuments = Record<LegalPage, LegalDocument>;

/** Date of the current version of the texts, shown on every legal page. */
export const legalVersionDate = '2026-11-01';
