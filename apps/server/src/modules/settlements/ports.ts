import type { PaymentStart } from '@souk/contracts/payments';
import type { Plan } from '@souk/contracts/plans';
import type { TeamRole } from '@souk/contracts/teams';
import type { Executor } from '../../platform/db/database.ts';
import type { AffiliationCommissionDirectory } from '../affiliation/commission-directory.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { PaymentsSettlementDirectory } from '../payments/settlement-directory.ts';

/** The ledger (finance): one balanced, idempotent transaction per (kind, reference). */
export interface LedgerPort {
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

/** Invoicing (finance): one document per source, numbered in the caller's transaction. */
export interface InvoicePort {
  issue(
    executor: Executor,
    input: {
      type: 'invoice';
      source: { kind: string; id: string };
      buyer: {
        kind: 'organization';
        id: string;
        name: string;
        email: string;
        address?: string | null;
        ice?: string | null;
        locale?: 'fr' | 'en' | 'ar';
      };
      lines: { description: string; quantity: number; unitAmountMinor: number }[];
      currency: string;
      paymentMethod: string;
      status: 'paid' | 'due';
      dueAt?: Date;
      payUrl?: string;
    },
  ): Promise<{ id: string; number: string; totalMinor: number; created: boolean }>;
  markPaid(executor: Executor, invoiceId: string, input: { paymentMethod: string; paidAt: Date }): Promise<unknown>;
}

/** Billing: the plan in force for a merchant (its platform fee). */
export interface PlanPort {
  planOf(organizationId: string, executor?: Executor): Promise<Plan>;
}

export interface TeamDirectory {
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
  namesOf(teamIds: readonly string[]): Promise<Map<string, string>>;
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
}

export type PeopleDirectory = Pick<IdentityModule['users'], 'getContact'>;

/** The approved bank account of a merchant (KYC). */
export interface PayoutAccounts {
  payoutAccount(subject: { type: 'organization'; id: string }): Promise<{ rib: string; holderName: string } | null>;
}

/** Card payments that are not orders (the checkout's CMI-protocol gateways). */
export interface CardPayments {
  /** Claims references `${prefix}-…`: their verified callbacks come to `handle`. */
  register(handler: {
    prefix: string;
    handle(
      gateway: 'cmi' | 'sandbox' | 'stripe',
      notification: {
        outcome: 'approved' | 'declined' | 'pending';
        amountMinor: number | null;
        currency: string | null;
        orderKey: { reference: string } | { id: string };
      },
    ): Promise<'paid' | 'duplicate' | 'declined' | 'rejected'>;
    returnPath(reference: string, outcome: 'ok' | 'fail'): Promise<string>;
  }): void;
  /** A payment page for the amount, or null when no gateway takes this currency. */
  start(input: {
    reference: string;
    amountMinor: number;
    currency: 'MAD' | 'EUR' | 'USD';
    description: string;
    locale: 'fr' | 'en' | 'ar';
    payer: { name: string; email: string };
  }): Promise<PaymentStart | null>;
}

export type SettleableOrders = Pick<PaymentsSettlementDirectory, 'settleableOrders' | 'confirmedRefunds'>;
export type CommissionFacts = Pick<AffiliationCommissionDirectory, 'onCheckoutOrders' | 'approvedOnReportedSales'>;
