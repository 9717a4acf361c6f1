import type { QuotaName } from '@souk/contracts/billing';
import type { TeamRole } from '@souk/contracts/teams';
import type { Executor } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';

/** Gauges counted from what exists (the first time a team's gauge is used, and each day). */
export type GaugeQuota = Extract<QuotaName, 'publishedDeals' | 'teamSeats' | 'approvedInfluencers'>;
export type UsageCounts = Record<GaugeQuota, (organizationId: string, executor: Executor) => Promise<number>>;

/** The catalog's deals taken off and put back when a plan allows fewer or more of them. */
export interface PlanPausedDeals {
  /** Pauses the `count` newest published deals; returns how many it paused. */
  pauseNewest(organizationId: string, count: number, executor: Executor): Promise<number>;
  /** Republishes up to `count` paused deals, oldest first; returns how many. */
  resumeOldest(organizationId: string, count: number, executor: Executor): Promise<number>;
  pausedCount(organizationId: string, executor?: Executor): Promise<number>;
}

export interface BillingTeams {
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
  namesOf(teamIds: readonly string[], executor?: Executor): Promise<Map<string, string>>;
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
}

export type BillingPeople = Pick<IdentityModule['users'], 'getContact'>;
export type BillingAudit = Pick<IdentityModule['audit'], 'record'>;
export type BillingMailer = Pick<MessagingModule['mail'], 'send'>;

/** FINANCE's invoicing, as pinned; absent until it lands (renewals are then recorded without a document). */
export interface SubscriptionInvoices {
  issue(
    executor: Executor,
    input: {
      type: 'invoice' | 'credit_note';
      source: { kind: string; id: string };
      buyer: {
        kind: 'organization' | 'user';
        id: string;
        name: string;
        email: string;
        address?: string | null;
        ice?: string | null;
        locale?: 'fr' | 'en' | 'ar';
      };
      lines: { description: string; quantity: number; unitAmountMinor: number }[];
      vatRateBps?: number;
      currency: string;
      paymentMethod: string;
      status: 'paid' | 'due';
      dueAt?: Date;
      payUrl?: string;
    },
  ): Promise<{ id: string; number: string; totalMinor: number; created: boolean }>;
  markPaid(executor: Executor, invoiceId: string, input: { paymentMethod: string; paidAt: Date }): Promise<unknown>;
}

/** FINANCE's ledger, as pinned. */
export interface SubscriptionLedger {
  post(
    executor: Executor,
    input: {
      kind: string;
      reference: string;
      memo?: string;
      occurredAt?: Date;
      entries: { account: string; ownerId?: string | null; amountMinor: number; currency: string }[];
    },
  ): Promise<{ transactionId: string; created: boolean }>;
}

/** Stripe Billing over the payments module's Stripe connection. */
export interface StripeBillingApi {
  createCustomer(input: { organizationId: string; name: string; email: string }): Promise<{ id: string }>;
  checkoutSubscription(input: {
    customerId: string;
    organizationId: string;
    planId: string;
    amountMinor: number;
    currency: string;
    trialEnd: Date | null;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ id: string; url: string }>;
  portal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** Upgrade now, with proration; or the price for the next period (downgrade), without. */
  changePrice(input: {
    subscriptionId: string;
    planId: string;
    amountMinor: number;
    currency: string;
    prorate: boolean;
    idempotencyKey: string;
  }): Promise<void>;
  cancelAtPeriodEnd(input: { subscriptionId: string; cancel: boolean; idempotencyKey: string }): Promise<void>;
}

/** The CMI-protocol card gateway (CMI or the sandbox), for a renewal's pay link. */
export interface RenewalCardPayments {
  available(): boolean;
  start(input: {
    renewalId: string;
    reference: string;
    amountMinor: number;
    currency: string;
    description: string;
    locale: 'fr' | 'en' | 'ar';
    buyer: { name: string; email: string };
  }): Promise<{ kind: 'form'; action: string; fields: Record<string, string> } | { kind: 'redirect'; url: string }>;
}
