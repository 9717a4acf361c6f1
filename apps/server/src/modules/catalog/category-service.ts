import type { CategoryInput, CategoryView, PublicCategory } from '@souk/contracts/catalog';
import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import type { Locale } from '@souk/contracts/locales';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { liveCondition } from './live-deals.ts';
import type { ReadCache } from './read-cache.ts';
import { catalogCategories, catalogProducts } from './schema.ts';

export type CategoryRow = typeof catalogCategories.$inferSelect;

/** Marketplace categories, translated in fr/en/ar; admins edit them, everyone reads them. */
export class CategoryService {
  constructor(
    private readonly deps: {
      db: Database;
      cache: ReadCache;
      /** Called after a rename: the products' search text holds the category names. */
      onRenamed(categoryId: string): Promise<void>;
      onChange(): void;
    },
  ) {}

  /** Every category, cached with the other public reads. */
  all(): Promise<CategoryRow[]> {
    return this.deps.cache.get('categories:rows', () =>
      this.deps.db
        .select()
        .from(catalogCategories)
        .orderBy(asc(catalogCategories.position), asc(catalogCategories.slug)),
    );
  }

  async byId(): Promise<Map<string, CategoryRow>> {
    return new Map((await this.all()).map((row) => [row.id, row]));
  }

  /** Through the cache, then the database: a category created a moment ago on another node. */
  async find(id: string): Promise<CategoryRow | null> {
    const cached = (await this.byId()).get(id);
    if (cached) return cached;
    const [row] = await this.deps.db.select().from(catalogCategories).where(eq(catalogCategories.id, id));
    return row ?? null;
  }

  async findBySlug(slug: string): Promise<CategoryRow | null> {
    return (await this.all()).find((row) => row.slug === slug) ?? null;
  }

  private dealCounts(): Promise<Map<string, number>> {
    return this.deps.cache.get('categories:counts', async () => {
      const rows = await this.deps.db
        .select({ categoryId: catalogProducts.categoryId, count: sql<number>`count(*)::int` })
        .from(catalogProducts)
        .where(liveCondition())
        .groupBy(catalogProducts.categoryId);
      return new Map(rows.map((row) => [row.categoryId, row.count]));
    });
  }

  async listPublic(locale: Locale): Promise<PublicCategory[]> {
    const [rows, counts] = await Promise.all([this.all(), this.dealCounts()]);
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.names[locale],
      icon: row.icon,
      position: row.position,
      dealCount: counts.get(row.id) ?? 0,
    }));
  }

  async listAdmin(): Promise<CategoryView[]> {
    const [rows, counts] = await Promise.all([this.all(), this.dealCounts()]);
    return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
  }

  async create(input: CategoryInput, locale: Locale): Promise<CategoryView> {
    await this.assertSlugFree(input.slug, null, locale);
    const [row] = await this.deps.db.insert(catalogCategories).values(input).returning();
    this.deps.onChange();
    return toView(row as CategoryRow, 0);
  }

  async update(id: string, input: CategoryInput, locale: Locale): Promise<CategoryView> {
    const current = await this.requireRow(id);
    await this.assertSlugFree(input.slug, id, locale);
    const [row] = await this.deps.db
      .update(catalogCategories)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(catalogCategories.id, id))
      .returning();
    this.deps.onChange();
    if (JSON.stringify(current.names) !== JSON.stringify(input.names)) await this.deps.onRenamed(id);
    return toView(row as CategoryRow, (await this.dealCounts()).get(id) ?? 0);
  }

  /** A category still holding products cannot go: they would be left without one. */
  async delete(id: string): Promise<void> {
    await this.requireRow(id);
    const [used] = await this.deps.db
      .select({ count: sql<number>`count(*)::int` })
      .from(catalogProducts)
      .where(eq(catalogProducts.categoryId, id));
    if ((used?.count ?? 0) > 0) {
      throw new AppError('conflict', 'Move or delete the products of this category first.');
    }
    await this.deps.db.delete(catalogCategories).where(eq(catalogCategories.id, id));
    this.deps.onChange();
  }

  private async requireRow(id: string): Promise<CategoryRow> {
    const [row] = await this.deps.db.select().from(catalogCategories).where(eq(catalogCategories.id, id));
    if (!row) throw new AppError('not_found');
    return row;
  }

  private async assertSlugFree(slug: string, exceptId: string | null, locale: Locale): Promise<void> {
    const [row] = await this.deps.db
      .select({ id: catalogCategories.id })
      .from(catalogCategories)
      .where(eq(catalogCategories.slug, slug));
    if (row && row.id !== exceptId) {
      const message = catalogProblemMessages[locale].slug_taken;
      throw new AppError('conflict', message, [{ path: 'body.slug', message }]);
    }
  }
}

function toView(row: CategoryRow, dealCount: number): CategoryView {
  return {
    id: row.id,
    slug: row.slug,
    icon: row.icon,
    position: row.position,
    names: row.names,
    dealCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}
