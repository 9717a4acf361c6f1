import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived links to one document for one viewer: an `<img>` or a new tab can open it without
 * an API call, and a copied link is useless to anyone else and after a few minutes.
 */
export class SignedLinks {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = 300,
  ) {}

  sign(documentId: string, viewerId: string, now = Date.now()): { expires: number; signature: string } {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    return { expires, signature: this.mac(documentId, viewerId, expires) };
  }

  /** `expired` and `invalid` are told apart so the viewer can say "reopen the document". */
  verify(
    documentId: string,
    viewerId: string,
    expires: number,
    signature: string,
    now = Date.now(),
  ): 'valid' | 'expired' | 'invalid' {
    const expected = Buffer.from(this.mac(documentId, viewerId, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return expires * 1000 < now ? 'expired' : 'valid';
  }

  private mac(documentId: string, viewerId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${documentId}.${viewerId}.${expires}`).digest('base64url');
  }
}
