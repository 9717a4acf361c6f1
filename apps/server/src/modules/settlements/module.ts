import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { CommissionInvoiceService } from './commission-invoice-service.ts';
import { previousPeriod } from './period.ts';
import type {
  CardPayments,
  CommissionFacts,
  InvoicePort,
  LedgerPort,
  PayoutAccounts,
  PeopleDirectory,
  PlanPort,
  SettleableOrders,
  TeamDirectory,
} from './ports.ts';
import { settlementRoutes } from './routes.ts';
import { SettlementQueries } from './settlement-queries.ts';
import { SettlementService } from './settlement-service.ts';

export type { CardPayments, InvoicePort, LedgerPort, PlanPort } from './ports.ts';

export interface SettlementsModule {
  settlements: SettlementService;
  queries: SettlementQueries;
  commissionInvoices: CommissionInvoiceService;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

export interface SettlementsModuleDeps {
  db: Database;
  publicUrl: string;
  holdDays: number;
  invoiceDueDays: number;
  orders: SettleableOrders;
  commissions: CommissionFacts;
  ledger: LedgerPort;
  invoices: InvoicePort | null;
  plans: PlanPort;
  teams: TeamDirectory;
  people: PeopleDirectory;
  accounts: PayoutAccounts;
  cards?: CardPayments | null;
}

/** Monthly merchant settlements and commission invoices (decision 029). */
export function createSettlementsModule(deps: SettlementsModuleDeps): SettlementsModule {
  const settlements = new SettlementService(deps);
  const queries = new SettlementQueries({ db: deps.db, teams: deps.teams, accounts: deps.accounts });
  const commissionInvoices = new CommissionInvoiceService({
    db: deps.db,
    commissions: deps.commissions,
    ledger: deps.ledger,
    invoices: deps.invoices,
    plans: deps.plans,
    teams: deps.teams,
    people: deps.people,
    cards: deps.cards ?? null,
    publicUrl: deps.publicUrl,
    dueDays: deps.invoiceDueDays,
  });
  commissionInvoices.registerCardPayments();
  return {
    settlements,
    queries,
    commissionInvoices,
    jobs: [
      defineJob({
        queue: QueueName.SettlementsMonthly,
        // The 1st at 04:30 UTC, after the commissions' daily approval; repeats create nothing.
        cron: { expression: '30 4 1 * *', payload: {} },
        retryLimit: 3,
        retryDelaySeconds: 300,
        async handle(payload, context) {
          const period = payload.period ?? previousPeriod();
          const settled = await settlements.run(period, 'fr');
          const invoiced = await commissionInvoices.run(period, 'fr');
          context.logger.info(
            { period, settlements: settled.created.length, commissionInvoices: invoiced.created.length },
            'monthly settlements and commission invoices',
          );
        },
      }),
    ],
    routes: settlementRoutes({
      settlements,
      queries,
      invoices: commissionInvoices,
      teams: deps.teams,
      people: deps.people,
    }),
  };
}
