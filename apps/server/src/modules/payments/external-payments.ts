import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type { GatewayId, PaymentStart } from '@souk/contracts/payments';
import type { PaymentNotification } from './gateways/gateway.ts';
import type { GatewayRegistry } from './gateways/gateway-registry.ts';

/**
 * Card payments that are not deal orders (an invoice, a renewal), through the CMI-protocol
 * gateways (CMI, the sandbox). The payer's module owns the record; it claims the references that
 * start with its prefix, and the gateway's verified callback for such a reference is handed to it
 * instead of the order fulfilment.
 */
export interface ExternalPaymentHandler {
  /** References are `${prefix}-…`; the prefix must not look like an order reference. */
  prefix: string;
  /** Applies a verified notification once: 'paid' (capture), 'duplicate', 'declined' or 'rejected'. */
  handle(
    gateway: GatewayId,
    notification: PaymentNotification,
  ): Promise<'paid' | 'duplicate' | 'declined' | 'rejected'>;
  /** Where the payer's browser goes back to after the gateway. */
  returnPath(reference: string, outcome: 'ok' | 'fail'): Promise<string>;
}

export class ExternalPayments {
  private readonly handlers: ExternalPaymentHandler[] = [];

  constructor(private readonly deps: { gateways: GatewayRegistry; publicUrl: string }) {}

  register(handler: ExternalPaymentHandler): void {
    this.handlers.push(handler);
  }

  handlerOf(reference: string): ExternalPaymentHandler | null {
    return this.handlers.find((handler) => reference.startsWith(`${handler.prefix}-`)) ?? null;
  }

  /** Starts a payment on the first CMI-protocol gateway taking this currency; null when none does. */
  async start(input: {
    reference: string;
    amountMinor: number;
    currency: Currency;
    description: string;
    locale: Locale;
    payer: { name: string; email: string };
  }): Promise<PaymentStart | null> {
    const gatewayId = (['cmi', 'sandbox'] as const).find((id) =>
      this.deps.gateways.cmi(id)?.currencies.includes(input.currency),
    );
    const gateway = gatewayId ? this.deps.gateways.cmi(gatewayId) : null;
    if (!gatewayId || !gateway) return null;
    const base = this.deps.publicUrl;
    const started = await gateway.start({
      orderId: input.reference,
      reference: input.reference,
      attemptId: input.reference,
      amountMinor: input.amountMinor,
      currency: input.currency,
      quantity: 1,
      description: input.description,
      locale: input.locale,
      buyer: { name: input.payer.name, email: input.payer.email, phone: '' },
      urls: {
        ok: `${base}/payments/${gatewayId}/ok`,
        fail: `${base}/payments/${gatewayId}/fail`,
        callback: `${base}/payments/${gatewayId}/callback`,
        shop: base,
      },
    });
    return started.start;
  }
}
