/**
 * The actions the API records in its audit log (the server's `auditActions`), each with a label
 * under `audit.actions` in the locales. Anything newer is shown as the API names it.
 */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sign_up',
  'email_verified',
  'password_reset_requested',
  'password_changed',
  'two_factor_enabled',
  'two_factor_disabled',
  'session_revoked',
  'api_key_created',
  'api_key_revoked',
  'user_suspended',
  'user_reactivated',
  'role_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (auditActions as readonly string[]).includes(value);
}
