import { randomInt } from 'node:crypto';

/**
 * Voucher codes: 11 symbols from a CSPRNG plus one check symbol, in Crockford's base-32 alphabet
 * (no I, L, O, U: nothing to confuse when read aloud or typed from paper). 55 random bits: not
 * guessable, not sequential. Shown as XXXX-XXXX-XXXX.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomLength = 11;
const codeLength = randomLength + 1;

/**
 * Weighted sum modulo 32 with odd weights: every single wrong symbol changes the sum by an odd
 * multiple of a non-zero difference, which is never 0 mod 32, so any one typo is caught.
 */
function checkSymbol(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    sum += (2 * index + 1) * alphabet.indexOf(body[index] as string);
  }
  return alphabet[sum % 32] as string;
}

export function generateVoucherCode(): string {
  let body = '';
  for (let index = 0; index < randomLength; index++) body += alphabet[randomInt(32)];
  return body + checkSymbol(body);
}

/** As typed or scanned: case, spaces and dashes dropped; O read as 0, I and L as 1. */
export function normalizeVoucherCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export type CodeCheck = { ok: true; code: string } | { ok: false };

/** The canonical code, or not ok when it cannot be a voucher (wrong length, symbol or checksum). */
export function checkVoucherCode(input: string): CodeCheck {
  const code = normalizeVoucherCode(input);
  if (code.length !== codeLength) return { ok: false };
  for (const symbol of code) if (!alphabet.includes(symbol)) return { ok: false };
  if (checkSymbol(code.slice(0, randomLength)) !== code[randomLength]) return { ok: false };
  return { ok: true, code };
}

export function formatVoucherCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
