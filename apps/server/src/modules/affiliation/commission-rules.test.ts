import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionAfterRefund, commissionAmount, mulDivHalfUp, ruleFor } from './commission-rules.ts';

const percent = (basisPoints: number) => ({ type: 'percentage' as const, basisPoints });

describe('commission rules', () => {
  it('takes 10 % of 1,000.00 MAD as exactly 100.00 MAD', () => {
    const rule = ruleFor({ productCommission: percent(1000), override: null, minMinor: null, maxMinor: null }, 100_000);
    expect(rule?.source).toBe('product');
    expect(commissionAmount(rule as NonNullable<typeof rule>)).toBe(10_000);
  });

  it('rounds half-up on the centime', () => {
    // 12.5 % of 0.05 MAD = 0.625 centimes -> 1; 12.5 % of 0.03 = 0.375 -> 0; 2.5 % of 0.20 = 0.5 -> 1.
    expect(mulDivHalfUp(5, 1250, 10_000)).toBe(1);
    expect(mulDivHalfUp(3, 1250, 10_000)).toBe(0);
    expect(mulDivHalfUp(20, 250, 10_000)).toBe(1);
    expect(mulDivHalfUp(19, 250, 10_000)).toBe(0);
  });

  it('lets an influencer override win and applies the minimum then the cap', () => {
    const base = { productCommission: percent(1000), minMinor: 500, maxMinor: 2_000 };
    const override = ruleFor({ ...base, override: { type: 'fixed', amountMinor: 3_000 } }, 100_000);
    expect(override?.source).toBe('override');
    expect(commissionAmount(override as NonNullable<typeof override>)).toBe(2_000);
    const small = ruleFor({ ...base, override: null }, 1_000);
    expect(commissionAmount(small as NonNullable<typeof small>)).toBe(500);
  });

  it('never pays more than the sale, and nothing without a rule', () => {
    const rule = ruleFor(
      { productCommission: { type: 'fixed', amountMinor: 5_000 }, override: null, minMinor: null, maxMinor: null },
      1_000,
    );
    expect(commissionAmount(rule as NonNullable<typeof rule>)).toBe(1_000);
    expect(ruleFor({ productCommission: null, override: null, minMinor: null, maxMinor: null }, 1_000)).toBeNull();
  });

  it('shrinks a commission in proportion to a partial refund, to zero on a full one', () => {
    expect(commissionAfterRefund(10_000, 100_000, 25_000)).toBe(7_500);
    expect(commissionAfterRefund(10_000, 100_000, 100_000)).toBe(0);
    expect(commissionAfterRefund(333, 1_000, 1)).toBe(333);
  });

  it('matches exact rational rounding for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = (BigInt(amount) * BigInt(bp) * 10n) / 10_000n; // tenths of a centime
        const expected = Number(exact / 10n) + (exact % 10n >= 5n ? 1 : 0);
        expect(mulDivHalfUp(amount, bp, 10_000)).toBe(expected);
      }),
    );
  });
});
