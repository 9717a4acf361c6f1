import type { Locale } from '@souk/contracts/locales';
import type { Executor } from '../../platform/db/database.ts';

/**
 * The plan's published-deal quota (billing), counted in the catalog's own transactions: taken
 * before a deal goes live (throws the quota problem), given back after it stops being live.
 */
export interface PublishedDealQuota {
  consume(executor: Executor, organizationId: string, locale: Locale): Promise<void>;
  release(executor: Executor, organizationId: string, count: number): Promise<void>;
}
