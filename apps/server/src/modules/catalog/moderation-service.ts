import type { Placement, ProductView } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { MessagingModule } from '../messaging/module.ts';
import type { PublishedDealQuota } from './ports.ts';
import { assertNoProblems, fieldError } from './product-rules.ts';
import type { ProductService } from './product-service.ts';
import type { ProductPresenter } from './product-views.ts';
import { catalogProducts } from './schema.ts';

export interface ModerationDeps {
  db: Database;
  products: ProductService;
  presenter: ProductPresenter;
  /** The team's owner and admins, who hear about what happens to its deals. */
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
  notifications: Pick<MessagingModule['notifications'], 'notify'>;
  onChange(): void;
  /** The plan's published-deal quota: a deal taken down gives its unit back. */
  dealQuota?: PublishedDealQuota;
}

/** What admins do to merchants' deals: take them down with a reason, and decide placements. */
export class ModerationService {
  constructor(private readonly deps: ModerationDeps) {}

  async get(productId: string): Promise<ProductView> {
    return this.deps.presenter.product(await this.require(productId));
  }

  /**
   * Takes a deal off the marketplace and holds it: the team is told why (mail and in-app, in the
   * same transaction, so no notice goes out for a change that did not happen) and cannot publish
   * it again until an admin lifts the hold after they fixed it.
   */
  async unpublish(productId: string, reason: string): Promise<ProductView> {
    const current = await this.require(productId);
    const row = await this.deps.db.transaction(async (tx) => {
      const now = new Date();
      const [updated] = await tx
        .update(catalogProducts)
        .set({
          status: current.status === 'published' ? 'draft' : current.status,
          moderationHold: true,
          moderationReason: reason,
          moderatedAt: now,
          updatedAt: now,
        })
        .where(eq(catalogProducts.id, productId))
        .returning();
      if (current.status === 'published') await this.deps.dealQuota?.release(tx, current.organizationId, 1);
      for (const userId of await this.deps.managerIdsOf(current.organizationId, tx)) {
        await this.deps.notifications.notify(
          userId,
          'catalog.product_unpublished',
          { productId, title: current.title, reason },
          { executor: tx },
        );
      }
      return updated;
    });
    this.deps.onChange();
    return this.deps.presenter.product(row ?? current);
  }

  /** Lifts the hold: the team may publish the deal again (it stays a draft until they do). */
  async release(productId: string): Promise<ProductView> {
    await this.require(productId);
    const [row] = await this.deps.db
      .update(catalogProducts)
      .set({ moderationHold: false, updatedAt: new Date() })
      .where(eq(catalogProducts.id, productId))
      .returning();
    this.deps.onChange();
    return this.deps.presenter.product(row ?? (await this.require(productId)));
  }

  /** Approves or refuses a placement the merchant asked for; nothing to decide when not asked. */
  async decide(
    productId: string,
    placement: Placement,
    decision: 'approve' | 'refuse',
    locale: Locale,
  ): Promise<ProductView> {
    const current = await this.require(productId);
    const state = placement === 'featured' ? current.featuredState : current.dealOfTheDayState;
    if (state === 'none') assertNoProblems([fieldError(locale, 'body.decision', 'placement_not_requested')]);
    const now = new Date();
    const next = decision === 'approve' ? ('approved' as const) : ('refused' as const);
    const [row] = await this.deps.db
      .update(catalogProducts)
      .set(
        placement === 'featured'
          ? { featuredState: next, featuredDecidedAt: now, updatedAt: now }
          : { dealOfTheDayState: next, dealOfTheDayDecidedAt: now, updatedAt: now },
      )
      .where(eq(catalogProducts.id, productId))
      .returning();
    this.deps.onChange();
    return this.deps.presenter.product(row ?? current);
  }

  private async require(productId: string) {
    const row = await this.deps.products.find(productId);
    if (!row) throw new AppError('not_found');
    return row;
  }
}
