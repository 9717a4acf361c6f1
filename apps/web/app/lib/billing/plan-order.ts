import { type PlanId, planIds } from '@souk/contracts/plan-quotas';

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (planIds as readonly string[]).includes(value);
}

/** Where a plan stands against another, by the plans' order (Free < Starter < Pro < Enterprise). */
export function planRank(id: PlanId): number {
  return planIds.indexOf(id);
}

/** The billing page's path for a team (`?team=` only when the viewer has several). */
export function billingPath(teamId: string | null): string {
  return teamId ? `/merchant/billing?${new URLSearchParams({ team: teamId })}` : '/merchant/billing';
}
