import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A guest reads their order with a token derived from the order id and the server's secret:
 * nothing to store, the same token every time (a retried checkout gets it again), and it cannot
 * be forged or guessed from the id.
 */
export class OrderAccessTokens {
  constructor(private readonly secret: string) {}

  issue(orderId: string): string {
    return createHmac('sha256', this.secret).update(`order-access:${orderId}`).digest('base64url');
  }

  verify(orderId: string, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.issue(orderId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
