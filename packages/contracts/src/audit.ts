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
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (auditActions as readonly string[]).includes(value);
}
