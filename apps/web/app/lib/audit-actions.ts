/**
 * The actions the API records in its audit log, each with a label under `audit.actions` in the
 * locales. The list itself lives in the contracts, shared with the server.
 */
import { type AuditAction, type KycAuditAction, kycAuditActions } from '@souk/contracts/audit';
import type { TFunction } from 'i18next';

export { type AuditAction, auditActions, isAuditAction } from '@souk/contracts/audit';

/** KYC actions carry their labels in the KYC locale files (`kycAudit`), the others under `audit.actions`. */
export function auditActionLabel(t: TFunction, action: AuditAction): string {
  if ((kycAuditActions as readonly string[]).includes(action)) return t(`kycAudit.${action as KycAuditAction}`);
  return t(`audit.actions.${action as Exclude<AuditAction, KycAuditAction>}`);
}
