import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, type KeyRing } from './document-cipher.ts';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe('document cipher', () => {
  it('round-trips, with a fresh IV each time', () => {
    const ring: KeyRing = { current: 'a', keys: new Map([['a', oldKey]]) };
    const plaintext = Buffer.from('CIN BK123456');
    const first = encryptFile(ring, plaintext);
    const second = encryptFile(ring, plaintext);
    expect(first.data.equals(second.data)).toBe(false);
    expect(decryptFile(ring, first.keyId, first.data).equals(plaintext)).toBe(true);
  });

  it('still opens files written under a previous key after rotation', () => {
    const before = encryptFile({ current: 'a', keys: new Map([['a', oldKey]]) }, Buffer.from('old'));
    const rotated: KeyRing = {
      current: 'b',
      keys: new Map([
        ['a', oldKey],
        ['b', newKey],
      ]),
    };
    expect(encryptFile(rotated, Buffer.from('new')).keyId).toBe('b');
    expect(decryptFile(rotated, before.keyId, before.data).toString()).toBe('old');
  });

  it('refuses altered bytes and unknown keys', () => {
    const ring: KeyRing = { current: 'a', keys: new Map([['a', oldKey]]) };
    const { data } = encryptFile(ring, Buffer.from('document'));
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
    expect(() => decryptFile(ring, 'a', data)).toThrow();
    expect(() => decryptFile(ring, 'zz', data)).toThrow(/No key/);
  });
});
