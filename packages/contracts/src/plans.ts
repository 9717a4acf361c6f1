import { z } from 'zod';
import { type PlanId, type PlanQuotas, planIds } from './plan-quotas.ts';

/**
 * The one plans configuration: the home page and /pricing show it, billing charges it. Prices are
 * monthly, in MAD minor units (centimes). A quota of `null` means unlimited. Names and
 * descriptions are translated by the web app under `plans.<id>`.
 */

export const trialDays = 14;
export const planCurrency = 'MAD';

// Kept in a module without zod: pages read plan ids and quotas without loading any schema.
export { type PlanId, type PlanQuotas, planIds, quotaNames } from './plan-quotas.ts';

export interface Plan {
  id: PlanId;
  monthlyPriceMinor: number;
  currency: typeof planCurrency;
  /** Whether a new subscription starts with the free trial (a free plan needs none). */
  trial: boolean;
  /** Share of each sale the platform keeps, in basis points (100 = 1 %). */
  platformFeeBps: number;
  quotas: PlanQuotas;
  /** The plan the pages put forward. */
  highlighted: boolean;
}

export const plans: readonly Plan[] = [
  {
    id: 'free',
    monthlyPriceMinor: 0,
    currency: planCurrency,
    trial: false,
    platformFeeBps: 1000,
    highlighted: false,
    quotas: {
      publishedDeals: 3,
      teamSeats: 1,
      approvedInfluencers: 5,
      scheduledPostsPerMonth: 10,
      aiGenerationsPerMonth: 20,
      campaignEmailsPerMonth: 0,
    },
  },
  {
    id: 'starter',
    monthlyPriceMinor: 29_900,
    currency: planCurrency,
    trial: true,
    platformFeeBps: 700,
    highlighted: false,
    quotas: {
      publishedDeals: 20,
      teamSeats: 3,
      approvedInfluencers: 30,
      scheduledPostsPerMonth: 100,
      aiGenerationsPerMonth: 200,
      campaignEmailsPerMonth: 2_000,
    },
  },
  {
    id: 'pro',
    monthlyPriceMinor: 79_900,
    currency: planCurrency,
    trial: true,
    platformFeeBps: 500,
    highlighted: true,
    quotas: {
      publishedDeals: 100,
      teamSeats: 10,
      approvedInfluencers: 200,
      scheduledPostsPerMonth: 1_000,
      aiGenerationsPerMonth: 2_000,
      campaignEmailsPerMonth: 20_000,
    },
  },
  {
    id: 'enterprise',
    monthlyPriceMinor: 249_900,
    currency: planCurrency,
    trial: true,
    platformFeeBps: 300,
    highlighted: false,
    quotas: {
      publishedDeals: null,
      teamSeats: null,
      approvedInfluencers: null,
      scheduledPostsPerMonth: null,
      aiGenerationsPerMonth: null,
      campaignEmailsPerMonth: null,
    },
  },
];

export function findPlan(id: PlanId): Plan {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan) throw new Error(`Unknown plan ${id}`);
  return plan;
}

const quota = z.number().int().min(0).nullable().describe('null: unlimited');

export const planSchema = z
  .object({
    id: z.enum(planIds),
    monthlyPriceMinor: z.number().int().min(0).describe('Monthly price in minor units (centimes)'),
    currency: z.literal(planCurrency),
    trial: z.boolean(),
    platformFeeBps: z.number().int().min(0).max(10_000).describe('Platform fee in basis points'),
    highlighted: z.boolean(),
    quotas: z.object({
      publishedDeals: quota,
      teamSeats: quota,
      approvedInfluencers: quota,
      scheduledPostsPerMonth: quota,
      aiGenerationsPerMonth: quota,
      campaignEmailsPerMonth: quota,
    }),
  })
  .meta({ id: 'Plan' });

export const planListSchema = z
  .object({ trialDays: z.number().int(), plans: z.array(planSchema) })
  .meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof planListSchema>;
