import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Validators for Moroccan identifiers (ICE, RIB, IBAN MA, CIN, phone, RC, IF), shared by the web
 * form (checks as the person types) and the server (checks again). Each returns the normalised
 * value or the reason it is wrong; the reason is a key of `identifierProblemMessages`.
 */
export type IdentifierProblem =
  | 'required'
  | 'ice_format'
  | 'ice_checksum'
  | 'rib_format'
  | 'rib_key'
  | 'iban_format'
  | 'iban_checksum'
  | 'iban_rib_key'
  | 'cin_format'
  | 'phone_invalid'
  | 'phone_not_moroccan'
  | 'rc_format'
  | 'if_format'
  | 'birth_date'
  | 'too_long';

export type IdentifierResult = { ok: true; value: string } | { ok: false; problem: IdentifierProblem };

const ok = (value: string): IdentifierResult => ({ ok: true, value });
const fail = (problem: IdentifierProblem): IdentifierResult => ({ ok: false, problem });

/** Spaces, dots and dashes people type to group digits carry no meaning. */
function compact(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/** The remainder by 97 of a digit string of any length, digit by digit (no floating point). */
export function mod97(digits: string): number {
  let remainder = 0;
  for (const character of digits) remainder = (remainder * 10 + (character.charCodeAt(0) - 48)) % 97;
  return remainder;
}

/** The two check digits completing 13 ICE digits (or 22 RIB digits): the whole then is 0 mod 97. */
export function checkDigitsFor(digits: string): string {
  return String((97 - mod97(`${digits}00`)) % 97).padStart(2, '0');
}

export function validateIce(input: string): IdentifierResult {
  const value = compact(input);
  if (value === '') return fail('required');
  if (!/^\d{15}$/.test(value)) return fail('ice_format');
  return mod97(value) === 0 ? ok(value) : fail('ice_checksum');
}

export function validateRib(input: string): IdentifierResult {
  const value = compact(input);
  if (value === '') return fail('required');
  if (!/^\d{24}$/.test(value)) return fail('rib_format');
  return mod97(value) === 0 ? ok(value) : fail('rib_key');
}

/** ISO 13616 check: first four characters moved to the end, letters as 10..35, mod 97 == 1. */
function ibanChecksumHolds(iban: string): boolean {
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/**
 * A Moroccan IBAN, checked twice: the IBAN's own digits and the RIB key inside it, which generic
 * IBAN libraries skip. The value returned is the inner RIB (what payouts use).
 */
export function validateMoroccanIban(input: string): IdentifierResult {
  const value = compact(input).toUpperCase();
  if (value === '') return fail('required');
  if (!/^MA\d{26}$/.test(value)) return fail('iban_format');
  if (!ibanChecksumHolds(value)) return fail('iban_checksum');
  const rib = value.slice(4);
  return mod97(rib) === 0 ? ok(rib) : fail('iban_rib_key');
}

/** The IBAN for a RIB: MA + 98 - ((RIB + "MA00" as digits) mod 97). */
export function ibanForRib(rib: string): string {
  // M = 22, A = 10, then the check digits as 00.
  const check = 98 - mod97(`${rib}221000`);
  return `MA${String(check).padStart(2, '0')}${rib}`;
}

/** Either a 24-digit RIB or an MA IBAN; both give the RIB. */
export function validateBankAccount(input: string): IdentifierResult {
  const value = compact(input).toUpperCase();
  if (value === '') return fail('required');
  return value.startsWith('MA') ? validateMoroccanIban(value) : validateRib(value);
}

/** No public checksum: a lenient format check, and a reviewer looks at the card. */
export function validateCin(input: string): IdentifierResult {
  const value = input.replace(/\s/g, '').toUpperCase();
  if (value === '') return fail('required');
  return /^[A-Z]{1,2}\d{1,6}$/.test(value) ? ok(value) : fail('cin_format');
}

/** A Moroccan number in E.164, read with libphonenumber's metadata (mobile, fixed or VoIP). */
export function validateMoroccanPhone(input: string): IdentifierResult {
  const value = input.trim();
  if (value === '') return fail('required');
  const phone = parsePhoneNumberFromString(value, 'MA');
  if (!phone?.isValid()) return fail('phone_invalid');
  if (phone.country !== 'MA') return fail('phone_not_moroccan');
  return ok(phone.number);
}

/** Registre de commerce: a sequential number, scoped to a court (stored apart). */
export function validateRcNumber(input: string): IdentifierResult {
  const value = input.replace(/\s/g, '');
  if (value === '') return fail('required');
  return /^\d{1,8}$/.test(value) ? ok(value) : fail('rc_format');
}

/** Identifiant fiscal (also the VAT identifier): typically 7 or 8 digits. */
export function validateTaxId(input: string): IdentifierResult {
  const value = input.replace(/\s/g, '');
  if (value === '') return fail('required');
  return /^\d{7,8}$/.test(value) ? ok(value) : fail('if_format');
}
