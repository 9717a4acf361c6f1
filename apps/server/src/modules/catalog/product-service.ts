import {
  type ProductCreateInput,
  type ProductList,
  type ProductUpdateInput,
  type ProductView,
  type PublicProduct,
  productCreateSchema,
  unverifiedPublishedDealLimit,
} from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type { TeamRole } from '@souk/contracts/teams';
import { and, asc, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { CategoryRow, CategoryService } from './category-service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { PublishedDealQuota } from './ports.ts';
import { assertNoProblems, fieldError, productProblems } from './product-rules.ts';
import type { ProductPresenter, ProductRow } from './product-views.ts';
import { columnsOf, mergeFields, type ProductFields, placementAfter } from './product-writes.ts';
import { catalogProductImages, catalogProducts, catalogSlugHistory } from './schema.ts';
import { rememberWords } from './search-vocabulary.ts';
import { chooseSlug, slugConflict } from './slugs.ts';

/** Team roles, from the identity module: a team the caller is not in answers 404, too weak a role 403. */
export interface TeamAccess {
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
}

export interface ProductListQuery {
  status?: ProductRow['status'] | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface ProductServiceDeps {
  db: Database;
  files: FileStore;
  teams: TeamAccess;
  categories: CategoryService;
  presenter: ProductPresenter;
  verifiedOrganizations(ids: string[]): Promise<Set<string>>;
  /** Clears the public read cache: every write changes what the marketplace shows. */
  onChange(): void;
  /** The plan's limit of live deals; absent, only the KYC rule applies. */
  dealQuota?: PublishedDealQuota;
}

/**
 * Merchants' products: what a team member may do to their team's deals (owner/admin/editor write,
 * only owner/admin delete, analysts read), and the publishing rules.
 */
export class ProductService {
  constructor(private readonly deps: ProductServiceDeps) {}

  /**
   * The team a caller acts for: the one named (they must belong to it), else their first team.
   * Someone in no team (an influencer) may not have products at all: 403.
   */
  async teamFor(userId: string, organizationId: string | undefined, minimum: TeamRole): Promise<string> {
    if (organizationId) {
      await this.deps.teams.requireRole(userId, organizationId, minimum);
      return organizationId;
    }
    const [first] = await this.deps.teams.membershipsOf(userId);
    if (!first) throw new AppError('forbidden');
    await this.deps.teams.requireRole(userId, first.teamId, minimum);
    return first.teamId;
  }

  /** The product, if the caller's team owns it with at least `minimum` role; else 404 (or 403). */
  async loadForMember(userId: string, productId: string, minimum: TeamRole): Promise<ProductRow> {
    const row = await this.find(productId);
    if (!row) throw new AppError('not_found');
    await this.deps.teams.requireRole(userId, row.organizationId, minimum);
    return row;
  }

  async find(productId: string, executor: Executor = this.deps.db): Promise<ProductRow | null> {
    const [row] = await executor.select().from(catalogProducts).where(eq(catalogProducts.id, productId));
    return row ?? null;
  }

  /** Several products at once, by id (other modules show titles and read commissions). */
  async findMany(productIds: readonly string[]): Promise<ProductRow[]> {
    if (productIds.length === 0) return [];
    return this.deps.db
      .select()
      .from(catalogProducts)
      .where(inArray(catalogProducts.id, [...new Set(productIds)]));
  }

  /** A team's published products, oldest first (demo data of other modules builds on them). */
  async publishedIdsOf(organizationId: string, limit: number): Promise<string[]> {
    const rows = await this.deps.db
      .select({ id: catalogProducts.id })
      .from(catalogProducts)
      .where(and(eq(catalogProducts.organizationId, organizationId), eq(catalogProducts.status, 'published')))
      .orderBy(asc(catalogProducts.createdAt), asc(catalogProducts.id))
      .limit(limit);
    return rows.map((row) => row.id);
  }

  async create(
    userId: string,
    organizationId: string | undefined,
    input: ProductCreateInput,
    locale: Locale,
  ): Promise<ProductView> {
    const teamId = await this.teamFor(userId, organizationId, 'editor');
    const parsed = productCreateSchema.parse(input);
    const { slug: requestedSlug, ...fields } = parsed;
    const category = await this.requireCategory(fields.categoryId, locale);
    assertNoProblems(productProblems(ruleInput(fields), locale, { live: false }));
    const row = await this.writeWithSlug(async () => {
      const slug = await chooseSlug(this.deps.db, {
        requested: requestedSlug,
        title: fields.title,
        productId: null,
        locale,
      });
      const [inserted] = await this.deps.db
        .insert(catalogProducts)
        .values({
          ...columnsOf(fields, category),
          organizationId: teamId,
          slug,
          featuredState: placementAfter('none', fields.featuredRequested),
          dealOfTheDayState: placementAfter('none', fields.dealOfTheDayRequested),
        })
        .returning();
      return inserted as ProductRow;
    }, locale);
    await rememberWords(this.deps.db, [row.searchDocument]);
    this.deps.onChange();
    return this.deps.presenter.product(row);
  }

  async list(userId: string, organizationId: string | undefined, query: ProductListQuery): Promise<ProductList> {
    const teamId = await this.teamFor(userId, organizationId, 'analyst');
    return this.page([eq(catalogProducts.organizationId, teamId)], query);
  }

  /** Every team's products (admins). */
  async listAll(
    query: ProductListQuery & {
      organizationId?: string | undefined;
      placementRequested?: 'featured' | 'deal_of_the_day' | undefined;
      onHold?: boolean | undefined;
    },
  ): Promise<ProductList> {
    const conditions: SQL[] = [];
    if (query.organizationId) conditions.push(eq(catalogProducts.organizationId, query.organizationId));
    if (query.placementRequested === 'featured') conditions.push(eq(catalogProducts.featuredState, 'requested'));
    if (query.placementRequested === 'deal_of_the_day') {
      conditions.push(eq(catalogProducts.dealOfTheDayState, 'requested'));
    }
    if (query.onHold !== undefined) conditions.push(eq(catalogProducts.moderationHold, query.onHold));
    return this.page(conditions, query);
  }

  private async page(conditions: SQL[], query: ProductListQuery): Promise<ProductList> {
    const where = [...conditions];
    if (query.status) where.push(eq(catalogProducts.status, query.status));
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(or(ilike(catalogProducts.title, pattern), ilike(catalogProducts.slug, pattern)) as SQL);
    }
    const cursor = decodeCursor(query.cursor, 'created');
    if (cursor?.key) {
      where.push(
        sql`(${catalogProducts.createdAt}, ${catalogProducts.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
      );
    }
    const rows = await this.deps.db
      .select({ row: catalogProducts, key: sql<string>`${catalogProducts.createdAt}::text` })
      .from(catalogProducts)
      .where(and(...where))
      .orderBy(desc(catalogProducts.createdAt), desc(catalogProducts.id))
      .limit(query.limit + 1);
    const more = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    return {
      items: await this.deps.presenter.products(pageRows.map((entry) => entry.row)),
      nextCursor: more && last ? encodeCursor({ sort: 'created', key: last.key, id: last.row.id }) : null,
    };
  }

  async get(userId: string, productId: string): Promise<ProductView> {
    return this.deps.presenter.product(await this.loadForMember(userId, productId, 'analyst'));
  }

  async preview(userId: string, productId: string, locale: Locale): Promise<PublicProduct> {
    const row = await this.loadForMember(userId, productId, 'analyst');
    return this.deps.presenter.publicProduct(row, locale, row.status);
  }

  async update(userId: string, productId: string, patch: ProductUpdateInput, locale: Locale): Promise<ProductView> {
    const current = await this.loadForMember(userId, productId, 'editor');
    return this.applyUpdate(current, patch, locale);
  }

  /** Admins correct a deal the same way (e.g. a misleading title) without being in the team. */
  async applyUpdate(current: ProductRow, patch: ProductUpdateInput, locale: Locale): Promise<ProductView> {
    const fields = mergeFields(current, patch);
    const category = await this.requireCategory(fields.categoryId, locale);
    assertNoProblems(productProblems(ruleInput(fields), locale, { live: current.status === 'published' }));
    const row = await this.writeWithSlug(async () => {
      const slug =
        patch.slug && patch.slug !== current.slug
          ? await chooseSlug(this.deps.db, {
              requested: patch.slug,
              title: fields.title,
              productId: current.id,
              locale,
            })
          : current.slug;
      return this.deps.db.transaction(async (tx) => {
        if (slug !== current.slug) {
          // Taking back one of its own old names: it is current again, not a redirect.
          await tx
            .delete(catalogSlugHistory)
            .where(and(eq(catalogSlugHistory.slug, slug), eq(catalogSlugHistory.productId, current.id)));
          await tx
            .insert(catalogSlugHistory)
            .values({ slug: current.slug, productId: current.id })
            .onConflictDoNothing();
        }
        const [updated] = await tx
          .update(catalogProducts)
          .set({
            ...columnsOf(fields, category),
            slug,
            ...(patch.featuredRequested !== undefined
              ? { featuredState: placementAfter(current.featuredState, patch.featuredRequested) }
              : {}),
            ...(patch.dealOfTheDayRequested !== undefined
              ? { dealOfTheDayState: placementAfter(current.dealOfTheDayState, patch.dealOfTheDayRequested) }
              : {}),
            updatedAt: new Date(),
          })
          .where(eq(catalogProducts.id, current.id))
          .returning();
        return updated as ProductRow;
      });
    }, locale);
    await rememberWords(this.deps.db, [row.searchDocument]);
    this.deps.onChange();
    return this.deps.presenter.product(row);
  }

  /**
   * Puts a deal on the marketplace. Refused while an admin's hold stands, when it has already
   * ended, and beyond the third live deal of a team that KYC has not verified. The count and the
   * change happen under a per-team lock, so two publishes at once cannot both pass the limit.
   */
  async publish(userId: string, productId: string, locale: Locale): Promise<ProductView> {
    const current = await this.loadForMember(userId, productId, 'editor');
    if (current.moderationHold) throw new AppError('moderation_hold');
    assertNoProblems(productProblems(ruleInput(mergeFields(current, {})), locale, { live: true }));
    if (!(await this.categoryOrStale(current.categoryId))) {
      assertNoProblems([fieldError(locale, 'body.categoryId', 'category_unknown')]);
    }
    if (current.status === 'published') return this.deps.presenter.product(current);
    const verified = (await this.deps.verifiedOrganizations([current.organizationId])).has(current.organizationId);
    const row = await this.deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog:publish:${current.organizationId}`}))`);
      if (!verified) {
        const [live] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(catalogProducts)
          .where(
            and(eq(catalogProducts.organizationId, current.organizationId), eq(catalogProducts.status, 'published')),
          );
        if ((live?.count ?? 0) >= unverifiedPublishedDealLimit) throw new AppError('deal_limit_reached');
      }
      await this.deps.dealQuota?.consume(tx, current.organizationId, locale);
      const now = new Date();
      const [updated] = await tx
        .update(catalogProducts)
        .set({ status: 'published', publishedAt: now, updatedAt: now, pausedByPlan: false })
        .where(and(eq(catalogProducts.id, current.id), eq(catalogProducts.moderationHold, false)))
        .returning();
      if (!updated) throw new AppError('moderation_hold');
      return updated;
    });
    this.deps.onChange();
    return this.deps.presenter.product(row);
  }

  /** Back to draft, by the team (no reason needed, nothing held). */
  async unpublish(userId: string, productId: string): Promise<ProductView> {
    const current = await this.loadForMember(userId, productId, 'editor');
    if (current.status !== 'published') return this.deps.presenter.product(current);
    return this.setStatus(current.id, 'draft');
  }

  async archive(userId: string, productId: string): Promise<ProductView> {
    const current = await this.loadForMember(userId, productId, 'editor');
    return this.setStatus(current.id, 'archived');
  }

  /** Deletes the product, its images' files and its history; owners and team admins only. */
  async remove(userId: string, productId: string): Promise<void> {
    const current = await this.loadForMember(userId, productId, 'admin');
    const images = await this.deps.db
      .select({ id: catalogProductImages.id })
      .from(catalogProductImages)
      .where(eq(catalogProductImages.productId, current.id));
    await this.deps.db.transaction(async (tx) => {
      await tx.delete(catalogProducts).where(eq(catalogProducts.id, current.id));
      if (current.status === 'published') await this.deps.dealQuota?.release(tx, current.organizationId, 1);
    });
    for (const image of images) await this.deps.files.deletePrefix(`catalog/images/${image.id}`);
    this.deps.onChange();
  }

  async setStatus(productId: string, status: ProductRow['status']): Promise<ProductView> {
    const row = await this.deps.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ status: catalogProducts.status })
        .from(catalogProducts)
        .where(eq(catalogProducts.id, productId))
        .for('update');
      const [updated] = await tx
        .update(catalogProducts)
        .set({ status, updatedAt: new Date() })
        .where(eq(catalogProducts.id, productId))
        .returning();
      // A live deal that stops being live gives its unit of the plan's quota back.
      if (updated && before?.status === 'published' && status !== 'published') {
        await this.deps.dealQuota?.release(tx, updated.organizationId, 1);
      }
      return updated;
    });
    if (!row) throw new AppError('not_found');
    this.deps.onChange();
    return this.deps.presenter.product(row);
  }

  /** Moves published deals whose end has passed to `expired`; returns how many. */
  async expireEnded(now = new Date()): Promise<number> {
    const rows = await this.deps.db.transaction(async (tx) => {
      const expired = await tx
        .update(catalogProducts)
        .set({ status: 'expired', updatedAt: now })
        .where(and(eq(catalogProducts.status, 'published'), lt(catalogProducts.expiresAt, now)))
        .returning({ id: catalogProducts.id, organizationId: catalogProducts.organizationId });
      const perTeam = new Map<string, number>();
      for (const row of expired) perTeam.set(row.organizationId, (perTeam.get(row.organizationId) ?? 0) + 1);
      for (const [organizationId, count] of perTeam) await this.deps.dealQuota?.release(tx, organizationId, count);
      return expired;
    });
    if (rows.length > 0) this.deps.onChange();
    return rows.length;
  }

  /** Live deals of a team (billing starts its published-deal gauge from it). */
  async publishedCount(organizationId: string, executor: Executor = this.deps.db): Promise<number> {
    const [row] = await executor
      .select({ count: sql<number>`count(*)::int` })
      .from(catalogProducts)
      .where(and(eq(catalogProducts.organizationId, organizationId), eq(catalogProducts.status, 'published')));
    return row?.count ?? 0;
  }

  /**
   * A plan that allows fewer live deals: the newest go back to draft, flagged as paused by the
   * plan (nothing is deleted; the merchant sees why). Billing gives back their quota units.
   */
  async pauseNewestForPlan(organizationId: string, count: number, executor: Executor): Promise<number> {
    if (count <= 0) return 0;
    const rows = await executor
      .update(catalogProducts)
      .set({ status: 'draft', pausedByPlan: true, updatedAt: new Date() })
      .where(
        inArray(
          catalogProducts.id,
          executor
            .select({ id: catalogProducts.id })
            .from(catalogProducts)
            .where(and(eq(catalogProducts.organizationId, organizationId), eq(catalogProducts.status, 'published')))
            .orderBy(desc(catalogProducts.publishedAt), desc(catalogProducts.id))
            .limit(count),
        ),
      )
      .returning({ id: catalogProducts.id });
    if (rows.length > 0) this.deps.onChange();
    return rows.length;
  }

  /** The plan allows more again: paused deals come back live, oldest first (billing counted them). */
  async resumePausedForPlan(organizationId: string, count: number, executor: Executor): Promise<number> {
    if (count <= 0) return 0;
    const now = new Date();
    const rows = await executor
      .update(catalogProducts)
      .set({ status: 'published', pausedByPlan: false, publishedAt: now, updatedAt: now })
      .where(
        inArray(
          catalogProducts.id,
          executor
            .select({ id: catalogProducts.id })
            .from(catalogProducts)
            .where(
              and(
                eq(catalogProducts.organizationId, organizationId),
                eq(catalogProducts.pausedByPlan, true),
                eq(catalogProducts.status, 'draft'),
                eq(catalogProducts.moderationHold, false),
                or(sql`${catalogProducts.expiresAt} is null`, sql`${catalogProducts.expiresAt} > ${now}`),
              ),
            )
            .orderBy(asc(catalogProducts.publishedAt), asc(catalogProducts.id))
            .limit(count),
        ),
      )
      .returning({ id: catalogProducts.id });
    if (rows.length > 0) this.deps.onChange();
    return rows.length;
  }

  async pausedForPlanCount(organizationId: string, executor: Executor = this.deps.db): Promise<number> {
    const [row] = await executor
      .select({ count: sql<number>`count(*)::int` })
      .from(catalogProducts)
      .where(
        and(
          eq(catalogProducts.organizationId, organizationId),
          eq(catalogProducts.pausedByPlan, true),
          eq(catalogProducts.status, 'draft'),
        ),
      );
    return row?.count ?? 0;
  }

  /** After a category's names change: the search text of its products holds them. */
  async reindexCategory(categoryId: string): Promise<void> {
    const category = await this.categoryOrStale(categoryId);
    if (!category) return;
    const rows = await this.deps.db.select().from(catalogProducts).where(eq(catalogProducts.categoryId, categoryId));
    for (const row of rows) {
      const columns = columnsOf(mergeFields(row, {}), category);
      await this.deps.db
        .update(catalogProducts)
        .set({ searchDocument: columns.searchDocument })
        .where(eq(catalogProducts.id, row.id));
      await rememberWords(this.deps.db, [columns.searchDocument]);
    }
  }

  private async requireCategory(categoryId: string, locale: Locale): Promise<CategoryRow> {
    const category = await this.categoryOrStale(categoryId);
    if (!category) assertNoProblems([fieldError(locale, 'body.categoryId', 'category_unknown')]);
    return category as CategoryRow;
  }

  private async categoryOrStale(categoryId: string): Promise<CategoryRow | null> {
    return this.deps.categories.find(categoryId);
  }

  private async writeWithSlug<T>(write: () => Promise<T>, locale: Locale): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw slugConflict(locale);
      throw error;
    }
  }
}

function ruleInput(fields: ProductFields) {
  return {
    originalPriceMinor: fields.originalPriceMinor,
    discountedPriceMinor: fields.discountedPriceMinor,
    minPerPurchase: fields.minPerPurchase,
    maxPerPurchase: fields.maxPerPurchase,
    expiresAt: fields.expiresAt ? new Date(fields.expiresAt) : null,
  };
}
