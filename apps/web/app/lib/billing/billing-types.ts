import type { Plan, PlanList } from '@souk/contracts/plans';

/*
 * The shapes the billing and invoicing API answer, as the pages read them. They follow the
 * published API; only the members the pages use are named.
 */
export type {
  AdminSubscription,
  BillingOverview,
  SubscriptionProvider,
  SubscriptionStatus,
  UsageMeter,
} from '@souk/contracts/billing';

export type EffectivePlans = PlanList;

export interface AdminPlanList extends PlanList {
  defaults: Plan[];
}

export type { InvoiceStatus, InvoiceSummary as InvoiceItem } from '@souk/contracts/invoicing';

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}
