import type { CategoryInput, Commission, PlacementState, ProductStatus } from '@souk/contracts/catalog';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../platform/db/columns.ts';

/** PostgreSQL's tsvector, read as text if ever selected (the app only queries it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const catalogCategories = pgTable('catalog_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  icon: text('icon').notNull(),
  position: integer('position').notNull().default(0),
  names: jsonb('names').$type<CategoryInput['names']>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export interface StoredFaqItem {
  question: string;
  answer: string;
}

export const catalogProducts = pgTable(
  'catalog_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The merchant team that owns the deal. */
    organizationId: text('organization_id').notNull(),
    status: text('status').$type<ProductStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    slug: text('slug').notNull().unique(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => catalogCategories.id),
    descriptionHtml: text('description_html').notNull().default(''),
    originalPriceMinor: integer('original_price_minor').notNull(),
    discountedPriceMinor: integer('discounted_price_minor').notNull(),
    currency: text('currency').notNull().default('MAD'),
    /** Derived from the prices on every write, stored so listings filter and sort on an index. */
    discountPercent: integer('discount_percent').notNull().default(0),
    highlights: jsonb('highlights').$type<string[]>().notNull().default([]),
    included: jsonb('included').$type<string[]>().notNull().default([]),
    conditions: text('conditions').notNull().default(''),
    howItWorks: jsonb('how_it_works').$type<string[]>().notNull().default([]),
    faq: jsonb('faq').$type<StoredFaqItem[]>().notNull().default([]),
    address: text('address'),
    city: text('city'),
    /** The city normalised like search text (accents, case), for the city filter. */
    cityKey: text('city_key'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    stockQuantity: integer('stock_quantity'),
    minPerPurchase: integer('min_per_purchase').notNull().default(1),
    maxPerPurchase: integer('max_per_purchase'),
    featuredState: text('featured_state').$type<PlacementState>().notNull().default('none'),
    featuredDecidedAt: timestamp('featured_decided_at', { withTimezone: true, precision: 3 }),
    dealOfTheDayState: text('deal_of_the_day_state').$type<PlacementState>().notNull().default('none'),
    dealOfTheDayDecidedAt: timestamp('deal_of_the_day_decided_at', { withTimezone: true, precision: 3 }),
    commission: jsonb('commission').$type<Commission>(),
    /** Set by an admin unpublish: the merchant cannot publish again until an admin lifts it. */
    moderationHold: boolean('moderation_hold').notNull().default(false),
    moderationReason: text('moderation_reason'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, precision: 3 }),
    /** Taken back to draft because the team's plan allows fewer live deals; republished when it allows. */
    pausedByPlan: boolean('paused_by_plan').notNull().default(false),
    /**
     * Normalised (lowercase, no accents or Arabic diacritics) title, description, category names
     * and city: the full-text document. Normalised in the app so every language folds the same way.
     */
    searchDocument: text('search_document').notNull().default(''),
    /**
     * The document's words, computed and stored by the database: ranking reads it instead of
     * re-parsing the text of every matching row on every search.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_document)`),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('catalog_products_organization_idx').on(table.organizationId, table.createdAt),
    index('catalog_products_published_idx').on(table.status, table.publishedAt, table.id),
    index('catalog_products_discount_idx').on(table.status, table.discountPercent, table.id),
    index('catalog_products_price_idx').on(table.status, table.discountedPriceMinor, table.id),
    index('catalog_products_expiry_idx').on(table.status, table.expiresAt, table.id),
    index('catalog_products_category_idx').on(table.categoryId, table.status),
    index('catalog_products_city_idx').on(table.cityKey),
    // Without fastupdate: PGlite has no autovacuum to flush a GIN pending list, and a long one
    // is scanned on every search. The catalog is written far less often than it is searched.
    index('catalog_products_fts_idx').using('gin', table.searchVector).with({ fastupdate: false }),
    check('catalog_products_prices_check', sql`${table.discountedPriceMinor} <= ${table.originalPriceMinor}`),
    check('catalog_products_prices_positive', sql`${table.discountedPriceMinor} >= 0`),
    // Checkout reserves units with a conditional update; this is the last line against overselling.
    check('catalog_products_stock_check', sql`${table.stockQuantity} is null or ${table.stockQuantity} >= 0`),
    check(
      'catalog_products_quantities_check',
      sql`${table.maxPerPurchase} is null or ${table.maxPerPurchase} >= ${table.minPerPurchase}`,
    ),
  ],
);

/**
 * Every word of every product's search document, once: the vocabulary a misspelled query word is
 * corrected against (trigram similarity over a few thousand words, instead of over every product).
 */
export const catalogSearchWords = pgTable('catalog_search_words', { word: text('word').primaryKey() }, (table) => [
  index('catalog_search_words_prefix_idx').on(table.word.op('text_pattern_ops')),
  index('catalog_search_words_trgm_idx').using('gin', table.word.op('gin_trgm_ops')),
]);

/** Slugs a product had before: the public API answers them with a redirect to the current one. */
export const catalogSlugHistory = pgTable('catalog_slug_history', {
  slug: text('slug').primaryKey(),
  productId: uuid('product_id')
    .notNull()
    .references(() => catalogProducts.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

export interface StoredVariant {
  format: 'webp' | 'avif';
  width: number;
  key: string;
}

export const catalogProductImages = pgTable(
  'catalog_product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => catalogProducts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    alt: text('alt').notNull().default(''),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** A ~16 px blurred WebP as a data: URI, small enough to inline in every listing. */
    placeholder: text('placeholder').notNull(),
    originalKey: text('original_key').notNull(),
    variants: jsonb('variants').$type<StoredVariant[]>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('catalog_product_images_product_idx').on(table.productId, table.position)],
);

export const catalogReviews = pgTable(
  'catalog_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => catalogProducts.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    authorName: text('author_name').notNull(),
    /** The buyer who wrote it (set once checkout exists; demo reviews have none). */
    authorId: text('author_id'),
    /** Written by a buyer whose voucher for this deal was redeemed (checked through payments). */
    verifiedPurchase: boolean('verified_purchase').notNull().default(false),
    hidden: boolean('hidden').notNull().default(false),
    replyBody: text('reply_body'),
    repliedAt: timestamp('replied_at', { withTimezone: true, precision: 3 }),
    repliedBy: text('replied_by'),
    createdAt: createdAt(),
  },
  (table) => [
    index('catalog_reviews_product_idx').on(table.productId, table.hidden, table.createdAt),
    check('catalog_reviews_rating_check', sql`${table.rating} between 1 and 5`),
  ],
);
