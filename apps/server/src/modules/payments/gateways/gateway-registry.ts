import { createHmac } from 'node:crypto';
import type { Currency } from '@souk/contracts/catalog';
import type { EnabledGateway, GatewayId } from '@souk/contracts/payments';
import { CmiGateway } from './cmi-gateway.ts';
import type { PaymentGateway } from './gateway.ts';
import type { GatewayHttp } from './gateway-http.ts';
import { StripeGateway } from './stripe-gateway.ts';

export interface GatewayConfig {
  NODE_ENV: 'development' | 'production' | 'test';
  PUBLIC_URL: string;
  CMI_CLIENT_ID?: string | undefined;
  CMI_STORE_KEY?: string | undefined;
  CMI_API_USER?: string | undefined;
  CMI_API_PASSWORD?: string | undefined;
  CMI_BASE_URL: string;
  CMI_MODE: 'test' | 'live';
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_API_BASE: string;
  STRIPE_CURRENCIES: Currency[];
  PAYMENTS_SANDBOX: 'auto' | 'on' | 'off';
}

/** The sandbox's merchant identity: fixed id; the store key derives from the server secret. */
export function sandboxCredentials(publicUrl: string, secret: string) {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest('base64url').slice(0, 24);
  return {
    clientId: '100000001',
    storeKey: derive('souk-sandbox-store-key'),
    apiUser: 'sandbox-api',
    apiPassword: derive('souk-sandbox-api-password'),
    baseUrl: `${publicUrl}/sandbox/cmi`,
  };
}

/** The gateways configuration enables, by id. Credentials stay in here. */
export class GatewayRegistry {
  readonly gateways = new Map<GatewayId, PaymentGateway>();
  readonly sandboxEnabled: boolean;

  constructor(config: GatewayConfig, http: GatewayHttp, secret: string) {
    if (config.CMI_CLIENT_ID && config.CMI_STORE_KEY) {
      this.gateways.set(
        'cmi',
        new CmiGateway(
          {
            id: 'cmi',
            clientId: config.CMI_CLIENT_ID,
            storeKey: config.CMI_STORE_KEY,
            apiUser: config.CMI_API_USER ?? null,
            apiPassword: config.CMI_API_PASSWORD ?? null,
            baseUrl: config.CMI_BASE_URL.replace(/\/+$/, ''),
            test: config.CMI_MODE === 'test',
          },
          http,
        ),
      );
    }
    if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
      this.gateways.set(
        'stripe',
        new StripeGateway(
          {
            secretKey: config.STRIPE_SECRET_KEY,
            webhookSecret: config.STRIPE_WEBHOOK_SECRET,
            apiBase: config.STRIPE_API_BASE.replace(/\/+$/, ''),
            currencies: config.STRIPE_CURRENCIES,
          },
          http,
        ),
      );
    }
    const noRealGateway = this.gateways.size === 0;
    this.sandboxEnabled =
      config.PAYMENTS_SANDBOX === 'on' ||
      (config.PAYMENTS_SANDBOX === 'auto' && noRealGateway && config.NODE_ENV !== 'production');
    if (this.sandboxEnabled) {
      this.gateways.set(
        'sandbox',
        new CmiGateway({ id: 'sandbox', ...sandboxCredentials(config.PUBLIC_URL, secret), test: true }, http),
      );
    }
  }

  get(id: GatewayId): PaymentGateway | null {
    return this.gateways.get(id) ?? null;
  }

  /** CMI-protocol gateways by id (the callback routes verify with the right store key). */
  cmi(id: GatewayId): CmiGateway | null {
    const gateway = this.gateways.get(id);
    return gateway instanceof CmiGateway ? gateway : null;
  }

  stripe(): StripeGateway | null {
    const gateway = this.gateways.get('stripe');
    return gateway instanceof StripeGateway ? gateway : null;
  }

  /** What the checkout page may offer for a deal in this currency. */
  enabledFor(currency: Currency): EnabledGateway[] {
    return [...this.gateways.values()]
      .filter((gateway) => gateway.currencies.includes(currency))
      .map((gateway) => ({ id: gateway.id, test: gateway.test, currencies: [...gateway.currencies] }));
  }
}
