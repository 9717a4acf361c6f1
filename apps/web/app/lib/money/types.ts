/** The money contracts the pages read, from one import. */
export type { FinanceMonth, FinanceSummary, LedgerCheck } from '@souk/contracts/ledger';
export type {
  Payout,
  PayoutBalance,
  PayoutExclusion,
  PayoutExclusionReason,
  PayoutLine,
  PayoutLineStatus,
  PayoutRun,
  PayoutRunStatus,
  PayoutRunSummary,
  PayoutStatus,
} from '@souk/contracts/payouts';
export type { ReferralOverview } from '@souk/contracts/referrals';
export type {
  CommissionInvoice,
  Settlement,
  SettlementLine,
  SettlementStatus,
  SettlementSummary,
} from '@souk/contracts/settlements';

import type { adminReferralSchema } from '@souk/contracts/referrals';
import type { z } from 'zod';

export type AdminReferral = z.infer<typeof adminReferralSchema>;

/** Why a person would be left out of the next payout: an account problem, or too little money. */
export type BalanceExclusion = 'kyc_not_approved' | 'no_rib' | 'rib_key_invalid' | 'below_minimum';
