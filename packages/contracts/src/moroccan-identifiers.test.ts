import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierProblemMessages } from './identifier-messages.ts';
import { checkKycData, missingFields } from './kyc.ts';
import { locales } from './locales.ts';
import {
  checkDigitsFor,
  ibanForRib,
  mod97,
  validateBankAccount,
  validateCin,
  validateIce,
  validateMoroccanIban,
  validateMoroccanPhone,
  validateRib,
} from './moroccan-identifiers.ts';

/** The worked examples of the identifiers spec, as fixtures. */
const spec = {
  validIce: '001561191000066',
  invalidIce: '001561191000065',
  validRib: '011 519 0000012050005349 21',
  validIban: 'MA64 0115 1900 0001 2050 0053 4921',
  invalidIban: 'MA65 0115 1900 0001 2050 0053 4921',
};

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** Changes one digit of a string to a different digit. */
const withOneDigitChanged = (value: string) =>
  fc.tuple(fc.integer({ min: 0, max: value.length - 1 }), fc.integer({ min: 1, max: 9 })).map(([index, shift]) => {
    const changed = (Number(value[index]) + shift) % 10;
    return `${value.slice(0, index)}${changed}${value.slice(index + 1)}`;
  });

describe('mod 97', () => {
  it('matches big-integer arithmetic for any digit string', () => {
    fc.assert(fc.property(digits(40), (value) => mod97(value) === Number(BigInt(value) % 97n)));
  });
});

describe('ICE', () => {
  it('accepts the spec example and rejects its one-digit variant', () => {
    expect(validateIce(spec.validIce)).toEqual({ ok: true, value: spec.validIce });
    expect(validateIce(spec.invalidIce)).toEqual({ ok: false, problem: 'ice_checksum' });
  });

  it('rejects wrong lengths and letters as a format problem', () => {
    expect(validateIce('00156119100006')).toEqual({ ok: false, problem: 'ice_format' });
    expect(validateIce('00156119100006A')).toEqual({ ok: false, problem: 'ice_format' });
    expect(validateIce('  ')).toEqual({ ok: false, problem: 'required' });
  });

  it('passes for the computed check digits of any 13 digits', () => {
    fc.assert(fc.property(digits(13), (first) => validateIce(`${first}${checkDigitsFor(first)}`).ok));
  });

  it('fails when any single digit of a valid ICE changes', () => {
    fc.assert(
      fc.property(
        digits(13).chain((first) => withOneDigitChanged(`${first}${checkDigitsFor(first)}`)),
        (changed) => !validateIce(changed).ok,
      ),
    );
  });
});

describe('RIB', () => {
  it('accepts the spec example (key 21, which a formula without x100 would reject)', () => {
    expect(validateRib(spec.validRib)).toEqual({ ok: true, value: '011519000001205000534921' });
    expect(checkDigitsFor('0115190000012050005349')).toBe('21');
  });

  it('rejects a wrong key and a wrong length', () => {
    expect(validateRib('011519000001205000534922')).toEqual({ ok: false, problem: 'rib_key' });
    expect(validateRib('01151900000120500053492')).toEqual({ ok: false, problem: 'rib_format' });
  });

  it('fails when any single digit of a valid RIB changes', () => {
    fc.assert(
      fc.property(
        digits(22).chain((first) => withOneDigitChanged(`${first}${checkDigitsFor(first)}`)),
        (changed) => !validateRib(changed).ok,
      ),
    );
  });
});

describe('IBAN (Morocco)', () => {
  it('accepts the spec example and gives its RIB; rejects MA65', () => {
    expect(validateMoroccanIban(spec.validIban)).toEqual({ ok: true, value: '011519000001205000534921' });
    expect(validateMoroccanIban(spec.invalidIban)).toEqual({ ok: false, problem: 'iban_checksum' });
  });

  it('computes the spec IBAN from its RIB', () => {
    expect(ibanForRib('011519000001205000534921')).toBe(spec.validIban.replace(/\s/g, ''));
  });

  it('rejects an IBAN valid mod 97 whose inner RIB key is wrong', () => {
    const badRib = '011519000001205000534922';
    const iban = ibanForRib(badRib);
    // The IBAN's own check digits hold: a generic IBAN library would accept it.
    expect(mod97(`${iban.slice(4)}2210${iban.slice(2, 4)}`)).toBe(1);
    expect(validateMoroccanIban(iban)).toEqual({ ok: false, problem: 'iban_rib_key' });
  });

  it('round-trips any valid RIB through its IBAN', () => {
    fc.assert(
      fc.property(digits(22), (first) => {
        const rib = `${first}${checkDigitsFor(first)}`;
        const result = validateMoroccanIban(ibanForRib(rib));
        return result.ok && result.value === rib;
      }),
    );
  });

  it('takes either form as a bank account', () => {
    expect(validateBankAccount(spec.validIban)).toEqual(validateBankAccount(spec.validRib));
    expect(validateBankAccount('MA12 34')).toEqual({ ok: false, problem: 'iban_format' });
  });
});

describe('CIN', () => {
  it('accepts one or two letters then digits, leniently', () => {
    for (const cin of ['A123456', 'BK123456', 'K45678', ' bk 123456 ']) expect(validateCin(cin).ok).toBe(true);
    expect(validateCin(' bk 123456 ')).toEqual({ ok: true, value: 'BK123456' });
  });

  it('rejects other shapes', () => {
    for (const cin of ['123456', 'ABC12345', 'A1234567', 'A12-34', 'BK']) {
      expect(validateCin(cin)).toEqual({ ok: false, problem: 'cin_format' });
    }
  });
});

describe('phone', () => {
  it('normalises Moroccan mobile, fixed and VoIP numbers to E.164', () => {
    expect(validateMoroccanPhone('06 12 34 56 78')).toEqual({ ok: true, value: '+212612345678' });
    expect(validateMoroccanPhone('+212 7 12 34 56 78')).toEqual({ ok: true, value: '+212712345678' });
    expect(validateMoroccanPhone('0522 12 34 56').ok).toBe(true);
  });

  it('rejects 0512… and foreign numbers', () => {
    expect(validateMoroccanPhone('0512 34 56 78')).toEqual({ ok: false, problem: 'phone_invalid' });
    expect(validateMoroccanPhone('+33 6 12 34 56 78')).toEqual({ ok: false, problem: 'phone_not_moroccan' });
  });
});

describe('KYC data', () => {
  it('normalises good fields and names each bad one', () => {
    const { data, problems } = checkKycData('company', {
      ice: spec.invalidIce,
      bankAccount: spec.validIban,
      companyName: '  Atlas   Spa ',
      legalName: 'ignored: not a company field',
    });
    expect(data).toEqual({ bankAccount: '011519000001205000534921', companyName: 'Atlas Spa' });
    expect(problems).toEqual([{ field: 'ice', problem: 'ice_checksum' }]);
  });

  it('refuses a minor and an impossible date', () => {
    const soon = new Date();
    soon.setUTCFullYear(soon.getUTCFullYear() - 17);
    for (const birthDate of [soon.toISOString().slice(0, 10), '2001-02-30', '1.2.1990']) {
      expect(checkKycData('individual', { birthDate }).problems).toEqual([
        { field: 'birthDate', problem: 'birth_date' },
      ]);
    }
  });

  it('lists missing required fields only', () => {
    expect(missingFields('individual', { legalName: 'A' })).not.toContain('autoEntrepreneurNumber');
    expect(missingFields('individual', { legalName: 'A' })).toContain('bankAccount');
  });

  it('has a message for every problem in every language', () => {
    for (const locale of locales) {
      for (const message of Object.values(identifierProblemMessages[locale])) expect(message.length).toBeGreaterThan(5);
      expect(Object.keys(identifierProblemMessages[locale])).toEqual(Object.keys(identifierProblemMessages.fr));
    }
  });
});
