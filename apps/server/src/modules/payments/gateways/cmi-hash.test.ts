import { describe, expect, it } from 'vitest';
import { cmiHashPlaintext, cmiRequestHash, cmiResponseHash, naturalCaseCompare, verifyCmiHash } from './cmi-hash.ts';

// The two vectors of the CMI specification, verbatim.
const requestVector: Record<string, string> = {
  clientid: '600000000',
  storetype: '3D_PAY_HOSTING',
  TranType: 'PreAuth',
  amount: '150.00',
  currency: '504',
  oid: 'ORD-2024-0001',
  okUrl: 'https://shop.example.ma/pay/ok',
  failUrl: 'https://shop.example.ma/pay/fail',
  callbackUrl: 'https://shop.example.ma/pay/cmi/callback',
  shopurl: 'https://shop.example.ma',
  lang: 'fr',
  rnd: '0.12345600 1700000000',
  hashAlgorithm: 'ver3',
  encoding: 'UTF-8',
  BillToName: 'Fatima Zahra El Idrissi',
  email: 'client@example.ma',
  tel: '0612345678',
  BillToCompany: 'ACME | SARL',
  BillToStreet1: '12 Rue \\ Allal',
  AutoRedirect: 'true',
  CallbackResponse: 'true',
};

const callbackVector: Record<string, string> = {
  'EXTRA.TRXDATE': '20240101 10:00:00',
  'EXTRA.CARDBRAND': 'VISA',
  ProcReturnCode: '00',
  Response: 'Approved',
  AuthCode: '123456',
  TransId: '24001ABC',
  HASH: 'x',
  mdStatus: '1',
  amount: '150.00',
  oid: 'ORD-1',
  clientid: '600000000',
  BillToStreet2: 'b',
  BillToStreet12: 'c',
  BillToStreet1: 'a',
  acqbin: '',
  Ecom_Payment_Card_ExpDate_Year: '26',
  _charset: 'UTF-8',
};

describe('CMI hash ver3', () => {
  it('reproduces the request vector (store key TEST1234)', () => {
    expect(cmiHashPlaintext(requestVector, 'TEST1234', true)).toBe(
      '150.00|true|ACME \\| SARL|Fatima Zahra El Idrissi|12 Rue \\\\ Allal|true|https://shop.example.ma/pay/cmi/callback|600000000|504|client@example.ma|https://shop.example.ma/pay/fail|ver3|fr|ORD-2024-0001|https://shop.example.ma/pay/ok|0.12345600 1700000000|https://shop.example.ma|3D_PAY_HOSTING|0612345678|PreAuth|TEST1234',
    );
    expect(cmiRequestHash(requestVector, 'TEST1234')).toBe(
      'P7Dcy+IeLWeE55w1cbjZ04AlMu5wmUu2BDLnMxe/Qs31XWEuf+UzaRTVa7XxT9lPLzXkIHs+pS6H4rsrmpMI/A==',
    );
  });

  it('reproduces the callback vector (store key a|b\\c, HASH dropped, natural order)', () => {
    expect(cmiHashPlaintext(callbackVector, 'a|b\\c', false)).toBe(
      '|150.00|123456|a|b|c|600000000|26|VISA|20240101 10:00:00|1|ORD-1|00|Approved|24001ABC|UTF-8|a\\|b\\\\c',
    );
    expect(cmiResponseHash(callbackVector, 'a|b\\c')).toBe(
      'vmAd+r5hEsULgMriyV97Ca9MWux2lfVsNvXLgO3oSzpX4LQcfQHeX0ELl+yBrMQ9GsO6cf3D6aYw7H8PrPrx6w==',
    );
  });

  it('sorts like PHP natcasesort, not like a plain or lower-case sort', () => {
    const names = ['BillToStreet12', '_charset', 'BillToStreet2', 'amount', 'BillToStreet1', 'Ecom_X', 'EXTRA.A'];
    expect([...names].sort(naturalCaseCompare)).toEqual([
      'amount',
      'BillToStreet1',
      'BillToStreet2',
      'BillToStreet12',
      'Ecom_X',
      'EXTRA.A',
      '_charset',
    ]);
  });

  it('verifies a signed callback and refuses one with a changed value', () => {
    const signed = { ...callbackVector, HASH: cmiResponseHash(callbackVector, 'key') };
    expect(verifyCmiHash(signed, 'key')).toBe(true);
    expect(verifyCmiHash({ ...signed, amount: '1.00' }, 'key')).toBe(false);
    expect(verifyCmiHash(signed, 'other-key')).toBe(false);
    expect(verifyCmiHash({ ...signed, HASH: '' }, 'key')).toBe(false);
  });
});
