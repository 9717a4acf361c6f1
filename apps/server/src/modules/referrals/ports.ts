import type { CommissionStatus } from '@souk/contracts/affiliation';
import type { AccountType } from '@souk/contracts/identity';
import type { Executor } from '../../platform/db/database.ts';

export interface ReferralPeople {
  getContact(
    userId: string,
    options?: { executor?: Executor | undefined },
  ): Promise<{ id: string; name: string; email: string; accountType: AccountType | null } | null>;
  /** When the account was created (the start of an influencer's bonus window). */
  signedUpAt(userId: string): Promise<Date | null>;
}

export interface ReferralTeams {
  /** Teams the person owns, oldest first (a merchant's own team). */
  membershipsOf(userId: string): Promise<{ teamId: string; role: string }[]>;
}

/** Affiliation's commissions of referred influencers. */
export interface ReferralCommissions {
  approvedOf(
    executor: Executor,
    windows: readonly { influencerId: string; from: Date; until: Date }[],
  ): Promise<{ id: string; influencerId: string; amountMinor: number; currency: string }[]>;
  statusOf(executor: Executor, ids: readonly string[]): Promise<Map<string, CommissionStatus>>;
}

export interface ReferralLedger {
  post(
    executor: Executor,
    input: {
      kind: string;
      reference: string;
      memo?: string;
      entries: { account: string; ownerId?: string | null; amountMinor: number; currency: string }[];
    },
  ): Promise<{ transactionId: string; created: boolean }>;
}

/** Billing: the merchant reward, and whether a merchant has paid an invoice yet. */
export interface ReferralBilling {
  grantFreeMonth(executor: Executor, organizationId: string, planId: 'pro', reason: string): Promise<void>;
  hasPaidInvoice(organizationId: string): Promise<boolean>;
}
