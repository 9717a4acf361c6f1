import { voucherCodePattern } from '@souk/contracts/payments';
import { describe, expect, it } from 'vitest';
import { checkVoucherCode, formatVoucherCode, generateVoucherCode } from './voucher-codes.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('voucher codes', () => {
  it('are well formed, checksummed and all different', () => {
    const codes = new Set<string>();
    for (let index = 0; index < 2000; index++) {
      const code = generateVoucherCode();
      expect(checkVoucherCode(code)).toEqual({ ok: true, code });
      expect(formatVoucherCode(code)).toMatch(voucherCodePattern);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('catch every single wrong character', () => {
    for (let round = 0; round < 50; round++) {
      const code = generateVoucherCode();
      for (let position = 0; position < code.length; position++) {
        for (const symbol of alphabet) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          expect(checkVoucherCode(typo).ok).toBe(false);
        }
      }
    }
  });

  it('read what people type: lower case, dashes, spaces, O for 0 and I/L for 1', () => {
    const code = `0${generateVoucherCode().slice(1, 11)}`;
    // Recompute a valid code whose first symbol is 0 and check that "o" is read as it.
    const valid = [...alphabet].map((last) => code + last).find((candidate) => checkVoucherCode(candidate).ok);
    expect(valid).toBeDefined();
    const typed = ` o${formatVoucherCode(valid as string)
      .slice(1)
      .toLowerCase()} `;
    expect(checkVoucherCode(typed)).toEqual({ ok: true, code: valid });
    expect(checkVoucherCode('ABC').ok).toBe(false);
    expect(checkVoucherCode('UUUU-UUUU-UUUU').ok).toBe(false);
  });
});
