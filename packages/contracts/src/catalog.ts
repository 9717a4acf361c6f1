import { z } from 'zod';
import { locales } from './locales.ts';

/*
 * The catalog: merchants' products and deals, the public marketplace that lists them, their
 * categories, images and reviews. Money is always an integer amount of minor units (centimes for
 * MAD) next to its currency; the discount percentage is derived by the server, never sent.
 */

export const productStatuses = ['draft', 'published', 'expired', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

export const currencies = ['MAD', 'EUR', 'USD'] as const;
export type Currency = (typeof currencies)[number];
export const defaultCurrency: Currency = 'MAD';

/** A merchant asks for featured / deal-of-the-day placement; an admin decides. */
export const placementStates = ['none', 'requested', 'approved', 'refused'] as const;
export type PlacementState = (typeof placementStates)[number];
export const placements = ['featured', 'deal_of_the_day'] as const;
export type Placement = (typeof placements)[number];

export const marketplaceSorts = ['relevance', 'newest', 'discount', 'price_asc', 'price_desc', 'ending_soon'] as const;
export type MarketplaceSort = (typeof marketplaceSorts)[number];

/** A merchant organization that is not KYC-verified may have this many published deals at most. */
export const unverifiedPublishedDealLimit = 3;

/** Image rules, shared so the web can check a file before sending it. */
export const productImageRules = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const,
  variantWidths: [400, 800, 1600] as const,
  variantFormats: ['avif', 'webp'] as const,
  maxPerProduct: 12,
};

const minorUnits = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000)
  .describe('Integer amount in minor units (centimes): 12 500 MAD is 1250000; 10 million at most');

const shortText = z.string().trim().min(1).max(300);
const listOf = <T extends z.ZodType>(item: T, max = 20) => z.array(item).max(max);

export const faqItemSchema = z
  .object({ question: z.string().trim().min(1).max(300), answer: z.string().trim().min(1).max(3000) })
  .meta({ id: 'ProductFaqItem' });

export const productLocationSchema = z
  .object({
    address: z.string().trim().min(1).max(300),
    city: z.string().trim().min(1).max(120),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  })
  .meta({ id: 'ProductLocation', description: 'Where a local service takes place' });
export type ProductLocation = z.infer<typeof productLocationSchema>;

/** The commission paid to an influencer per sale (used by the later affiliation feature). */
export const commissionSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('percentage'),
      basisPoints: z.number().int().min(0).max(10_000).describe('1 % = 100 basis points'),
    }),
    z.object({ type: z.literal('fixed'), amountMinor: minorUnits }),
  ])
  .meta({ id: 'Commission' });
export type Commission = z.infer<typeof commissionSchema>;

/* OpenAPI names input variants <id>Input: write schemas are named *Write so the two never collide. */
const productFields = {
  title: z.string().trim().min(3).max(160),
  slug: z
    .string()
    .trim()
    .min(3)
    .max(120)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
    .describe('URL name; made from the title when left out. A changed slug keeps redirecting from the old one.'),
  categoryId: z.uuid(),
  descriptionHtml: z
    .string()
    .max(30_000)
    .describe('Rich text; sanitised on save (scripts, event handlers and javascript: links are removed)'),
  originalPriceMinor: minorUnits,
  discountedPriceMinor: minorUnits,
  currency: z.enum(currencies),
  highlights: listOf(shortText),
  included: listOf(shortText).describe("What's included"),
  conditions: z.string().trim().max(5000).describe('Conditions of use'),
  howItWorks: listOf(shortText, 10).describe('Steps, in order'),
  faq: listOf(faqItemSchema),
  location: productLocationSchema.nullable(),
  expiresAt: z.iso.datetime().nullable().describe('End of the offer; must be in the future to publish'),
  stockQuantity: z.number().int().min(0).max(1_000_000).nullable().describe('null: unlimited'),
  minPerPurchase: z.number().int().min(1).max(1000),
  maxPerPurchase: z.number().int().min(1).max(1000).nullable().describe('null: no maximum'),
  featuredRequested: z.boolean().describe('Ask an admin to feature the deal'),
  dealOfTheDayRequested: z.boolean().describe('Ask an admin to make it a deal of the day'),
  commission: commissionSchema.nullable(),
};

export const productCreateSchema = z
  .object({
    ...productFields,
    slug: productFields.slug.optional(),
    descriptionHtml: productFields.descriptionHtml.default(''),
    currency: productFields.currency.default(defaultCurrency),
    highlights: productFields.highlights.default([]),
    included: productFields.included.default([]),
    conditions: productFields.conditions.default(''),
    howItWorks: productFields.howItWorks.default([]),
    faq: productFields.faq.default([]),
    location: productFields.location.default(null),
    expiresAt: productFields.expiresAt.default(null),
    stockQuantity: productFields.stockQuantity.default(null),
    minPerPurchase: productFields.minPerPurchase.default(1),
    maxPerPurchase: productFields.maxPerPurchase.default(null),
    featuredRequested: productFields.featuredRequested.default(false),
    dealOfTheDayRequested: productFields.dealOfTheDayRequested.default(false),
    commission: productFields.commission.default(null),
  })
  .meta({ id: 'ProductCreateWrite' });
export type ProductCreateInput = z.input<typeof productCreateSchema>;

/** Any subset of the fields; cross-field rules (prices, quantities) are checked on the result. */
export const productUpdateSchema = z.object(productFields).partial().meta({ id: 'ProductUpdateWrite' });
export type ProductUpdateInput = z.input<typeof productUpdateSchema>;

export const imageVariantSchema = z
  .object({
    format: z.enum(productImageRules.variantFormats),
    width: z.number().int(),
    url: z.string().describe('Public, immutable URL (cached for a year)'),
  })
  .meta({ id: 'ImageVariant' });

export const productImageSchema = z
  .object({
    id: z.uuid(),
    alt: z.string(),
    width: z.number().int().describe('Of the original'),
    height: z.number().int(),
    placeholder: z.string().describe('Tiny blurred preview as a data: URI, to show while loading'),
    url: z.string().describe('The original (re-encoded, metadata stripped)'),
    variants: z.array(imageVariantSchema).describe('Resized copies for srcset, smallest first per format'),
  })
  .meta({ id: 'ProductImage' });
export type ProductImageView = z.infer<typeof productImageSchema>;

export const imageAltSchema = z.object({ alt: z.string().trim().max(300) }).meta({ id: 'ImageAltWrite' });
export const imageOrderSchema = z
  .object({ ids: z.array(z.uuid()).min(1).max(productImageRules.maxPerProduct) })
  .meta({ id: 'ImageOrderWrite', description: 'Every image id of the product, in the new order' });

const placementSchema = z.object({ state: z.enum(placementStates), decidedAt: z.iso.datetime().nullable() });

/** What the owning team (and admins) see. */
export const productSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.string(),
    status: z.enum(productStatuses),
    title: z.string(),
    slug: z.string(),
    categoryId: z.uuid(),
    descriptionHtml: z.string(),
    originalPriceMinor: z.number().int(),
    discountedPriceMinor: z.number().int(),
    currency: z.enum(currencies),
    discountPercent: z.number().int().describe('Derived: round((original - discounted) / original * 100)'),
    highlights: z.array(z.string()),
    included: z.array(z.string()),
    conditions: z.string(),
    howItWorks: z.array(z.string()),
    faq: z.array(faqItemSchema),
    location: productLocationSchema.nullable(),
    expiresAt: z.iso.datetime().nullable(),
    stockQuantity: z.number().int().nullable(),
    minPerPurchase: z.number().int(),
    maxPerPurchase: z.number().int().nullable(),
    featured: placementSchema,
    dealOfTheDay: placementSchema,
    commission: commissionSchema.nullable(),
    moderation: z
      .object({ hold: z.boolean(), reason: z.string().nullable(), at: z.iso.datetime().nullable() })
      .describe('Set when an admin unpublished the deal: it cannot be republished until an admin lifts it'),
    pausedByPlan: z
      .boolean()
      .describe('Taken off the marketplace because the plan allows fewer live deals; back when the plan allows'),
    images: z.array(productImageSchema),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });
export type ProductView = z.infer<typeof productSchema>;

export const productListQuerySchema = z.object({
  status: z.enum(productStatuses).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Admin listing: every organization's products. */
export const adminProductListQuerySchema = productListQuerySchema.extend({
  organizationId: z.string().max(100).optional(),
  placementRequested: z.enum(placements).optional().describe('Only products waiting for this decision'),
  onHold: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const productListSchema = z
  .object({ items: z.array(productSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ProductList' });
export type ProductList = z.infer<typeof productListSchema>;

export const unpublishReasonSchema = z
  .object({ reason: z.string().trim().min(5).max(1000) })
  .meta({ id: 'UnpublishReasonWrite', description: 'Sent to the merchant by mail and in-app' });

export const placementDecisionSchema = z
  .object({ decision: z.enum(['approve', 'refuse']) })
  .meta({ id: 'PlacementDecisionWrite' });

/* Public marketplace. */

export const merchantCardSchema = z
  .object({ id: z.string(), name: z.string(), verified: z.boolean().describe('KYC approved') })
  .meta({ id: 'MerchantCard' });

export const categoryRefSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string().describe('In the request language') })
  .meta({ id: 'CategoryRef' });

export const ratingSummarySchema = z
  .object({ average: z.number().describe('0 when there is no review; one decimal'), count: z.number().int() })
  .meta({ id: 'RatingSummary' });

export const productCardSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    category: categoryRefSchema,
    originalPriceMinor: z.number().int(),
    discountedPriceMinor: z.number().int(),
    currency: z.enum(currencies),
    discountPercent: z.number().int(),
    city: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    featured: z.boolean(),
    dealOfTheDay: z.boolean(),
    image: productImageSchema.nullable().describe('The first image of the gallery'),
    merchant: merchantCardSchema,
    rating: ratingSummarySchema,
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProductCard' });
export type ProductCard = z.infer<typeof productCardSchema>;

export const publicProductSchema = productCardSchema
  .extend({
    status: z
      .enum(productStatuses)
      .describe('Public answers are "published" or "expired" (show "offer ended", noindex); a preview may be any'),
    descriptionHtml: z.string().describe('Already sanitised'),
    highlights: z.array(z.string()),
    included: z.array(z.string()),
    conditions: z.string(),
    howItWorks: z.array(z.string()),
    faq: z.array(faqItemSchema),
    location: productLocationSchema.nullable(),
    stockQuantity: z.number().int().nullable(),
    soldOut: z.boolean(),
    minPerPurchase: z.number().int(),
    maxPerPurchase: z.number().int().nullable(),
    images: z.array(productImageSchema),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PublicProduct' });
export type PublicProduct = z.infer<typeof publicProductSchema>;

/**
 * Asking for a product by a slug it no longer has: the API answers 301, with `Location` pointing
 * at the API URL of the current slug and this body. Fetch with `redirect: 'manual'` and answer the
 * page with a 301 to `/p/<redirectTo>`.
 */
export const productRedirectSchema = z
  .object({ redirectTo: z.string().describe('The current slug') })
  .meta({ id: 'ProductRedirect' });
export type ProductRedirect = z.infer<typeof productRedirectSchema>;

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .optional();

export const marketplaceQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Full text, tolerant of typos and accents'),
  category: z.string().max(120).optional().describe('Category slug'),
  city: z.string().trim().max(120).optional(),
  minPrice: z.coerce.number().int().min(0).optional().describe('Discounted price, minor units'),
  maxPrice: z.coerce.number().int().min(0).optional().describe('Discounted price, minor units'),
  minDiscount: z.coerce.number().int().min(0).max(100).optional().describe('Percent'),
  endingSoon: booleanQuery.describe('Only deals ending within 48 hours'),
  sort: z.enum(marketplaceSorts).optional().describe('Default: relevance with a query, newest otherwise'),
  cursor: z.string().max(300).optional().describe('Opaque: the nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(60).default(24),
});
export type MarketplaceQuery = z.input<typeof marketplaceQuerySchema>;

/** Deals ending within this many hours count as "ending soon". */
export const endingSoonHours = 48;

export const productCardListSchema = z
  .object({ items: z.array(productCardSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ProductCardList' });
export type ProductCardList = z.infer<typeof productCardListSchema>;

export const productCardsSchema = z.object({ items: z.array(productCardSchema) }).meta({ id: 'ProductCards' });

export const publicCategorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string().describe('In the request language'),
    icon: z.string(),
    position: z.number().int(),
    dealCount: z.number().int().describe('Published deals'),
  })
  .meta({ id: 'PublicCategory' });
export type PublicCategory = z.infer<typeof publicCategorySchema>;
export const publicCategoryListSchema = z
  .object({ items: z.array(publicCategorySchema) })
  .meta({ id: 'PublicCategoryList' });

const categoryFields = z.object({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  icon: z.string().trim().min(1).max(60).describe('Icon name (Tabler icons), e.g. "tools-kitchen-2"'),
  position: z.number().int().min(0).max(10_000),
  names: z.object(
    Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1).max(80)])) as Record<
      (typeof locales)[number],
      z.ZodString
    >,
  ),
});
export const categoryInputSchema = categoryFields.meta({ id: 'CategoryWrite' });
export type CategoryInput = z.infer<typeof categoryInputSchema>;
export const categorySchema = categoryFields
  .extend({ id: z.uuid(), dealCount: z.number().int(), updatedAt: z.iso.datetime() })
  .meta({ id: 'Category' });
export type CategoryView = z.infer<typeof categorySchema>;
export const categoryListSchema = z.object({ items: z.array(categorySchema) }).meta({ id: 'CategoryList' });

export const marketplaceStatsSchema = z
  .object({
    merchants: z.number().int().describe('Merchant organizations with at least one published deal'),
    publishedDeals: z.number().int(),
    influencers: z.number().int().describe('Influencer accounts'),
    commissionsPaid: z.object({ amountMinor: z.number().int(), currency: z.enum(currencies) }),
  })
  .meta({ id: 'MarketplaceStats' });
export type MarketplaceStats = z.infer<typeof marketplaceStatsSchema>;

/* Reviews: written after a purchase (checkout feature); read publicly, answered by the merchant. */

export const reviewReplySchema = z
  .object({ body: z.string(), repliedAt: z.iso.datetime() })
  .meta({ id: 'ReviewReply' });

export const reviewSchema = z
  .object({
    id: z.uuid(),
    rating: z.number().int().min(1).max(5),
    title: z.string(),
    body: z.string(),
    authorName: z.string(),
    verifiedPurchase: z.boolean().describe('Written by a buyer whose voucher for this deal was redeemed'),
    createdAt: z.iso.datetime(),
    reply: reviewReplySchema.nullable(),
  })
  .meta({ id: 'Review' });
export type ReviewView = z.infer<typeof reviewSchema>;

export const reviewSummarySchema = z
  .object({
    average: z.number().describe('One decimal; 0 without reviews'),
    count: z.number().int(),
    distribution: z
      .object({
        1: z.number().int(),
        2: z.number().int(),
        3: z.number().int(),
        4: z.number().int(),
        5: z.number().int(),
      })
      .describe('Number of reviews per star'),
  })
  .meta({ id: 'ReviewSummary' });
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewListQuerySchema = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const reviewPageSchema = z
  .object({ summary: reviewSummarySchema, items: z.array(reviewSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewPage', description: 'Visible reviews, newest first' });
export type ReviewPage = z.infer<typeof reviewPageSchema>;

/** A buyer's review: only someone who redeemed a voucher of the deal may write one (once). */
export const reviewCreateInputSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().max(160).default(''),
    body: z.string().trim().min(3).max(3000),
  })
  .meta({ id: 'ReviewWrite' });

export const reviewReplyInputSchema = z
  .object({ body: z.string().trim().min(1).max(3000) })
  .meta({ id: 'ReviewReplyWrite' });

export const adminReviewSchema = reviewSchema
  .extend({ hidden: z.boolean(), productId: z.uuid(), productTitle: z.string() })
  .meta({ id: 'AdminReview' });
export type AdminReviewView = z.infer<typeof adminReviewSchema>;
export const adminReviewListQuerySchema = reviewListQuerySchema.extend({
  hidden: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  productId: z.uuid().optional(),
});
export const adminReviewListSchema = z
  .object({ items: z.array(adminReviewSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminReviewList' });
export const reviewVisibilitySchema = z.object({ hidden: z.boolean() }).meta({ id: 'ReviewVisibilityWrite' });

/** The discount shown everywhere: whole percent, rounded; 0 when nothing is off. */
export function discountPercentOf(originalMinor: number, discountedMinor: number): number {
  if (originalMinor <= 0 || discountedMinor >= originalMinor) return 0;
  return Math.round(((originalMinor - discountedMinor) / originalMinor) * 100);
}

/** The public page of a deal, relative to the site root. */
export function productPath(slug: string): string {
  return `/p/${slug}`;
}
