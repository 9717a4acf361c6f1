import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readOrCreateLocalSecret } from './local-secret.ts';

/** The keys files are encrypted under; `current` encrypts new files, the others still decrypt. */
export interface KeyRing {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

const ivLength = 12;
const tagLength = 16;

/**
 * AES-256-GCM with a fresh random IV per file. Stored layout: IV (12) | tag (16) | ciphertext.
 * The key id travels beside the bytes (in the database), so keys can rotate without rewriting.
 */
export function encryptFile(ring: KeyRing, plaintext: Buffer): { keyId: string; data: Buffer } {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error(`No key ${ring.current} in the key ring`);
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { keyId: ring.current, data: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) };
}

/** Throws when the key is unknown or the bytes were altered (GCM authenticates them). */
export function decryptFile(ring: KeyRing, keyId: string, stored: Buffer): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`No key ${keyId} in the key ring`);
  const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(0, ivLength));
  decipher.setAuthTag(stored.subarray(ivLength, ivLength + tagLength));
  return Buffer.concat([decipher.update(stored.subarray(ivLength + tagLength)), decipher.final()]);
}

/**
 * The configured keys, or outside production one key generated once into the data directory
 * (as for the session secret), so documents stay readable across restarts.
 */
export function keyRingFrom(options: {
  keys: ReadonlyMap<string, Buffer> | undefined;
  currentId: string | undefined;
  dataDir: string;
  name: string;
}): KeyRing {
  if (options.keys && options.keys.size > 0) {
    return { current: options.currentId ?? [...options.keys.keys()][0]!, keys: options.keys };
  }
  const local = Buffer.from(readOrCreateLocalSecret(options.dataDir, options.name), 'base64url');
  return { current: 'local', keys: new Map([['local', local]]) };
}
