import { quotaNames } from '@souk/contracts/plan-quotas';

export type QuotaName = (typeof quotaNames)[number];

export function isQuotaName(value: unknown): value is QuotaName {
  return typeof value === 'string' && (quotaNames as readonly string[]).includes(value);
}
