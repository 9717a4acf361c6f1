import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LedgerEntryInput, LedgerPostingError, validatePosting } from './ledger-service.ts';

const balanced = fc
  .array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 })
  .map((amounts): LedgerEntryInput[] => [
    ...amounts.map((amountMinor) => ({ account: 'gateway_clearing' as const, amountMinor, currency: 'MAD' })),
    {
      account: 'merchant_payable' as const,
      ownerId: 'org',
      amountMinor: -amounts.reduce((sum, amount) => sum + amount, 0),
      currency: 'MAD',
    },
  ]);

describe('ledger postings', () => {
  it('accepts any set of integer entries that sums to zero, refuses it once any amount is off', () => {
    fc.assert(
      fc.property(balanced, fc.nat(), fc.integer({ min: -1000, max: 1000 }).filter(Boolean), (entries, pick, delta) => {
        expect(validatePosting({ kind: 'k', reference: 'r', entries })).toHaveLength(entries.length);
        const tampered = entries.map((entry, index) =>
          index === pick % entries.length ? { ...entry, amountMinor: entry.amountMinor + delta } : entry,
        );
        if (tampered.some((entry) => entry.amountMinor === 0)) return;
        expect(() => validatePosting({ kind: 'k', reference: 'r', entries: tampered })).toThrow(LedgerPostingError);
      }),
    );
  });

  it('refuses fractions, unknown accounts, owners on platform accounts and single entries', () => {
    const post = (entries: LedgerEntryInput[]) => () => validatePosting({ kind: 'k', reference: 'r', entries });
    expect(
      post([
        { account: 'bank', amountMinor: 0.5, currency: 'MAD' },
        { account: 'gateway_clearing', amountMinor: -0.5, currency: 'MAD' },
      ]),
    ).toThrow(/not integer/);
    expect(
      post([
        { account: 'cash' as never, amountMinor: 1, currency: 'MAD' },
        { account: 'bank', amountMinor: -1, currency: 'MAD' },
      ]),
    ).toThrow(/unknown account/);
    expect(
      post([
        { account: 'bank', ownerId: 'someone', amountMinor: 1, currency: 'MAD' },
        { account: 'gateway_clearing', amountMinor: -1, currency: 'MAD' },
      ]),
    ).toThrow(/platform account/);
    expect(
      post([
        { account: 'bank', amountMinor: 1, currency: 'MAD' },
        { account: 'gateway_fees', amountMinor: 0, currency: 'MAD' },
      ]),
    ).toThrow(/two non-zero entries/);
    expect(
      post([
        { account: 'bank', amountMinor: 1, currency: 'mad' },
        { account: 'gateway_clearing', amountMinor: -1, currency: 'mad' },
      ]),
    ).toThrow(/ISO code/);
  });
});
