/*
 * Search text is folded in the app, not with PostgreSQL's `unaccent`: PGlite does not ship it,
 * and Arabic needs more than accents removed. The same function folds the stored documents and
 * every query, so "Fès", "fes" and "FES" meet, and so do "أحمد" and "احمد".
 */

/** Arabic short vowels and other marks (tashkeel, Quranic annotations, superscript alef). */
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const tatweel = /\u0640/g;
/** Alef with hamza above/below or madda, and wasla: all read as a bare alef in search. */
const alefForms = /[\u0622\u0623\u0625\u0671]/g;

export function normalizeSearchText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Combining marks left by NFKD: é -> e, ç -> c.
      .replace(/[\u0300-\u036f]/g, '')
      .replace(arabicMarks, '')
      .replace(tatweel, '')
      .replace(alefForms, '\u0627')
      // Alef maqsura and teh marbuta are commonly typed as yeh and heh.
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647')
      .toLowerCase()
      .replace(/['’`]/g, ' ')
      // Letters and digits of any script survive; punctuation becomes a separator.
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** The words of a query, folded, at most 8 (a longer query is not a search, it is a paste). */
export function searchTerms(query: string): string[] {
  return normalizeSearchText(query)
    .split(' ')
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** A URL name from a title: Latin letters and digits only; empty when nothing Latin is left. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}
