import type { SubscriptionStatus } from '@souk/contracts/billing';
import type { PlanId } from '@souk/contracts/plans';
import type { billingSubscriptions } from './schema.ts';

export type SubscriptionRow = typeof billingSubscriptions.$inferSelect;

/** Statuses in which the subscribed plan applies: a trial counts, an unpaid renewal in grace too. */
const livingStatuses: ReadonlySet<SubscriptionStatus> = new Set(['trialing', 'active', 'past_due']);

export function effectivePlanId(row: Pick<SubscriptionRow, 'status' | 'planId'> | null | undefined): PlanId {
  return row && livingStatuses.has(row.status) ? row.planId : 'free';
}

export function isLiving(status: SubscriptionStatus): boolean {
  return livingStatuses.has(status);
}

const planRank: Record<PlanId, number> = { free: 0, starter: 1, pro: 2, enterprise: 3 };
export function isUpgrade(from: PlanId, to: PlanId): boolean {
  return planRank[to] > planRank[from];
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The same day of the next month (clamped to its last day), in UTC. */
export function addMonth(date: Date, months = 1): Date {
  const next = new Date(date);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, last));
  return next;
}

/** The usage period of a quota at a moment: its month (UTC) for monthly quotas, else the gauge. */
export function usagePeriod(monthly: boolean, now: Date): string {
  return monthly ? now.toISOString().slice(0, 7) : 'total';
}
