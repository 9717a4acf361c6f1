import type { Executor } from '../../platform/db/database.ts';
import type { AffiliationModule } from '../affiliation/module.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { KycModule } from '../kyc/module.ts';
import type { LedgerModule } from '../ledger/module.ts';
import type { MessagingModule } from '../messaging/module.ts';

/** Approved commissions: read, locked and settled through affiliation's port. */
export type CommissionFacts = Pick<
  AffiliationModule['payoutFacts'],
  'approvedUnpaid' | 'markPaid' | 'details' | 'open'
>;

/** Who may be paid and where: KYC's verified people and their approved RIB. */
export type PayoutAccounts = Pick<KycModule, 'verifiedUsers' | 'payoutAccount'>;

export type PeopleDirectory = Pick<IdentityModule['users'], 'getContact'>;
export type AuditTrail = Pick<IdentityModule['audit'], 'record'>;
export type Mailer = Pick<MessagingModule['mail'], 'send'>;
export type Ledger = Pick<LedgerModule['ledger'], 'post' | 'balancesOf' | 'balancesByOwner'>;

/** One transfer as a provider (bank file, PSP) needs it. */
export interface Transfer {
  lineId: string;
  beneficiary: string;
  rib: string;
  amountMinor: number;
  currency: string;
  reference: string;
}

export interface TransferBatch {
  runId: string;
  period: string;
  transfers: Transfer[];
}

export interface TransferFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Who moves the money of an approved run. The default works by file: the admin downloads the
 * bank's bulk transfer file and marks each line paid or failed from the bank's report. A PSP that
 * pays MAD to a RIB would submit the transfers itself and report each outcome the same way.
 */
export interface PayoutProvider {
  readonly id: string;
  /** Called when a run is approved, in its transaction; returns the provider's reference per line, if any. */
  submit(batch: TransferBatch, executor: Executor): Promise<Map<string, string>>;
  /** The file the platform's bank imports, for providers that work by file. */
  transferFile?(batch: TransferBatch, format: 'csv' | 'xlsx'): TransferFile;
}
