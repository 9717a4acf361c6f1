import { describe, expect, it } from 'vitest';
import { maskRib, periodBounds, previousPeriod, shareOf } from './period.ts';
import { money, toCsv } from './settlement-queries.ts';

describe('settlement arithmetic', () => {
  it('bounds a month in UTC, across the year end', () => {
    expect(periodBounds('2026-12')).toEqual({
      start: new Date('2026-12-01T00:00:00.000Z'),
      end: new Date('2027-01-01T00:00:00.000Z'),
    });
    expect(previousPeriod(new Date('2027-01-01T04:30:00Z'))).toBe('2026-12');
    expect(previousPeriod(new Date('2026-03-31T23:59:59Z'))).toBe('2026-02');
  });

  it('takes a share in integers, half away from zero, the same both ways', () => {
    expect(shareOf(100_000, 1000)).toBe(10_000);
    expect(shareOf(12_345, 500)).toBe(617); // 617.25
    expect(shareOf(15, 5000)).toBe(8); // 7.5 rounds up
    expect(shareOf(-15, 5000)).toBe(-8);
    expect(shareOf(-12_345, 500)).toBe(-shareOf(12_345, 500));
    expect(shareOf(0, 1000)).toBe(0);
  });

  it('writes money and CSV cells safely', () => {
    expect(money(123_456)).toBe('1234.56');
    expect(money(-5)).toBe('-0.05');
    expect(toCsv([['=HYPERLINK("x")', 'a,b', 'plain']])).toBe(`"'=HYPERLINK(""x"")","a,b",plain\r\n`);
    expect(maskRib('011 780 0000123456789012 34')).toBe(`${'•'.repeat(20)}1234`);
  });
});
