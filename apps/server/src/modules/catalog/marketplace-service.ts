import {
  endingSoonHours,
  type MarketplaceSort,
  type MarketplaceStats,
  type marketplaceQuerySchema,
  type ProductCard,
  type ProductCardList,
  type PublicProduct,
} from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, desc, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import type { CategoryService } from './category-service.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { liveCondition } from './live-deals.ts';
import { cardColumns, type ProductPresenter, type ProductRow } from './product-views.ts';
import type { ReadCache } from './read-cache.ts';
import { catalogProducts, catalogSlugHistory } from './schema.ts';
import { allWordsQuery, alternativesFor, anyWordQuery } from './search-vocabulary.ts';
import { normalizeSearchText, searchTerms } from './text-normalization.ts';

export type MarketplaceQuery = z.output<typeof marketplaceQuerySchema>;

/** One sort: the key it orders by (with its SQL type, to compare a cursor's key back) and the direction. */
interface SortPlan {
  key: SQL;
  type: 'int4' | 'timestamptz' | 'float8';
  direction: 'asc' | 'desc';
}

const documentVector = sql`${catalogProducts.searchVector}`;

/** Ranking: how well the stored words match any alternative of the query words, as float8. */
function relevanceScore(anyWord: string): SQL {
  // Float8 throughout: its text form reads back to the same value, so a cursor compares exactly.
  return sql`ts_rank(${documentVector}, to_tsquery('simple', ${anyWord}))::float8`;
}

function sortPlan(sort: MarketplaceSort, anyWord: string | null): SortPlan {
  switch (sort) {
    case 'relevance':
      if (anyWord) return { key: relevanceScore(anyWord), type: 'float8', direction: 'desc' };
      return { key: sql`${catalogProducts.publishedAt}`, type: 'timestamptz', direction: 'desc' };
    case 'newest':
      return { key: sql`${catalogProducts.publishedAt}`, type: 'timestamptz', direction: 'desc' };
    case 'discount':
      return { key: sql`${catalogProducts.discountPercent}`, type: 'int4', direction: 'desc' };
    case 'price_asc':
      return { key: sql`${catalogProducts.discountedPriceMinor}`, type: 'int4', direction: 'asc' };
    case 'price_desc':
      return { key: sql`${catalogProducts.discountedPriceMinor}`, type: 'int4', direction: 'desc' };
    case 'ending_soon':
      // Deals without an end come last; 'infinity' keeps the key comparable for the cursor.
      return {
        key: sql`coalesce(${catalogProducts.expiresAt}, 'infinity'::timestamptz)`,
        type: 'timestamptz',
        direction: 'asc',
      };
  }
}

export type ProductLookup =
  | { kind: 'found'; product: PublicProduct }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

export interface MarketplaceDeps {
  db: Database;
  cache: ReadCache;
  categories: CategoryService;
  presenter: ProductPresenter;
  countInfluencers(): Promise<number>;
}

/** The public side of the catalog: search and listings, deal pages, figures. */
export class MarketplaceService {
  constructor(private readonly deps: MarketplaceDeps) {}

  search(query: MarketplaceQuery, locale: Locale): Promise<ProductCardList> {
    return this.deps.cache.get(`search:${locale}:${JSON.stringify(query)}`, () => this.runSearch(query, locale));
  }

  private async runSearch(query: MarketplaceQuery, locale: Locale): Promise<ProductCardList> {
    const terms = query.q ? searchTerms(query.q) : [];
    const alternatives = await Promise.all(terms.map((term) => alternativesFor(this.deps.db, term)));
    const sort = query.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
    const plan = sortPlan(sort, terms.length > 0 ? anyWordQuery(alternatives) : null);
    const conditions: SQL[] = [liveCondition()];
    if (terms.length > 0) {
      conditions.push(sql`${documentVector} @@ to_tsquery('simple', ${allWordsQuery(alternatives)})`);
    }
    if (query.category) {
      const category = await this.deps.categories.findBySlug(query.category);
      if (!category) return { items: [], nextCursor: null };
      conditions.push(eq(catalogProducts.categoryId, category.id));
    }
    if (query.city) conditions.push(eq(catalogProducts.cityKey, normalizeSearchText(query.city)));
    if (query.minPrice !== undefined) conditions.push(gte(catalogProducts.discountedPriceMinor, query.minPrice));
    if (query.maxPrice !== undefined) conditions.push(lte(catalogProducts.discountedPriceMinor, query.maxPrice));
    if (query.minDiscount !== undefined) conditions.push(gte(catalogProducts.discountPercent, query.minDiscount));
    if (query.endingSoon) {
      conditions.push(
        isNotNull(catalogProducts.expiresAt),
        lte(catalogProducts.expiresAt, sql`now() + make_interval(hours => ${endingSoonHours})`),
      );
    }
    const cursorSort = `${sort}:${terms.join(' ')}`;
    const cursor = decodeCursor(query.cursor, cursorSort);
    if (cursor?.key) {
      const operator = plan.direction === 'desc' ? sql`<` : sql`>`;
      conditions.push(
        sql`(${plan.key}, ${catalogProducts.id}) ${operator} (${cursor.key}::${sql.raw(plan.type)}, ${cursor.id}::uuid)`,
      );
    }
    const direction = sql.raw(plan.direction);
    const rows = await this.deps.db
      .select({ row: cardColumns, key: sql<string>`(${plan.key})::text` })
      .from(catalogProducts)
      .where(and(...conditions))
      .orderBy(sql`${plan.key} ${direction}`, sql`${catalogProducts.id} ${direction}`)
      .limit(query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: await this.deps.presenter.cards(
        page.map((entry) => entry.row),
        locale,
      ),
      nextCursor: more && last ? encodeCursor({ sort: cursorSort, key: last.key, id: last.row.id }) : null,
    };
  }

  featured(locale: Locale): Promise<ProductCard[]> {
    return this.placed('featured', eq(catalogProducts.featuredState, 'approved'), locale);
  }

  dealsOfTheDay(locale: Locale): Promise<ProductCard[]> {
    return this.placed('deals-of-the-day', eq(catalogProducts.dealOfTheDayState, 'approved'), locale);
  }

  private placed(name: string, condition: SQL, locale: Locale): Promise<ProductCard[]> {
    return this.deps.cache.get(`${name}:${locale}`, async () => {
      const rows = await this.deps.db
        .select(cardColumns)
        .from(catalogProducts)
        .where(and(liveCondition(), condition))
        .orderBy(desc(catalogProducts.publishedAt), desc(catalogProducts.id))
        .limit(12);
      return this.deps.presenter.cards(rows, locale);
    });
  }

  /**
   * A deal page by slug: published deals, and ended ones (shown as "expired" so the page says the
   * offer is over, not "not found"); drafts and archived deals do not exist publicly. A former slug
   * answers with the current one, for a permanent redirect.
   */
  bySlug(slug: string, locale: Locale): Promise<ProductLookup> {
    return this.deps.cache.get(`deal:${locale}:${slug}`, async () => {
      const [row] = await this.deps.db.select().from(catalogProducts).where(eq(catalogProducts.slug, slug));
      if (row && row.status !== 'published' && row.status !== 'expired') return { kind: 'missing' };
      if (row)
        return { kind: 'found', product: await this.deps.presenter.publicProduct(row, locale, publicStatus(row)) };
      const [moved] = await this.deps.db
        .select({ slug: catalogProducts.slug, status: catalogProducts.status })
        .from(catalogSlugHistory)
        .innerJoin(catalogProducts, eq(catalogProducts.id, catalogSlugHistory.productId))
        .where(eq(catalogSlugHistory.slug, slug));
      if (moved && (moved.status === 'published' || moved.status === 'expired'))
        return { kind: 'moved', slug: moved.slug };
      return { kind: 'missing' };
    });
  }

  /** The publicly visible product behind a slug, current or former (reviews follow the deal). */
  async visibleBySlug(slug: string): Promise<ProductRow | null> {
    const [row] = await this.deps.db.select().from(catalogProducts).where(eq(catalogProducts.slug, slug));
    if (row && (row.status === 'published' || row.status === 'expired')) return row;
    if (row) return null;
    const [moved] = await this.deps.db
      .select({ row: catalogProducts })
      .from(catalogSlugHistory)
      .innerJoin(catalogProducts, eq(catalogProducts.id, catalogSlugHistory.productId))
      .where(eq(catalogSlugHistory.slug, slug));
    return moved && (moved.row.status === 'published' || moved.row.status === 'expired') ? moved.row : null;
  }

  /** Figures for the home page, counted from the data (commissions: none paid until payouts exist). */
  stats(): Promise<MarketplaceStats> {
    return this.deps.cache.get('stats', async () => {
      const [[deals], influencers] = await Promise.all([
        this.deps.db
          .select({
            publishedDeals: sql<number>`count(*)::int`,
            merchants: sql<number>`count(distinct ${catalogProducts.organizationId})::int`,
          })
          .from(catalogProducts)
          .where(liveCondition()),
        this.deps.countInfluencers(),
      ]);
      return {
        merchants: deals?.merchants ?? 0,
        publishedDeals: deals?.publishedDeals ?? 0,
        influencers,
        commissionsPaid: { amountMinor: 0, currency: 'MAD' },
      };
    });
  }

  /** Every live deal's slug and last change, for the sitemap. */
  async sitemapEntries(limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
    return this.deps.db
      .select({ slug: catalogProducts.slug, updatedAt: catalogProducts.updatedAt })
      .from(catalogProducts)
      .where(liveCondition())
      .orderBy(desc(catalogProducts.publishedAt), desc(catalogProducts.id))
      .limit(limit);
  }
}

function publicStatus(row: ProductRow): 'published' | 'expired' {
  if (row.status === 'expired') return 'expired';
  return row.expiresAt && row.expiresAt.getTime() <= Date.now() ? 'expired' : 'published';
}
