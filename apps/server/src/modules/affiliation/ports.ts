import type { Commission, Currency, ProductStatus } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type { TeamRole } from '@souk/contracts/teams';
import type { Executor } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';

/** What affiliation needs to know about a product, read from the catalog. */
export interface ProductFacts {
  id: string;
  organizationId: string;
  status: ProductStatus;
  title: string;
  slug: string;
  currency: Currency;
  priceMinor: number;
  commission: Commission | null;
}

export interface ProductDirectory {
  find(productId: string): Promise<ProductFacts | null>;
  findMany(productIds: readonly string[]): Promise<Map<string, ProductFacts>>;
  /** A team's published products (demo data). */
  publishedIdsOf(organizationId: string, limit: number): Promise<string[]>;
}

export interface TeamDirectory {
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
}

export type PeopleDirectory = Pick<IdentityModule['users'], 'getContact'>;
export type AuditTrail = Pick<IdentityModule['audit'], 'record'>;
export type Notifier = Pick<MessagingModule['notifications'], 'notify'>;

/** Thresholds of the fraud signals; each only flags (holds) a commission, never drops anything. */
export interface FraudThresholds {
  /** A conversion this soon after its click is faster than a person buys. */
  minSecondsToConvert: number;
  /** Clicks from one address on one link within an hour before the click looks automated. */
  clicksPerIpPerHour: number;
  /** Attributed conversions from one click address within a day. */
  conversionsPerIpPerDay: number;
}

export const defaultFraudThresholds: FraudThresholds = {
  minSecondsToConvert: 10,
  clicksPerIpPerHour: 20,
  conversionsPerIpPerDay: 3,
};

/** A commission as the ledger postings need it. */
export interface CommissionMovement {
  id: string;
  influencerId: string;
  organizationId: string;
  currency: string;
  /** How the sale was reported: a checkout sale is netted from the merchant's settlement. */
  source: 'api' | 'pixel' | 'checkout';
}

/**
 * The money side of the commission lifecycle, posted to the ledger inside affiliation's own
 * transactions so the status change and its postings commit together. `reference` makes each
 * posting idempotent (a refund's ref, a decision).
 */
export interface CommissionLedger {
  accrued(executor: Executor, commission: CommissionMovement, amountMinor: number): Promise<void>;
  approved(executor: Executor, commission: CommissionMovement, amountMinor: number): Promise<void>;
  /** Part or all of a commission taken back (refund, fraud), from the state it was in. */
  reduced(
    executor: Executor,
    commission: CommissionMovement,
    change: { amountMinor: number; from: 'pending' | 'approved' | 'paid'; reference: string },
  ): Promise<void>;
}

/**
 * The plan's approved-influencer quota (billing), counted in affiliation's own transactions: one
 * unit per influencer a team works with, taken at their first approval, given back at their last end.
 */
export interface ApprovedInfluencerQuota {
  consume(executor: Executor, organizationId: string, locale: Locale): Promise<void>;
  release(executor: Executor, organizationId: string): Promise<void>;
}
