/**
 * The actions the API records in its audit log, each with a label under `audit.actions` in the
 * locales. The list itself lives in the contracts, shared with the server.
 */
import {
  type AffiliationAuditAction,
  type AuditAction,
  affiliationAuditActions,
  type BillingAuditAction,
  billingAuditActions,
  type KycAuditAction,
  kycAuditActions,
  type PayoutAuditAction,
  payoutAuditActions,
} from '@souk/contracts/audit';
import type { TFunction } from 'i18next';

export { type AuditAction, auditActions, isAuditAction } from '@souk/contracts/audit';

/**
 * KYC and affiliation actions carry their labels in their feature's locale files (`kycAudit`,
 * `affiliationAudit`), the others under `audit.actions`.
 */
export function auditActionLabel(t: TFunction, action: AuditAction): string {
  if ((kycAuditActions as readonly string[]).includes(action)) return t(`kycAudit.${action as KycAuditAction}`);
  if ((affiliationAuditActions as readonly string[]).includes(action)) {
    return t(`affiliationAudit.${action as AffiliationAuditAction}`);
  }
  if ((billingAuditActions as readonly string[]).includes(action)) {
    return t(`billingAudit.${action as BillingAuditAction}`);
  }
  if ((payoutAuditActions as readonly string[]).includes(action)) {
    return t(`payoutAudit.${action as PayoutAuditAction}`);
  }
  return t(
    `audit.actions.${action as Exclude<AuditAction, KycAuditAction | AffiliationAuditAction | BillingAuditAction | PayoutAuditAction>}`,
  );
}
