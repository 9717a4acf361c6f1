/**
 * The actions the API records in its audit log, each with a label under `audit.actions` in the
 * locales. The list itself lives in the contracts, shared with the server.
 */
export { type AuditAction, auditActions, isAuditAction } from '@souk/contracts/audit';
