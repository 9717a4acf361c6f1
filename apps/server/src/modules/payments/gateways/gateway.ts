import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type { GatewayId, PaymentStart } from '@souk/contracts/payments';

/** What a gateway needs to start a payment for an order. */
export interface StartPaymentInput {
  orderId: string;
  /** Sent as the gateway's order id (CMI `oid`). */
  reference: string;
  attemptId: string;
  amountMinor: number;
  currency: Currency;
  quantity: number;
  description: string;
  locale: Locale;
  buyer: { name: string; email: string; phone: string };
  /** Absolute URLs: where the buyer comes back, where the gateway reports. */
  urls: { ok: string; fail: string; callback: string; shop: string };
}

export interface StartedPayment {
  start: PaymentStart;
  /** The gateway's own id for this attempt when it gives one now (Stripe session id). */
  gatewayReference: string | null;
}

/** A verified message from a gateway about a payment. */
export interface PaymentNotification {
  /** Our order reference (CMI oid) or id (Stripe client_reference_id). */
  orderKey: { reference: string } | { id: string };
  outcome: 'approved' | 'declined' | 'pending';
  /** As the gateway states it; null when the message carries none. */
  amountMinor: number | null;
  currency: Currency | null;
  gatewayReference: string | null;
  paymentReference: string | null;
  message: string | null;
  /** Stripe event id (deduplicated); CMI callbacks have none. */
  eventId: string | null;
  eventType: string;
}

export interface RefundInput {
  reference: string;
  paymentReference: string | null;
  amountMinor: number;
  currency: Currency;
  /** Stable across retries of the same refund: the gateway applies it once. */
  idempotencyKey: string;
}

export type GatewayFailureKind = 'timeout' | 'refused' | 'unavailable';

/** A gateway call that did not succeed; `timeout` means it may or may not have happened. */
export class GatewayFailure extends Error {
  constructor(
    readonly kind: GatewayFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayFailure';
  }
}

/** A message that claims to come from a gateway but does not verify. */
export class NotificationRejected extends Error {
  constructor(
    readonly reason: string,
    readonly orderKey: { reference: string } | null = null,
  ) {
    super(reason);
    this.name = 'NotificationRejected';
  }
}

/** One card gateway behind the same four operations. */
export interface PaymentGateway {
  readonly id: GatewayId;
  /** Test mode: the UI and the order say so. */
  readonly test: boolean;
  readonly currencies: readonly Currency[];
  start(input: StartPaymentInput): Promise<StartedPayment>;
  refund(input: RefundInput): Promise<{ reference: string }>;
  /** Asks the gateway how the payment stands (after a lost callback, for example). */
  status(input: { reference: string; gatewayReference: string | null }): Promise<'paid' | 'unpaid' | 'unknown'>;
}

/** Minor units as CMI writes them: "150.00". */
export function formatAmount(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** "150.00" / "150.5" / "150" back to minor units; null when it is not an amount. */
export function parseAmount(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}(\.\d{1,2})?$/.test(value.trim())) return null;
  const [whole, fraction = ''] = value.trim().split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
