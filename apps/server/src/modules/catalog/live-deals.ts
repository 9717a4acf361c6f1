import { and, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import { catalogProducts } from './schema.ts';

/**
 * A deal the marketplace shows: published and not past its end. The expiry job moves ended deals
 * to `expired` every few minutes; this condition keeps them off listings in between.
 */
export function liveCondition(): SQL {
  return and(
    eq(catalogProducts.status, 'published'),
    or(isNull(catalogProducts.expiresAt), gt(catalogProducts.expiresAt, sql`now()`)),
  ) as SQL;
}
