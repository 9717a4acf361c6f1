import { decryptFile, encryptFile, type KeyRing } from '../../platform/crypto/document-cipher.ts';

/**
 * Social network tokens at rest: AES-256-GCM under the configured key ring, stored as
 * `<keyId>.<base64url(iv | tag | ciphertext)>` so keys can rotate without rewriting rows.
 */
export class TokenVault {
  constructor(private readonly ring: KeyRing) {}

  seal(token: string): string {
    const { keyId, data } = encryptFile(this.ring, Buffer.from(token, 'utf8'));
    return `${keyId}.${data.toString('base64url')}`;
  }

  open(sealed: string): string {
    const dot = sealed.indexOf('.');
    if (dot < 1) throw new Error('Not a sealed token');
    return decryptFile(this.ring, sealed.slice(0, dot), Buffer.from(sealed.slice(dot + 1), 'base64url')).toString(
      'utf8',
    );
  }
}
