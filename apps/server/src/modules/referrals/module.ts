import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { ReferralBilling, ReferralCommissions, ReferralLedger, ReferralPeople, ReferralTeams } from './ports.ts';
import { ReferralService, type ReferralSettings } from './referral-service.ts';
import { joinRoutes, referralRoutes } from './routes.ts';

export interface ReferralsModule {
  referrals: ReferralService;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
  rootRoutes: FastifyPluginAsync;
}

export interface ReferralsModuleDeps {
  db: Database;
  publicUrl: string;
  settings: ReferralSettings;
  people: ReferralPeople;
  teams: ReferralTeams;
  commissions: ReferralCommissions;
  ledger: ReferralLedger;
  billing: ReferralBilling;
}

/** The referral program (decision 029). */
export function createReferralsModule(deps: ReferralsModuleDeps): ReferralsModule {
  const referrals = new ReferralService(deps);
  return {
    referrals,
    jobs: [
      defineJob({
        queue: QueueName.ReferralsAccrue,
        // Daily, after the commissions' approval pass (03:15 UTC).
        cron: { expression: '45 3 * * *', payload: {} },
        async handle(_payload, context) {
          const result = await referrals.accrue();
          context.logger.info(result, 'referral bonuses and rewards');
        },
      }),
    ],
    routes: referralRoutes({ referrals }),
    rootRoutes: joinRoutes(),
  };
}
