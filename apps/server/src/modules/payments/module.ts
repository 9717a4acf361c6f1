import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { OrderAccessTokens } from './access-tokens.ts';
import { AffiliationSync } from './affiliation-sync.ts';
import { counterRoutes } from './counter-routes.ts';
import { type DemoPaymentsInput, seedDemoPayments } from './demo-payments.ts';
import { ExternalPayments } from './external-payments.ts';
import { FulfilmentService } from './fulfilment-service.ts';
import { cmiRoutes, stripeWebhookRoutes } from './gateway-routes.ts';
import { GatewayHttp } from './gateways/gateway-http.ts';
import { type GatewayConfig, GatewayRegistry, sandboxCredentials } from './gateways/gateway-registry.ts';
import { StripeBilling } from './gateways/stripe-billing.ts';
import { OrderAccess } from './order-access.ts';
import { OrderMails } from './order-mails.ts';
import { OrderQueries } from './order-queries.ts';
import { orderRoutes } from './order-routes.ts';
import { OrderService } from './order-service.ts';
import { OrderPresenter } from './order-views.ts';
import type {
  Mailer,
  MoneyLedger,
  PeopleDirectory,
  ProductCatalog,
  SalesLedger,
  SubscriptionEvents,
  TeamDirectory,
} from './ports.ts';
import { RedemptionService } from './redemption-service.ts';
import { RefundService } from './refund-service.ts';
import { sandboxRoutes } from './sandbox/sandbox-routes.ts';

export type { CheckoutProductFacts } from './ports.ts';

export interface PaymentsModule {
  orders: OrderService;
  fulfilment: FulfilmentService;
  refunds: RefundService;
  redemption: RedemptionService;
  queries: OrderQueries;
  gateways: GatewayRegistry;
  /** Card payments that are not orders (invoices), through the CMI-protocol gateways. */
  external: ExternalPayments;
  /** Stripe Billing (merchant subscriptions) when Stripe is configured. */
  stripeBilling(): StripeBilling | null;
  /** For reviews: whether this person redeemed a voucher of this deal. */
  hasRedeemedVoucher(userId: string, productId: string): Promise<boolean>;
  /** Demo orders with vouchers on the demo deals; changes nothing when they exist. */
  seedDemo(input: DemoPaymentsInput): Promise<number>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
  rootRoutes: FastifyPluginAsync;
}

export interface PaymentsModuleDeps {
  db: Database;
  queue: Pick<JobQueue, 'enqueue'>;
  config: GatewayConfig & { PAYMENTS_GATEWAY_TIMEOUT_MS: number };
  /** Signs guest access tokens and derives the sandbox's keys. */
  secret: string;
  products: ProductCatalog;
  teams: TeamDirectory;
  people: PeopleDirectory;
  mail: Mailer;
  sales: SalesLedger;
  ledger: MoneyLedger;
  /** Billing: Stripe's subscription events (bound lazily: billing is built after payments). */
  subscriptions?: SubscriptionEvents;
  logger: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

/** Checkout, payments through CMI / Stripe / the sandbox, vouchers and their redemption, refunds. */
export function createPaymentsModule(deps: PaymentsModuleDeps): PaymentsModule {
  const publicUrl = deps.config.PUBLIC_URL;
  const http = new GatewayHttp({
    publicOrigin: new URL(publicUrl).origin,
    timeoutMs: deps.config.PAYMENTS_GATEWAY_TIMEOUT_MS,
  });
  const gateways = new GatewayRegistry(deps.config, http, deps.secret);
  const tokens = new OrderAccessTokens(deps.secret);
  const presenter = new OrderPresenter({ teams: deps.teams, tokens });
  const mails = new OrderMails({ mail: deps.mail, publicUrl, tokens, teams: deps.teams, people: deps.people });
  const orders = new OrderService({
    db: deps.db,
    publicUrl,
    products: deps.products,
    gateways,
    tokens,
    presenter,
    merchantName: async (id) => (await deps.teams.namesOf([id])).get(id) ?? '',
  });
  const fulfilment = new FulfilmentService({
    db: deps.db,
    queue: deps.queue,
    products: deps.products,
    mails,
    ledger: deps.ledger,
    logger: deps.logger,
  });
  const refunds = new RefundService({
    db: deps.db,
    queue: deps.queue,
    gateways,
    products: deps.products,
    mails,
    ledger: deps.ledger,
  });
  const redemption = new RedemptionService({ db: deps.db, people: deps.people, mails });
  const queries = new OrderQueries({ db: deps.db, presenter });
  const access = new OrderAccess({ teams: deps.teams, tokens });
  const affiliation = new AffiliationSync({
    db: deps.db,
    sales: deps.sales,
    teams: deps.teams,
    people: deps.people,
    logger: deps.logger,
  });
  const external = new ExternalPayments({ gateways, publicUrl });
  const routeDeps = {
    db: deps.db,
    publicUrl,
    gateways,
    fulfilment,
    tokens,
    logger: deps.logger,
    external,
    subscriptions: deps.subscriptions,
  };
  const stripeGateway = gateways.stripe();
  const stripeBilling = stripeGateway ? new StripeBilling(stripeGateway) : null;

  return {
    orders,
    fulfilment,
    refunds,
    redemption,
    queries,
    gateways,
    external,
    stripeBilling: () => stripeBilling,
    hasRedeemedVoucher: (userId, productId) => redemption.hasRedeemed(userId, productId),
    seedDemo: (input) =>
      seedDemoPayments({ db: deps.db, products: deps.products, people: deps.people, ledger: deps.ledger }, input),
    jobs: [
      defineJob({
        queue: QueueName.PaymentsExpireReservations,
        cron: { expression: '* * * * *', payload: {} },
        async handle(_payload, context) {
          const expired = await fulfilment.expireReservations();
          if (expired > 0) context.logger.info({ expired }, 'expired unpaid orders; units back in stock');
        },
      }),
      defineJob({
        queue: QueueName.PaymentsSyncAffiliation,
        retryLimit: 8,
        retryDelaySeconds: 30,
        retryBackoff: true,
        async handle(payload) {
          await affiliation.sync(payload.orderId);
        },
      }),
    ],
    routes: async (api) => {
      await api.register(
        orderRoutes({ db: deps.db, orders, refunds, queries, presenter, access, people: deps.people }),
      );
      await api.register(
        counterRoutes({ db: deps.db, publicUrl, queries, access, redemption, people: deps.people, teams: deps.teams }),
      );
      await api.register(stripeWebhookRoutes(routeDeps));
    },
    rootRoutes: async (root) => {
      // Calls between the sandbox and us stay in this process (see GatewayHttp).
      http.serveLocally(async (request) => {
        const response = await root.inject({
          method: request.method,
          url: new URL(request.url).pathname + new URL(request.url).search,
          headers: request.headers,
          ...(request.body !== undefined ? { payload: request.body } : {}),
        });
        return { status: response.statusCode, body: response.body };
      });
      await root.register(cmiRoutes(routeDeps));
      if (gateways.sandboxEnabled) {
        await root.register(
          sandboxRoutes({ db: deps.db, http, credentials: sandboxCredentials(publicUrl, deps.secret) }),
        );
      }
    },
  };
}
