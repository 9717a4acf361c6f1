/** KYC: every view and decision of a reviewer, every access to a document, exports and purges. */
export const kycAuditActions = [
  'kyc_submitted',
  'kyc_viewed',
  'kyc_approved',
  'kyc_rejected',
  'kyc_info_requested',
  'kyc_document_viewed',
  'kyc_document_access_denied',
  'kyc_bank_account_changed',
  'kyc_data_exported',
  'kyc_documents_purged',
] as const;
export type KycAuditAction = (typeof kycAuditActions)[number];

/** Affiliation: merchants' decisions on requests and on the money (commissions). */
export const affiliationAuditActions = [
  'affiliation_approved',
  'affiliation_rejected',
  'affiliation_ended',
  'commission_approved',
  'commission_reversed',
  'commission_rejected_fraud',
] as const;
export type AffiliationAuditAction = (typeof affiliationAuditActions)[number];

/** Billing: each subscription transition and each admin change to a plan. */
export const billingAuditActions = ['subscription_changed', 'plan_updated'] as const;
export type BillingAuditAction = (typeof billingAuditActions)[number];

/** Payouts: each run created, approved, and each transfer marked paid or failed. */
export const payoutAuditActions = [
  'payout_run_created',
  'payout_run_approved',
  'payout_line_paid',
  'payout_line_failed',
] as const;
export type PayoutAuditAction = (typeof payoutAuditActions)[number];

/** Security events the audit log records; the admin UI has a label for each. */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sign_up',
  'email_verified',
  'password_reset_requested',
  'password_changed',
  'email_change_requested',
  'two_factor_enabled',
  'two_factor_disabled',
  'session_revoked',
  'api_key_created',
  'api_key_revoked',
  'user_suspended',
  'user_reactivated',
  'role_changed',
  'team_member_invited',
  'team_member_joined',
  'team_member_removed',
  'team_ownership_transferred',
  ...kycAuditActions,
  ...affiliationAuditActions,
  ...billingAuditActions,
  ...payoutAuditActions,
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (auditActions as readonly string[]).includes(value);
}
