import { describe, expect, it } from 'vitest';
import { normalizeSearchText, searchTerms, slugify } from './text-normalization.ts';

describe('search text normalisation', () => {
  it('folds case and Latin accents', () => {
    expect(normalizeSearchText('Fès, Été À LA PLAGE — Crème brûlée')).toBe('fes ete a la plage creme brulee');
  });

  it('removes Arabic tashkeel and tatweel and unifies alef forms, alef maqsura and teh marbuta', () => {
    expect(normalizeSearchText('تَدْلِيك')).toBe('تدليك');
    expect(normalizeSearchText('مـــراكش')).toBe('مراكش');
    expect(normalizeSearchText('أحمد إسترخاء آمن')).toBe('احمد استرخاء امن');
    expect(normalizeSearchText('مستشفى')).toBe(normalizeSearchText('مستشفي'));
    expect(normalizeSearchText('مدرسة')).toBe(normalizeSearchText('مدرسه'));
  });

  it('keeps at most 8 words and drops punctuation', () => {
    expect(searchTerms("l'hammam, (spa) & massage!")).toEqual(['l', 'hammam', 'spa', 'massage']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('makes Latin slugs, empty when nothing Latin is left', () => {
    expect(slugify('Dîner au riad : menu « royal » !')).toBe('diner-au-riad-menu-royal');
    expect(slugify('عشاء في الرياض')).toBe('');
  });
});
