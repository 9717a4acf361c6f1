/** The plans, by id, from the cheapest. */
export const planIds = ['free', 'starter', 'pro', 'enterprise'] as const;
export type PlanId = (typeof planIds)[number];

/** What each plan limits; `null` means unlimited. Free of zod, so pages can import it cheaply. */
export interface PlanQuotas {
  publishedDeals: number | null;
  teamSeats: number | null;
  approvedInfluencers: number | null;
  scheduledPostsPerMonth: number | null;
  aiGenerationsPerMonth: number | null;
  campaignEmailsPerMonth: number | null;
}
export const quotaNames = [
  'publishedDeals',
  'teamSeats',
  'approvedInfluencers',
  'scheduledPostsPerMonth',
  'aiGenerationsPerMonth',
  'campaignEmailsPerMonth',
] as const satisfies readonly (keyof PlanQuotas)[];
