import type { Currency, ProductImageView, ProductStatus } from '@souk/contracts/catalog';
import type { TeamRole } from '@souk/contracts/teams';
import type { Executor } from '../../platform/db/database.ts';
import type { AffiliationModule } from '../affiliation/module.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { LedgerModule } from '../ledger/module.ts';
import type { MessagingModule } from '../messaging/module.ts';

/** What the checkout needs to know about a deal, read from the catalog. */
export interface CheckoutProductFacts {
  id: string;
  organizationId: string;
  status: ProductStatus;
  title: string;
  slug: string;
  currency: Currency;
  unitPriceMinor: number;
  originalPriceMinor: number;
  minPerPurchase: number;
  maxPerPurchase: number | null;
  /** Units left; null = unlimited. */
  stockQuantity: number | null;
  expiresAt: Date | null;
  conditions: string;
  address: string | null;
  moderationHold: boolean;
}

/** The catalog as the checkout uses it: facts, and units reserved with a conditional update. */
export interface ProductCatalog {
  find(productId: string, executor?: Executor): Promise<CheckoutProductFacts | null>;
  firstImage(productId: string): Promise<ProductImageView | null>;
  /** Takes the units if the deal is on sale and enough are left; false otherwise. */
  reserve(productId: string, quantity: number, executor: Executor): Promise<boolean>;
  release(productId: string, quantity: number, executor: Executor): Promise<void>;
}

export interface TeamDirectory {
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
  namesOf(teamIds: readonly string[]): Promise<Map<string, string>>;
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
}

export type PeopleDirectory = Pick<IdentityModule['users'], 'getContact'>;
export type Mailer = Pick<MessagingModule['mail'], 'send'>;

/** The double-entry ledger: payments post what they move inside the transaction that moves it. */
export type MoneyLedger = Pick<LedgerModule['ledger'], 'post'>;

/**
 * Billing, for Stripe Billing's events (subscriptions and their invoices): given each verified
 * event once, inside the transaction that records its id.
 */
export interface SubscriptionEvents {
  handleStripeEvent(
    executor: Executor,
    event: { id: string; type: string; data: { object: Record<string, unknown> } },
  ): Promise<'applied' | 'unknown' | 'ignored'>;
}

/** Affiliation, for sales made through the checkout. */
export interface SalesLedger {
  recordCheckoutSale: AffiliationModule['recordCheckoutSale'];
  refundSale(input: {
    organizationId: string;
    orderRef: string;
    amount: number;
    refundRef: string;
    actorId: string | null;
  }): Promise<unknown>;
}
