import { describe, expect, it } from 'vitest';
import { directionOf, negotiateLocale } from './locales.ts';

describe('negotiateLocale', () => {
  it('prefers the explicit choice from the cookie', () => {
    expect(negotiateLocale('ar', 'en-US,en;q=0.9')).toBe('ar');
  });

  it('falls back to the best supported Accept-Language', () => {
    expect(negotiateLocale(undefined, 'ar')).toBe('ar');
    expect(negotiateLocale(undefined, 'en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(negotiateLocale(undefined, 'de-DE,de;q=0.9,en;q=0.5,fr;q=0.7')).toBe('fr');
    expect(negotiateLocale(undefined, 'es;q=1, ar;q=0')).toBe('fr');
  });

  it('defaults to French for anything else', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('fr');
    expect(negotiateLocale('klingon', 'de, es')).toBe('fr');
    expect(negotiateLocale(undefined, ';;;,')).toBe('fr');
  });

  it('writes Arabic right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });
});
