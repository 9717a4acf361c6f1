import type { ProductImageView } from '@souk/contracts/catalog';
import { and, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { ProductPresenter } from './product-views.ts';
import { catalogProducts } from './schema.ts';

/**
 * Units of a deal for the checkout (payments). A reservation is one conditional UPDATE: it takes
 * the units only if the deal is on sale and enough are left, so concurrent checkouts for the last
 * units sell exactly the stock, never more. A deal without a stock (null) is unlimited.
 */
export class StockService {
  constructor(private readonly deps: { db: Database; presenter: ProductPresenter; onChange: () => void }) {}

  async reserve(productId: string, quantity: number, executor: Executor = this.deps.db): Promise<boolean> {
    const rows = await executor
      .update(catalogProducts)
      .set({ stockQuantity: sql`${catalogProducts.stockQuantity} - ${quantity}` })
      .where(
        and(
          eq(catalogProducts.id, productId),
          eq(catalogProducts.status, 'published'),
          or(isNull(catalogProducts.expiresAt), gt(catalogProducts.expiresAt, sql`now()`)),
          or(isNull(catalogProducts.stockQuantity), gte(catalogProducts.stockQuantity, quantity)),
        ),
      )
      .returning({ id: catalogProducts.id });
    if (rows.length > 0) this.deps.onChange();
    return rows.length > 0;
  }

  /** Units of an unpaid, cancelled or refunded order go back (whatever the deal's status now). */
  async release(productId: string, quantity: number, executor: Executor = this.deps.db): Promise<void> {
    await executor
      .update(catalogProducts)
      .set({ stockQuantity: sql`${catalogProducts.stockQuantity} + ${quantity}` })
      .where(and(eq(catalogProducts.id, productId), sql`${catalogProducts.stockQuantity} is not null`));
    this.deps.onChange();
  }

  /** The first image of a deal, for the checkout summary. */
  async firstImage(productId: string): Promise<ProductImageView | null> {
    const images = await this.deps.presenter.imagesOf([productId]);
    return images.get(productId)?.[0] ?? null;
  }
}
