import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe refuses webhooks older than this; so do we. */
export const stripeToleranceSeconds = 300;

/** hex(HMAC-SHA256(secret, `${t}.${rawBody}`)): the `v1` signature of a webhook. */
export function stripeSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${timestamp}.`, 'utf8')
    .update(rawBody)
    .digest('hex');
}

/** The header Stripe sends: `t=<seconds>,v1=<hex>`. Tests and the fake sign with it. */
export function stripeSignatureHeader(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `t=${timestamp},v1=${stripeSignature(secret, timestamp, rawBody)}`;
}

export type StripeSignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'mismatch' | 'too_old' };

/**
 * Checks `Stripe-Signature` against the raw bytes of the body (never re-serialised JSON): any v1
 * may match (Stripe sends several while a secret rotates), compared in constant time, and the
 * timestamp must be at most 300 s old.
 */
export function verifyStripeSignature(
  header: string | undefined,
  rawBody: string | Buffer,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): StripeSignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2).map((piece) => piece.trim());
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(stripeSignature(secret, timestamp, rawBody), 'utf8');
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: 'mismatch' };
  if (nowSeconds - timestamp > stripeToleranceSeconds) return { ok: false, reason: 'too_old' };
  return { ok: true };
}
