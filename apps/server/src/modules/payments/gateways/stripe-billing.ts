import type { StripeGateway } from './stripe-gateway.ts';

interface StripeSubscription {
  id: string;
  items?: { data?: { id: string }[] };
}

/**
 * Stripe Billing for merchant subscriptions, over the same connection as Stripe Checkout:
 * customers, Checkout in subscription mode, the customer portal, price changes and cancellation.
 * Prices are inline (price_data) on one product per plan, so no catalogue is kept on Stripe.
 */
export class StripeBilling {
  constructor(private readonly stripe: StripeGateway) {}

  async createCustomer(input: { organizationId: string; name: string; email: string }): Promise<{ id: string }> {
    return this.stripe.api<{ id: string }>(
      'POST',
      '/v1/customers',
      { name: input.name, email: input.email, metadata: { organization_id: input.organizationId } },
      `customer:${input.organizationId}`,
    );
  }

  async checkoutSubscription(input: {
    customerId: string;
    organizationId: string;
    planId: string;
    amountMinor: number;
    currency: string;
    trialEnd: Date | null;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ id: string; url: string }> {
    const metadata = { organization_id: input.organizationId, plan_id: input.planId };
    const session = await this.stripe.api<{ id: string; url: string }>(
      'POST',
      '/v1/checkout/sessions',
      {
        mode: 'subscription',
        customer: input.customerId,
        client_reference_id: input.organizationId,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        metadata,
        subscription_data: {
          metadata,
          ...(input.trialEnd ? { trial_end: Math.floor(input.trialEnd.getTime() / 1000) } : {}),
        },
        line_items: {
          0: {
            quantity: 1,
            price_data: {
              currency: input.currency.toLowerCase(),
              unit_amount: input.amountMinor,
              recurring: { interval: 'month' },
              product_data: { name: `Souk ${input.planId}` },
            },
          },
        },
      },
      input.idempotencyKey,
    );
    return { id: session.id, url: session.url };
  }

  async portal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }> {
    const session = await this.stripe.api<{ url: string }>('POST', '/v1/billing_portal/sessions', {
      customer: input.customerId,
      return_url: input.returnUrl,
    });
    return { url: session.url };
  }

  async changePrice(input: {
    subscriptionId: string;
    planId: string;
    amountMinor: number;
    currency: string;
    prorate: boolean;
    idempotencyKey: string;
  }): Promise<void> {
    const path = `/v1/subscriptions/${encodeURIComponent(input.subscriptionId)}`;
    const current = await this.stripe.api<StripeSubscription>('GET', path);
    const itemId = current.items?.data?.[0]?.id;
    const product = await this.stripe.api<{ id: string }>(
      'POST',
      '/v1/products',
      { name: `Souk ${input.planId}`, metadata: { plan_id: input.planId } },
      `product:${input.planId}`,
    );
    await this.stripe.api(
      'POST',
      path,
      {
        items: {
          0: {
            ...(itemId ? { id: itemId } : {}),
            price_data: {
              currency: input.currency.toLowerCase(),
              unit_amount: input.amountMinor,
              recurring: { interval: 'month' },
              product: product.id,
            },
          },
        },
        proration_behavior: input.prorate ? 'create_prorations' : 'none',
        metadata: { plan_id: input.planId },
      },
      input.idempotencyKey,
    );
  }

  async cancelAtPeriodEnd(input: { subscriptionId: string; cancel: boolean; idempotencyKey: string }): Promise<void> {
    await this.stripe.api(
      'POST',
      `/v1/subscriptions/${encodeURIComponent(input.subscriptionId)}`,
      { cancel_at_period_end: input.cancel },
      input.idempotencyKey,
    );
  }
}
