import { describe, expect, it } from 'vitest';
import { stripeSignature, verifyStripeSignature } from './stripe-signature.ts';

// The vector of the Stripe specification.
const secret = 'whsec_test_secret';
const body = '{"id":"evt_test","object":"event"}';
const t = 1700000000;
const v1 = '8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724';

describe('Stripe webhook signature', () => {
  it('reproduces the spec vector', () => {
    expect(stripeSignature(secret, t, body)).toBe(v1);
  });

  it('accepts at t+299 s and refuses at t+301 s', () => {
    const header = `t=${t},v1=${v1}`;
    expect(verifyStripeSignature(header, body, secret, t + 299)).toEqual({ ok: true });
    expect(verifyStripeSignature(header, body, secret, t + 300)).toEqual({ ok: true });
    expect(verifyStripeSignature(header, body, secret, t + 301)).toEqual({ ok: false, reason: 'too_old' });
  });

  it('accepts when any of several v1 matches', () => {
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${v1}`;
    expect(verifyStripeSignature(header, body, secret, t + 1)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, and malformed headers', () => {
    const header = `t=${t},v1=${v1}`;
    expect(verifyStripeSignature(header, body.replace('evt_test', 'evt_other'), secret, t)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyStripeSignature(header, body, 'whsec_other', t)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyStripeSignature(undefined, body, secret, t)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyStripeSignature(`v1=${v1}`, body, secret, t)).toEqual({ ok: false, reason: 'malformed' });
    // Re-serialised JSON (spaces) is not the signed payload.
    expect(verifyStripeSignature(header, JSON.stringify(JSON.parse(body), null, 1), secret, t).ok).toBe(false);
  });
});
