import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { BankFileProvider } from './bank-file.ts';
import { CommissionPostings } from './commission-postings.ts';
import { PayoutMails } from './payout-mails.ts';
import { PayoutRunService, previousPeriod } from './payout-runs.ts';
import { PayoutReader } from './payout-views.ts';
import type {
  AuditTrail,
  CommissionFacts,
  Ledger,
  Mailer,
  PayoutAccounts,
  PayoutProvider,
  PeopleDirectory,
} from './ports.ts';
import { payoutRoutes } from './routes.ts';

export type { PayoutProvider, TransferBatch, TransferFile } from './ports.ts';

export interface PayoutsModule {
  runs: PayoutRunService;
  reader: PayoutReader;
  /** Posts opening balances for commissions recorded without postings (demo data); idempotent. */
  seedDemo(): Promise<void>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

export interface PayoutsModuleDeps {
  db: Database;
  publicUrl: string;
  minimumMinor: number;
  commissions: CommissionFacts;
  accounts: PayoutAccounts;
  people: PeopleDirectory;
  ledger: Ledger;
  /** The same postings affiliation calls (see createCommissionPostings). */
  postings: CommissionPostings;
  audit: AuditTrail;
  mail: Mailer;
  /** Default: the bank transfer file. */
  provider?: PayoutProvider;
}

/**
 * Affiliation's port for commission postings. Built before affiliation (which calls it inside its
 * own transactions) and before the payouts module (which needs affiliation).
 */
export function createCommissionPostings(ledger: Ledger): CommissionPostings {
  return new CommissionPostings(ledger);
}

/** Influencer balances and the monthly payout run (preview, approve, bank file, paid or failed). */
export function createPayoutsModule(deps: PayoutsModuleDeps): PayoutsModule {
  const reader = new PayoutReader({
    db: deps.db,
    ledger: deps.ledger,
    commissions: deps.commissions,
    accounts: deps.accounts,
    minimumMinor: deps.minimumMinor,
  });
  const mails = new PayoutMails({ mail: deps.mail, people: deps.people, reader, publicUrl: deps.publicUrl });
  const runs = new PayoutRunService({
    db: deps.db,
    commissions: deps.commissions,
    accounts: deps.accounts,
    people: deps.people,
    ledger: deps.ledger,
    audit: deps.audit,
    provider: deps.provider ?? new BankFileProvider(),
    mails,
    minimumMinor: deps.minimumMinor,
  });
  return {
    runs,
    reader,
    async seedDemo() {
      const open = await deps.commissions.open();
      await deps.db.transaction((tx) => deps.postings.openingBalances(tx, open));
    },
    jobs: [
      defineJob({
        queue: QueueName.PayoutsMonthlyRun,
        // The 1st of each month, 04:00 UTC: the previous month's preview, once per period.
        cron: { expression: '0 4 1 * *', payload: {} },
        async handle(payload, context) {
          const period = payload.period ?? previousPeriod();
          const { run, created } = await runs.create({ period }, { id: null }, 'fr');
          context.logger.info(
            { period, runId: run.id, created, lines: run.lineCount, excluded: run.excluded.length },
            'payout run preview',
          );
        },
      }),
    ],
    routes: payoutRoutes({ runs, reader, people: deps.people }),
  };
}
