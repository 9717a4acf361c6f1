import type { Currency } from '@souk/contracts/catalog';
import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AffiliationCommissionDirectory } from './modules/affiliation/commission-directory.ts';
import { type AffiliationModule, createAffiliationModule, type ProductFacts } from './modules/affiliation/module.ts';
import { type BillingModule, createBillingModule } from './modules/billing/module.ts';
import { type CatalogModule, createCatalogModule } from './modules/catalog/module.ts';
import type { SignUpReferrals } from './modules/identity/auth-routes.ts';
import { createIdentityModule, type IdentityModule } from './modules/identity/module.ts';
import { createInvoicingModule, type InvoicingModule } from './modules/invoicing/module.ts';
import { PaidInvoiceDirectory } from './modules/invoicing/paid-invoice-directory.ts';
import { createKycModule, type KycModule } from './modules/kyc/module.ts';
import { createLedgerModule, type LedgerModule } from './modules/ledger/module.ts';
import { createMessagingModule, type MessagingModule } from './modules/messaging/module.ts';
import { createPaymentsModule, type PaymentsModule } from './modules/payments/module.ts';
import { PaymentsSettlementDirectory } from './modules/payments/settlement-directory.ts';
import { createCommissionPostings, createPayoutsModule, type PayoutsModule } from './modules/payouts/module.ts';
import { createReferralsModule, type ReferralsModule } from './modules/referrals/module.ts';
import { createSettlementsModule, type SettlementsModule } from './modules/settlements/module.ts';
import { createSiteModule, type SiteModule } from './modules/site/module.ts';
import { createSocialModule, type SocialModule } from './modules/social/module.ts';
import type { Config } from './platform/config/config.ts';
import { readOrCreateLocalSecret } from './platform/crypto/local-secret.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import type { EventBus } from './platform/events/event-bus.ts';
import type { ViewerResolver } from './platform/http/access.ts';
import type { JobDefinition } from './platform/jobs/job-definition.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import type { FileStore } from './platform/storage/file-store.ts';

export interface ServiceDeps {
  config: Config;
  database: DatabaseHandle;
  queue: JobQueue;
  /** Live hints to open WebSockets (messaging publishes unread counts); one per process. */
  events: EventBus;
  /** For failures a service reports and survives (e.g. a hint that could not be published). */
  logger: Logger;
  /** Uploaded files: images, documents. */
  files: FileStore;
  /** Shared counters (attempt limits, one-time codes) across nodes; in memory without it. */
  redis?: Redis | undefined;
}

export interface Services {
  identity: IdentityModule;
  messaging: MessagingModule;
  site: SiteModule;
  kyc: KycModule;
  catalog: CatalogModule;
  affiliation: AffiliationModule;
  ledger: LedgerModule;
  billing: BillingModule;
  invoicing: InvoicingModule;
  payments: PaymentsModule;
  social: SocialModule;
  settlements: SettlementsModule;
  referrals: ReferralsModule;
  payouts: PayoutsModule;
  jobs: JobDefinition[];
  resolveViewer: ViewerResolver;
  /** better-auth's endpoints, mounted at the root (/api/auth/*). */
  authRoutes: FastifyPluginAsync;
  /** Every module's API routes, mounted under /api/v1. */
  routes: FastifyPluginAsync;
  /** Routes at the site's root, outside /api (robots.txt, sitemap.xml, /r/:code, /px). */
  rootRoutes: FastifyPluginAsync;
  /** After boot: subscriptions to other nodes' hints. */
  start(): Promise<void>;
  /** After HTTP has stopped, before the database closes: buffered clicks are written. */
  stop(): Promise<void>;
}

type CatalogProductRow = NonNullable<Awaited<ReturnType<CatalogModule['products']['find']>>>;

function productFacts(row: CatalogProductRow): ProductFacts {
  return {
    id: row.id,
    organizationId: row.organizationId,
    status: row.status,
    title: row.title,
    slug: row.slug,
    currency: row.currency as ProductFacts['currency'],
    priceMinor: row.discountedPriceMinor,
    commission: row.commission ?? null,
  };
}

/** The composition root: builds each module with its dependencies, in dependency order. */
export function createServices(deps: ServiceDeps): Services {
  // Identity mails through messaging, and messaging reads recipients from identity: the mailer
  // is bound once messaging exists (identity only sends mail on requests, after boot).
  let messaging: MessagingModule | undefined;
  // Sign-ups record referrals once the referral module exists (it reads people from identity).
  let referralHook: SignUpReferrals | undefined;
  const identity = createIdentityModule({
    db: deps.database.db,
    config: deps.config,
    redis: deps.redis,
    referrals: () => referralHook,
    // Billing is built below; teams change on requests, after boot.
    seats: () => ({
      assertRoom: (executor, teamId, pending) => billing.quotas.assertRoom(executor, teamId, 'teamSeats', pending),
      consume: (executor, teamId) => billing.quotas.consume(executor, teamId, 'teamSeats'),
      release: (executor, teamId) => billing.quotas.release(executor, teamId, 'teamSeats'),
    }),
    mailer: {
      send(input) {
        if (!messaging) throw new Error('messaging is not ready');
        return messaging.mail.send(input as Parameters<MessagingModule['mail']['send']>[0]);
      },
    },
  });
  messaging = createMessagingModule({
    db: deps.database.db,
    queue: deps.queue,
    config: deps.config,
    users: identity.users,
    events: deps.events,
    logger: deps.logger,
    resolveViewer: identity.resolveViewer,
  });
  const site = createSiteModule({
    db: deps.database.db,
    // Billing is built below; plans are read on requests, after boot.
    plans: () => billing.plans.listing(),
    config: deps.config,
    redis: deps.redis,
    mailer: { send: (input) => messaging.mail.send(input as Parameters<MessagingModule['mail']['send']>[0]) },
  });
  const kyc = createKycModule({
    db: deps.database.db,
    config: deps.config,
    files: deps.files,
    identity,
    messaging,
  });
  const catalog = createCatalogModule({
    db: deps.database.db,
    files: deps.files,
    publicUrl: deps.config.PUBLIC_URL,
    teams: identity.teams,
    users: identity.users,
    verifiedOrganizations: (ids) => kyc.verifiedOrganizations(ids),
    messaging,
    // Payments is built below; reviews are written on requests, after boot.
    purchases: { hasRedeemedVoucher: (userId, productId) => payments.hasRedeemedVoucher(userId, productId) },
    // Billing is built below; deals are published on requests, after boot.
    dealQuota: {
      consume: (executor, organizationId, locale) =>
        billing.quotas.consume(executor, organizationId, 'publishedDeals', 1, locale),
      release: (executor, organizationId, count) =>
        billing.quotas.release(executor, organizationId, 'publishedDeals', count),
    },
  });
  // Before the modules that post money movements to it.
  const ledger = createLedgerModule({ db: deps.database.db });
  const invoicing = createInvoicingModule({
    db: deps.database.db,
    queue: deps.queue,
    files: deps.files,
    mail: messaging.mail,
    teams: identity.teams,
    publicUrl: deps.config.PUBLIC_URL,
    seller: {
      name: deps.config.INVOICE_SELLER_NAME,
      address: deps.config.INVOICE_SELLER_ADDRESS,
      taxId: deps.config.INVOICE_SELLER_IF,
      ice: deps.config.INVOICE_SELLER_ICE,
      professionalTax: deps.config.INVOICE_SELLER_TP,
      tradeRegister: deps.config.INVOICE_SELLER_RC,
    },
  });
  // Affiliation posts commissions through it; payouts posts opening balances with the same recipes.
  const commissionPostings = createCommissionPostings(ledger.ledger);
  const affiliation = createAffiliationModule({
    db: deps.database.db,
    statements: deps.database,
    influencerQuota: {
      consume: (executor, organizationId, locale) =>
        billing.quotas.consume(executor, organizationId, 'approvedInfluencers', 1, locale),
      release: (executor, organizationId) => billing.quotas.release(executor, organizationId, 'approvedInfluencers'),
    },
    publicUrl: deps.config.PUBLIC_URL,
    events: deps.events,
    logger: deps.logger,
    products: {
      find: async (id) => {
        const row = await catalog.products.find(id);
        return row ? productFacts(row) : null;
      },
      findMany: async (ids) =>
        new Map((await catalog.products.findMany(ids)).map((row) => [row.id, productFacts(row)])),
      publishedIdsOf: (organizationId, limit) => catalog.products.publishedIdsOf(organizationId, limit),
    },
    teams: identity.teams,
    people: identity.users,
    audit: identity.audit,
    notifications: messaging.notifications,
    ledger: commissionPostings,
    geoipDatabasePath: deps.config.GEOIP_DATABASE_PATH,
    fraud: { minSecondsToConvert: deps.config.FRAUD_MIN_SECONDS_TO_CONVERT },
    pixelRatePerMinute: deps.config.PIXEL_RATE_PER_MINUTE,
    clickFlushIntervalMs: deps.config.CLICK_FLUSH_INTERVAL_MS,
    // PGlite runs each write on the event loop's thread (~35 µs a click): 200-click batches hold
    // it ~7 ms at most; PostgreSQL writes elsewhere and takes larger ones.
    clickBatchSize: deps.database.driver === 'pglite' ? 200 : 1000,
  });
  const billing = createBillingModule({
    db: deps.database.db,
    publicUrl: deps.config.PUBLIC_URL,
    counts: {
      publishedDeals: (organizationId, executor) => catalog.products.publishedCount(organizationId, executor),
      teamSeats: (organizationId, executor) => identity.teams.memberCount(organizationId, executor),
      approvedInfluencers: (organizationId, executor) =>
        affiliation.requests.approvedInfluencerCount(organizationId, executor),
    },
    deals: {
      pauseNewest: (organizationId, count, executor) =>
        catalog.products.pauseNewestForPlan(organizationId, count, executor),
      resumeOldest: (organizationId, count, executor) =>
        catalog.products.resumePausedForPlan(organizationId, count, executor),
      pausedCount: (organizationId, executor) => catalog.products.pausedForPlanCount(organizationId, executor),
    },
    teams: identity.teams,
    people: identity.users,
    audit: identity.audit,
    mail: messaging.mail,
    invoices: () => invoicing.invoices as never,
    ledger: () => ledger.ledger as never,
    stripe: () => payments.stripeBilling(),
    cards: {
      available: () => Boolean(payments.gateways.cmi('cmi') ?? payments.gateways.cmi('sandbox')),
      start: async (input) => {
        const started = await payments.external.start({
          reference: input.reference,
          amountMinor: input.amountMinor,
          currency: input.currency as Currency,
          description: input.description,
          locale: input.locale,
          payer: input.buyer,
        });
        if (!started) throw new Error('no card gateway takes this currency');
        return started;
      },
    },
    logger: deps.logger,
  });
  const payments = createPaymentsModule({
    db: deps.database.db,
    queue: deps.queue,
    config: deps.config,
    secret: deps.config.AUTH_SECRET ?? readOrCreateLocalSecret(deps.config.DATA_DIR, 'auth'),
    products: {
      find: async (id, executor) => {
        const row = await catalog.products.find(id, executor);
        return row
          ? {
              id: row.id,
              organizationId: row.organizationId,
              status: row.status,
              title: row.title,
              slug: row.slug,
              currency: row.currency as Currency,
              unitPriceMinor: row.discountedPriceMinor,
              originalPriceMinor: row.originalPriceMinor,
              minPerPurchase: row.minPerPurchase,
              maxPerPurchase: row.maxPerPurchase,
              stockQuantity: row.stockQuantity,
              expiresAt: row.expiresAt,
              conditions: row.conditions,
              address: [row.address, row.city].filter(Boolean).join(', ') || null,
              moderationHold: row.moderationHold,
            }
          : null;
      },
      firstImage: (id) => catalog.stock.firstImage(id),
      reserve: (id, quantity, executor) => catalog.stock.reserve(id, quantity, executor),
      release: (id, quantity, executor) => catalog.stock.release(id, quantity, executor),
    },
    teams: identity.teams,
    people: identity.users,
    mail: messaging.mail,
    sales: {
      recordCheckoutSale: (sale) => affiliation.recordCheckoutSale(sale),
      refundSale: (refund) => affiliation.conversions.refund(refund, 'fr'),
    },
    ledger: ledger.ledger,
    subscriptions: { handleStripeEvent: (executor, event) => billing.handleStripeEvent(executor, event) },
    logger: deps.logger,
  });
  // Renewals paid by card come back through the CMI-protocol callbacks.
  payments.external.register(billing.renewalPayments);
  const payouts = createPayoutsModule({
    db: deps.database.db,
    publicUrl: deps.config.PUBLIC_URL,
    minimumMinor: deps.config.PAYOUT_MINIMUM_MINOR,
    commissions: affiliation.payoutFacts,
    accounts: {
      verifiedUsers: (ids) => kyc.verifiedUsers(ids),
      payoutAccount: (subject) => kyc.payoutAccount(subject),
    },
    people: identity.users,
    ledger: ledger.ledger,
    postings: commissionPostings,
    audit: identity.audit,
    mail: messaging.mail,
  });
  const commissionDirectory = new AffiliationCommissionDirectory();
  const paidInvoices = new PaidInvoiceDirectory(deps.database.db);
  const settlements = createSettlementsModule({
    db: deps.database.db,
    publicUrl: deps.config.PUBLIC_URL,
    holdDays: deps.config.SETTLEMENT_HOLD_DAYS,
    invoiceDueDays: deps.config.COMMISSION_INVOICE_DUE_DAYS,
    orders: new PaymentsSettlementDirectory(),
    commissions: commissionDirectory,
    ledger: ledger.ledger,
    invoices: invoicing.invoices,
    plans: { planOf: (organizationId, executor) => billing.quotas.planOf(organizationId, executor) },
    teams: identity.teams,
    people: identity.users,
    accounts: { payoutAccount: (subject) => kyc.payoutAccount(subject) },
    cards: payments.external,
  });
  const referrals = createReferralsModule({
    db: deps.database.db,
    publicUrl: deps.config.PUBLIC_URL,
    settings: {
      influencerBps: deps.config.REFERRAL_INFLUENCER_BPS,
      influencerMonths: deps.config.REFERRAL_INFLUENCER_MONTHS,
      claimDays: deps.config.REFERRAL_CLAIM_DAYS,
    },
    people: {
      getContact: (id, options) => identity.users.getContact(id, options),
      signedUpAt: (id) => identity.users.signedUpAt(id),
    },
    teams: identity.teams,
    commissions: commissionDirectory,
    ledger: ledger.ledger,
    billing: {
      grantFreeMonth: (executor, organizationId, planId, reason) =>
        billing.quotas.grantFreeMonth(executor, organizationId, planId, reason),
      // The referred merchant's first paid subscription invoice (Stripe or a CMI renewal).
      hasPaidInvoice: (organizationId) =>
        paidInvoices.hasPaid({ kind: 'organization', id: organizationId }, ['stripe_invoice', 'subscription_renewal']),
    },
  });
  referralHook = {
    check: (code, accountType, locale) => referrals.referrals.checkForSignUp(code, accountType, locale),
    attach: (userId, code) => referrals.referrals.attachAfterSignUp(userId, code),
  };
  const social = createSocialModule({
    db: deps.database.db,
    postQuota: {
      consume: (executor, teamId, locale) =>
        billing.quotas.consume(executor, teamId, 'scheduledPostsPerMonth', 1, locale),
    },
    queue: deps.queue,
    config: deps.config,
    logger: deps.logger,
    teams: identity.teams,
    people: identity.users,
    notifications: messaging.notifications,
    links: affiliation.socialFacts,
    deals: {
      find: async (id) => {
        const row = await catalog.products.find(id);
        if (!row) return null;
        const [merchant, category] = await Promise.all([
          identity.teams.namesOf([row.organizationId]),
          catalog.categories.find(row.categoryId),
        ]);
        return {
          id: row.id,
          organizationId: row.organizationId,
          title: row.title,
          merchantName: merchant.get(row.organizationId) ?? '',
          category: category?.names.fr ?? null,
          city: row.city,
          priceMinor: row.discountedPriceMinor,
          originalPriceMinor: row.originalPriceMinor,
          discountPercent: row.discountPercent,
          currency: row.currency,
          highlights: row.highlights,
          pageUrl: `${deps.config.PUBLIC_URL}/p/${encodeURIComponent(row.slug)}`,
          imageUrls: [],
        };
      },
    },
  });
  return {
    identity,
    messaging,
    site,
    kyc,
    catalog,
    affiliation,
    ledger,
    billing,
    invoicing,
    payments,
    social,
    settlements,
    referrals,
    payouts,
    jobs: [
      ...messaging.jobs,
      ...invoicing.jobs,
      ...kyc.jobs,
      ...catalog.jobs,
      ...affiliation.jobs,
      ...payments.jobs,
      ...social.jobs,
      ...settlements.jobs,
      ...referrals.jobs,
      ...payouts.jobs,
      ...billing.jobs,
    ],
    resolveViewer: identity.resolveViewer,
    authRoutes: identity.authRoutes,
    routes: async (api) => {
      await api.register(identity.routes);
      await api.register(messaging.routes);
      await api.register(site.routes);
      await api.register(kyc.routes);
      await api.register(catalog.routes);
      await api.register(affiliation.routes);
      await api.register(ledger.routes);
      await api.register(billing.routes);
      await api.register(invoicing.routes);
      await api.register(payments.routes);
      await api.register(social.routes);
      await api.register(settlements.routes);
      await api.register(referrals.routes);
      await api.register(payouts.routes);
    },
    rootRoutes: async (root) => {
      await root.register(site.rootRoutes);
      await root.register(catalog.rootRoutes);
      await root.register(affiliation.rootRoutes);
      await root.register(payments.rootRoutes);
      await root.register(social.rootRoutes);
      await root.register(referrals.rootRoutes);
    },
    start: () => affiliation.start(),
    stop: () => affiliation.stop(),
  };
}
