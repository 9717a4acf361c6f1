import { describe, expect, it } from 'vitest';
import { pdfSafeText } from './pdf-safe-text.ts';

describe('text for the PDF’s standard font', () => {
  it('keeps French as it is', () => {
    expect(pdfSafeText('Dîner à l’hôtel — 25 €')).toBe('Dîner à l’hôtel — 25 €');
  });

  it('transliterates Arabic the way Moroccan names are written in French', () => {
    expect(pdfSafeText('شاي')).toBe('chai');
    expect(pdfSafeText('حمام مراكش')).toBe('hmam mrakch');
    expect(pdfSafeText('جميلة')).toBe('jmila');
    expect(pdfSafeText('مَطْعَم ٢٠٢٤')).toBe("mt'm 2024");
  });

  it('never leaves a character the font cannot draw', () => {
    const out = pdfSafeText('Café 😀 中文\nligne');
    expect(out).toBe('Café ? ?? ligne');
    for (const char of out) expect(char.codePointAt(0)).toBeLessThan(0x2000);
  });
});
