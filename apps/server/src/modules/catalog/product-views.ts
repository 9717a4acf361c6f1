import {
  discountPercentOf,
  type ProductCard,
  type ProductImageView,
  type ProductStatus,
  type ProductView,
  type PublicProduct,
} from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { CategoryService } from './category-service.ts';
import type { ReadCache } from './read-cache.ts';
import { catalogProductImages, catalogProducts, catalogReviews } from './schema.ts';

export type ProductRow = typeof catalogProducts.$inferSelect;

/** What a card shows: listings select these columns only, not descriptions and search text. */
export const cardColumns = {
  id: catalogProducts.id,
  slug: catalogProducts.slug,
  title: catalogProducts.title,
  organizationId: catalogProducts.organizationId,
  categoryId: catalogProducts.categoryId,
  originalPriceMinor: catalogProducts.originalPriceMinor,
  discountedPriceMinor: catalogProducts.discountedPriceMinor,
  currency: catalogProducts.currency,
  city: catalogProducts.city,
  expiresAt: catalogProducts.expiresAt,
  featuredState: catalogProducts.featuredState,
  dealOfTheDayState: catalogProducts.dealOfTheDayState,
  publishedAt: catalogProducts.publishedAt,
};
export type CardRow = Pick<ProductRow, keyof typeof cardColumns>;
type ImageRow = typeof catalogProductImages.$inferSelect;

/** The names and KYC badges of merchant teams, from the identity and KYC modules. */
export interface MerchantDirectory {
  namesOf(teamIds: readonly string[]): Promise<Map<string, string>>;
  verifiedOrganizations(teamIds: string[]): Promise<Set<string>>;
}

export const mediaPath = (key: string) => `/media/${key}`;

export function imageView(row: ImageRow): ProductImageView {
  return {
    id: row.id,
    alt: row.alt,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    url: mediaPath(row.originalKey),
    variants: [...row.variants]
      .sort((a, b) => (a.format === b.format ? a.width - b.width : a.format.localeCompare(b.format)))
      .map((variant) => ({ format: variant.format, width: variant.width, url: mediaPath(variant.key) })),
  };
}

/** Turns rows into the shapes of the API, loading what they show from around them in batches. */
export class ProductPresenter {
  constructor(
    private readonly deps: {
      db: Database;
      categories: CategoryService;
      merchants: MerchantDirectory;
      cache: ReadCache;
    },
  ) {}

  /** Team names and badges change rarely: kept with the other public reads. */
  private merchantsOf(organizationIds: string[]): Promise<{ names: Map<string, string>; verified: Set<string> }> {
    const key = `merchants:${[...organizationIds].sort().join(',')}`;
    return this.deps.cache.get(key, async () => ({
      names: await this.deps.merchants.namesOf(organizationIds),
      verified: await this.deps.merchants.verifiedOrganizations(organizationIds),
    }));
  }

  async imagesOf(productIds: string[]): Promise<Map<string, ProductImageView[]>> {
    const byProduct = new Map<string, ProductImageView[]>();
    if (productIds.length === 0) return byProduct;
    const rows = await this.deps.db
      .select()
      .from(catalogProductImages)
      .where(inArray(catalogProductImages.productId, productIds))
      .orderBy(asc(catalogProductImages.position), asc(catalogProductImages.createdAt));
    for (const row of rows) {
      const list = byProduct.get(row.productId) ?? [];
      list.push(imageView(row));
      byProduct.set(row.productId, list);
    }
    return byProduct;
  }

  async ratingsOf(productIds: string[]): Promise<Map<string, { average: number; count: number }>> {
    if (productIds.length === 0) return new Map();
    const rows = await this.deps.db
      .select({
        productId: catalogReviews.productId,
        average: sql<number>`round(avg(${catalogReviews.rating}), 1)::float8`,
        count: sql<number>`count(*)::int`,
      })
      .from(catalogReviews)
      .where(and(inArray(catalogReviews.productId, productIds), eq(catalogReviews.hidden, false)))
      .groupBy(catalogReviews.productId);
    return new Map(rows.map((row) => [row.productId, { average: Number(row.average), count: row.count }]));
  }

  async products(rows: ProductRow[]): Promise<ProductView[]> {
    const images = await this.imagesOf(rows.map((row) => row.id));
    return rows.map((row) => ownerView(row, images.get(row.id) ?? []));
  }

  async product(row: ProductRow): Promise<ProductView> {
    const [view] = await this.products([row]);
    return view as ProductView;
  }

  async cards(rows: CardRow[], locale: Locale): Promise<ProductCard[]> {
    const ids = rows.map((row) => row.id);
    const organizationIds = [...new Set(rows.map((row) => row.organizationId))];
    const [images, ratings, categories, { names, verified }] = await Promise.all([
      this.imagesOf(ids),
      this.ratingsOf(ids),
      this.deps.categories.byId(),
      this.merchantsOf(organizationIds),
    ]);
    return rows.map((row) => {
      const category = categories.get(row.categoryId);
      return {
        id: row.id,
        slug: row.slug,
        title: row.title,
        category: { id: row.categoryId, slug: category?.slug ?? '', name: category?.names[locale] ?? '' },
        originalPriceMinor: row.originalPriceMinor,
        discountedPriceMinor: row.discountedPriceMinor,
        currency: row.currency as ProductCard['currency'],
        discountPercent: discountPercentOf(row.originalPriceMinor, row.discountedPriceMinor),
        city: row.city,
        expiresAt: row.expiresAt?.toISOString() ?? null,
        featured: row.featuredState === 'approved',
        dealOfTheDay: row.dealOfTheDayState === 'approved',
        image: images.get(row.id)?.[0] ?? null,
        merchant: {
          id: row.organizationId,
          name: names.get(row.organizationId) ?? '',
          verified: verified.has(row.organizationId),
        },
        rating: ratings.get(row.id) ?? { average: 0, count: 0 },
        publishedAt: row.publishedAt?.toISOString() ?? null,
      };
    });
  }

  /** The deal page's data; `status` is what the visitor is told (an ended deal reads "expired"). */
  async publicProduct(row: ProductRow, locale: Locale, status: ProductStatus): Promise<PublicProduct> {
    const [[card], images] = await Promise.all([this.cards([row], locale), this.imagesOf([row.id])]);
    return {
      ...(card as ProductCard),
      status,
      descriptionHtml: row.descriptionHtml,
      highlights: row.highlights,
      included: row.included,
      conditions: row.conditions,
      howItWorks: row.howItWorks,
      faq: row.faq,
      location: locationOf(row),
      stockQuantity: row.stockQuantity,
      soldOut: row.stockQuantity === 0,
      minPerPurchase: row.minPerPurchase,
      maxPerPurchase: row.maxPerPurchase,
      images: images.get(row.id) ?? [],
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function locationOf(row: ProductRow): ProductView['location'] {
  if (!row.address || !row.city) return null;
  return { address: row.address, city: row.city, latitude: row.latitude, longitude: row.longitude };
}

function ownerView(row: ProductRow, images: ProductImageView[]): ProductView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    status: row.status,
    title: row.title,
    slug: row.slug,
    categoryId: row.categoryId,
    descriptionHtml: row.descriptionHtml,
    originalPriceMinor: row.originalPriceMinor,
    discountedPriceMinor: row.discountedPriceMinor,
    currency: row.currency as ProductView['currency'],
    discountPercent: discountPercentOf(row.originalPriceMinor, row.discountedPriceMinor),
    highlights: row.highlights,
    included: row.included,
    conditions: row.conditions,
    howItWorks: row.howItWorks,
    faq: row.faq,
    location: locationOf(row),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    stockQuantity: row.stockQuantity,
    minPerPurchase: row.minPerPurchase,
    maxPerPurchase: row.maxPerPurchase,
    featured: { state: row.featuredState, decidedAt: row.featuredDecidedAt?.toISOString() ?? null },
    dealOfTheDay: { state: row.dealOfTheDayState, decidedAt: row.dealOfTheDayDecidedAt?.toISOString() ?? null },
    commission: row.commission,
    moderation: {
      hold: row.moderationHold,
      reason: row.moderationReason,
      at: row.moderatedAt?.toISOString() ?? null,
    },
    pausedByPlan: row.pausedByPlan,
    images,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
