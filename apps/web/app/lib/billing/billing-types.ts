import type { Plan, PlanId, PlanList } from '@souk/contracts/plans';
import type { QuotaName } from './quota-names';

/*
 * The shapes the billing and invoicing API answer, as the pages read them. They follow the
 * published API; only the members the pages use are named.
 */
export type SubscriptionStatus = 'free' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired';
export type BillingProvider = 'none' | 'stripe' | 'cmi';

export interface BillingOverview {
  organizationId: string;
  canManage: boolean;
  cardProvider: 'stripe' | 'cmi' | null;
  subscription: {
    planId: PlanId;
    status: SubscriptionStatus;
    provider: BillingProvider;
    trialEndsAt: string | null;
    currentPeriodStart: string | null;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    graceEndsAt: string | null;
    trialUsed: boolean;
  };
  plan: Plan;
  pendingChange: { planId: PlanId; effectiveAt: string } | null;
  usage: { quota: QuotaName; used: number; limit: number | null; period: 'month' | 'total' }[];
  paused: { publishedDeals: number };
  dueInvoice: {
    id: string;
    number: string;
    totalMinor: number;
    currency: string;
    dueAt: string | null;
    payUrl: string | null;
  } | null;
}

export type EffectivePlans = PlanList;

export interface AdminPlanList extends PlanList {
  defaults?: Plan[];
}

export interface AdminSubscription {
  organizationId: string;
  organizationName: string;
  planId: PlanId;
  status: SubscriptionStatus;
  provider: BillingProvider;
  currentPeriodEnd: string | null;
  trialEndsAt: string | null;
  pendingPlanId: PlanId | null;
  cancelAtPeriodEnd: boolean;
}

export type InvoiceStatus = 'paid' | 'due' | 'void' | 'credited';

export interface InvoiceItem {
  id: string;
  number: string;
  type: 'invoice' | 'credit_note';
  status: InvoiceStatus;
  issuedAt: string;
  currency: string;
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
  dueAt: string | null;
  payUrl: string | null;
  buyerName?: string;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}
