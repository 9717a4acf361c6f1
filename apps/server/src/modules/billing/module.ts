import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database, Executor } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { BillingMails } from './billing-mails.ts';
import { PlanService } from './plan-service.ts';
import type {
  BillingAudit,
  BillingMailer,
  BillingPeople,
  BillingTeams,
  PlanPausedDeals,
  RenewalCardPayments,
  StripeBillingApi,
  SubscriptionInvoices,
  SubscriptionLedger,
  UsageCounts,
} from './ports.ts';
import { QuotaService } from './quota-service.ts';
import { billingRoutes } from './routes.ts';
import { renewalReferencePrefix, type StripeBillingEvent, SubscriptionService } from './subscription-service.ts';

export type { GaugeQuota, PlanPausedDeals, StripeBillingApi, UsageCounts } from './ports.ts';
export type { StripeBillingEvent } from './subscription-service.ts';

export interface BillingModule {
  plans: PlanService;
  quotas: QuotaService & {
    grantFreeMonth(executor: Executor, organizationId: string, planId: 'pro', reason: string): Promise<void>;
  };
  subscriptions: SubscriptionService;
  /** For the card gateways' callbacks: renewals' references (`SUB-…`) are billing's. */
  renewalPayments: {
    prefix: string;
    handle(
      gateway: string,
      notification: {
        orderKey: { reference: string } | { id: string };
        outcome: 'approved' | 'declined' | 'pending';
        amountMinor: number | null;
      },
    ): Promise<'paid' | 'duplicate' | 'declined' | 'rejected'>;
    returnPath(reference: string, outcome: 'ok' | 'fail'): Promise<string>;
  };
  /** For the payments webhook: a verified, first-seen Stripe event about subscriptions. */
  handleStripeEvent(executor: Executor, event: StripeBillingEvent): Promise<'applied' | 'unknown' | 'ignored'>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

export interface BillingModuleDeps {
  db: Database;
  publicUrl: string;
  counts: UsageCounts;
  deals: PlanPausedDeals;
  teams: BillingTeams;
  people: BillingPeople;
  audit: BillingAudit;
  mail: BillingMailer;
  invoices: () => SubscriptionInvoices | null;
  ledger: () => SubscriptionLedger | null;
  stripe: () => StripeBillingApi | null;
  cards: RenewalCardPayments;
  logger: { info(details: object, message: string): void; warn(details: object, message: string): void };
  now?: () => Date;
}

/** Plans (defaults + admins' changes), quotas counted with the actions, merchant subscriptions. */
export function createBillingModule(deps: BillingModuleDeps): BillingModule {
  const plans = new PlanService({ db: deps.db, audit: deps.audit });
  const quotas = new QuotaService({ db: deps.db, plans, counts: deps.counts, ...(deps.now ? { now: deps.now } : {}) });
  const mails = new BillingMails({
    mail: deps.mail,
    people: deps.people,
    teams: deps.teams,
    publicUrl: deps.publicUrl,
  });
  const subscriptions = new SubscriptionService({
    db: deps.db,
    publicUrl: deps.publicUrl,
    plans,
    quotas,
    deals: deps.deals,
    teams: deps.teams,
    people: deps.people,
    audit: deps.audit,
    mails,
    invoices: deps.invoices,
    ledger: deps.ledger,
    stripe: deps.stripe,
    cards: deps.cards,
    logger: deps.logger,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    plans,
    quotas: Object.assign(quotas, {
      grantFreeMonth: (executor: Executor, organizationId: string, planId: 'pro', reason: string) =>
        subscriptions.grantFreeMonth(executor, organizationId, planId, reason),
    }),
    subscriptions,
    handleStripeEvent: (executor, event) => subscriptions.handleStripeEvent(executor, event),
    renewalPayments: {
      prefix: renewalReferencePrefix,
      handle: (_gateway, notification) =>
        'reference' in notification.orderKey
          ? subscriptions.renewalCardNotification({
              reference: notification.orderKey.reference,
              outcome: notification.outcome,
              amountMinor: notification.amountMinor,
            })
          : Promise.resolve('rejected' as const),
      returnPath: (reference) => subscriptions.renewalReturnPath(reference),
    },
    jobs: [
      defineJob({
        queue: QueueName.BillingDaily,
        cron: { expression: '15 3 * * *', payload: {} },
        async handle(_payload, context) {
          const counts = await subscriptions.daily();
          for (const organizationId of await subscriptions.organizationsWithUsage()) {
            await deps.db.transaction((tx) => quotas.reconcileGauges(tx, organizationId));
          }
          context.logger.info(counts, 'billing daily pass');
        },
      }),
    ],
    routes: billingRoutes({ plans, subscriptions, teams: deps.teams, people: deps.people }),
  };
}
