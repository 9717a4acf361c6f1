import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database, DatabaseHandle } from '../../platform/db/database.ts';
import type { EventBus, Unsubscribe } from '../../platform/events/event-bus.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { ClickBuffer } from './click-buffer.ts';
import { type ClickSink, DatabaseClickSink } from './click-sink.ts';
import { CommissionService } from './commission-service.ts';
import { CommissionPresenter } from './commission-views.ts';
import { ConversionService, type SaleReport } from './conversion-service.ts';
import { type CountryLookup, openCountryLookup } from './country-lookup.ts';
import { CsvExporter } from './csv-export.ts';
import { seedDemoAffiliation } from './demo-affiliation.ts';
import { LinkCache } from './link-cache.ts';
import { linkRoutes } from './link-routes.ts';
import { LinkService } from './link-service.ts';
import { moneyRoutes } from './money-routes.ts';
import { PayoutCommissionFacts } from './payout-facts.ts';
import { PerformanceReader } from './performance.ts';
import { pixelRoutes } from './pixel-routes.ts';
import {
  type ApprovedInfluencerQuota,
  type AuditTrail,
  type CommissionLedger,
  defaultFraudThresholds,
  type FraudThresholds,
  type Notifier,
  type PeopleDirectory,
  type ProductDirectory,
  type TeamDirectory,
} from './ports.ts';
import { redirectRoutes } from './redirect-routes.ts';
import { requestRoutes } from './request-routes.ts';
import { RequestService } from './request-service.ts';
import { SettingsService } from './settings-service.ts';
import { SocialLinkFacts } from './social-facts.ts';
import { StatsService } from './stats-service.ts';
import { ViewerSides } from './viewer-side.ts';
import { UniqueClickWindow } from './visitor.ts';

export type { CommissionDetail, OpenCommission, PayableCommission } from './payout-facts.ts';
export type { CommissionLedger, CommissionMovement, ProductFacts } from './ports.ts';

/** Channel on which nodes tell each other which link codes changed. */
const linkChangesChannel = 'affiliation.link-changes';

export interface AffiliationModule {
  requests: RequestService;
  links: LinkService;
  conversions: ConversionService;
  commissions: CommissionService;
  settings: SettingsService;
  clicks: ClickBuffer;
  /** Links and clicks as social publishing reads them (its port). */
  socialFacts: SocialLinkFacts;
  /** Approved commissions as payouts batches and settles them (its port). */
  payoutFacts: PayoutCommissionFacts;
  /**
   * For the checkout (payments): a sale made on Souk, attributed from the buyer's souk_cid.
   * Idempotent on (merchant, orderRef) like the conversions API.
   */
  recordCheckoutSale(sale: Omit<SaleReport, 'source'>): ReturnType<ConversionService['record']>;
  /** Demo affiliations, links, clicks and commissions; changes nothing when they exist. */
  seedDemo(input: { merchantTeamIds: string[]; influencerIds: string[] }): Promise<void>;
  /** Subscribes to link changes published by other nodes. */
  start(): Promise<void>;
  /** Writes every buffered click: called after HTTP has stopped, before the database closes. */
  stop(): Promise<void>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
  rootRoutes: FastifyPluginAsync;
}

export interface AffiliationModuleDeps {
  db: Database;
  /** Fixed statements of the hot path (the click batch), run past the query builder. */
  statements: Pick<DatabaseHandle, 'runPrepared'>;
  /** The plan's approved-influencer quota (billing; bound lazily, billing is built later). */
  influencerQuota?: ApprovedInfluencerQuota;
  publicUrl: string;
  events: EventBus;
  logger: { error(details: object, message: string): void; warn(details: object, message: string): void };
  products: ProductDirectory;
  teams: TeamDirectory;
  people: PeopleDirectory;
  audit: AuditTrail;
  notifications: Notifier;
  /** Posts each commission's accrual, approval and reversal to the ledger. */
  ledger: CommissionLedger;
  /** Optional local MaxMind database (.mmdb) for click countries. */
  geoipDatabasePath?: string | undefined;
  fraud?: Partial<FraudThresholds>;
  pixelRatePerMinute?: number;
  /** Tests: another sink, or a buffer tuned for them. */
  clickSink?: ClickSink;
  clickFlushIntervalMs?: number;
  /** Most clicks per written batch (smaller on the embedded database, which writes on the event loop). */
  clickBatchSize?: number;
}

export function createAffiliationModule(deps: AffiliationModuleDeps): AffiliationModule {
  const sides = new ViewerSides(deps.teams, deps.people);
  const settings = new SettingsService(deps.db);
  const cache = new LinkCache();
  const buffer = new ClickBuffer(deps.clickSink ?? new DatabaseClickSink(deps.statements), {
    logger: deps.logger,
    ...(deps.clickFlushIntervalMs ? { flushIntervalMs: deps.clickFlushIntervalMs } : {}),
    ...(deps.clickBatchSize ? { maxBatch: deps.clickBatchSize } : {}),
  });
  const performance = new PerformanceReader(deps.db);
  const requests = new RequestService({
    db: deps.db,
    products: deps.products,
    teams: deps.teams,
    people: deps.people,
    audit: deps.audit,
    notifications: deps.notifications,
    settings,
    performance,
    influencerQuota: deps.influencerQuota,
    onLinksChanged: async (codes) => {
      cache.invalidate(codes);
      if (codes.length > 0) await deps.events.publish(linkChangesChannel, { codes });
    },
  });
  const links = new LinkService({
    db: deps.db,
    publicUrl: deps.publicUrl,
    products: deps.products,
    requests,
    settings,
    cache,
  });
  const presenter = new CommissionPresenter(deps.products, deps.people);
  const conversions = new ConversionService({
    db: deps.db,
    buffer,
    products: deps.products,
    people: deps.people,
    settings,
    audit: deps.audit,
    presenter,
    thresholds: { ...defaultFraudThresholds, ...deps.fraud },
    ledger: deps.ledger,
  });
  const commissions = new CommissionService({
    db: deps.db,
    teams: deps.teams,
    people: deps.people,
    audit: deps.audit,
    presenter,
    ledger: deps.ledger,
  });
  const stats = new StatsService(deps.db);
  const exporter = new CsvExporter(deps.db);
  const unique = new UniqueClickWindow();
  let countries: CountryLookup | null = null;
  let unsubscribe: Unsubscribe | undefined;

  return {
    requests,
    links,
    conversions,
    commissions,
    settings,
    clicks: buffer,
    socialFacts: new SocialLinkFacts({ db: deps.db, links }),
    payoutFacts: new PayoutCommissionFacts({ db: deps.db, products: deps.products }),
    recordCheckoutSale: (sale) => conversions.record({ ...sale, source: 'checkout' }, 'fr'),
    seedDemo: (input) => seedDemoAffiliation({ db: deps.db, products: deps.products, settings, ...input }),
    async start() {
      countries = await openCountryLookup(deps.geoipDatabasePath);
      unsubscribe = await deps.events.subscribe(linkChangesChannel, (message) => {
        const codes = (message as { codes?: unknown }).codes;
        if (Array.isArray(codes)) cache.invalidate(codes.filter((code): code is string => typeof code === 'string'));
      });
    },
    async stop() {
      await unsubscribe?.();
      await buffer.close();
    },
    jobs: [
      defineJob({
        queue: QueueName.AffiliationApproveCommissions,
        // Daily, early morning UTC; a missed day is caught up by the next run (approvableAt <= now).
        cron: { expression: '15 3 * * *', payload: {} },
        async handle(_payload, context) {
          const approved = await commissions.approveDue();
          if (approved > 0) context.logger.info({ approved }, 'approved commissions past their hold period');
        },
      }),
    ],
    routes: async (api) => {
      await api.register(requestRoutes({ requests, settings, sides, products: deps.products }));
      await api.register(linkRoutes({ links, stats, sides, products: deps.products }));
      await api.register(moneyRoutes({ conversions, commissions, exporter, sides }));
    },
    rootRoutes: async (root) => {
      await root.register(
        redirectRoutes({
          publicUrl: deps.publicUrl,
          resolve: (code) => links.resolve(code),
          cached: (code) => cache.get(code) ?? undefined,
          buffer,
          unique,
          get countries() {
            return countries;
          },
        }),
      );
      await root.register(
        pixelRoutes({ publicUrl: deps.publicUrl, conversions, settings, ratePerMinute: deps.pixelRatePerMinute ?? 60 }),
      );
    },
  };
}
