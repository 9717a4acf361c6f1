import {
  discountPercentOf,
  type PlacementState,
  type ProductUpdateInput,
  type productCreateSchema,
} from '@souk/contracts/catalog';
import type { z } from 'zod';
import type { CategoryRow } from './category-service.ts';
import type { ProductRow } from './product-views.ts';
import { plainText, sanitizeDescription } from './rich-text.ts';
import type { catalogProducts } from './schema.ts';
import { normalizeSearchText } from './text-normalization.ts';

/** A product's editable fields, complete (a create after defaults, or an update merged on the row). */
export type ProductFields = Omit<z.output<typeof productCreateSchema>, 'slug'>;

export function fieldsOfRow(row: ProductRow): ProductFields {
  return {
    title: row.title,
    categoryId: row.categoryId,
    descriptionHtml: row.descriptionHtml,
    originalPriceMinor: row.originalPriceMinor,
    discountedPriceMinor: row.discountedPriceMinor,
    currency: row.currency as ProductFields['currency'],
    highlights: row.highlights,
    included: row.included,
    conditions: row.conditions,
    howItWorks: row.howItWorks,
    faq: row.faq,
    location:
      row.address && row.city
        ? { address: row.address, city: row.city, latitude: row.latitude, longitude: row.longitude }
        : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    stockQuantity: row.stockQuantity,
    minPerPurchase: row.minPerPurchase,
    maxPerPurchase: row.maxPerPurchase,
    featuredRequested: row.featuredState === 'requested' || row.featuredState === 'approved',
    dealOfTheDayRequested: row.dealOfTheDayState === 'requested' || row.dealOfTheDayState === 'approved',
    commission: row.commission,
  };
}

/** The fields after an update: what the patch gives, the row's values for the rest. */
export function mergeFields(row: ProductRow, patch: ProductUpdateInput): ProductFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...fieldsOfRow(row), ...defined } as ProductFields;
}

/**
 * A request for placement: asking keeps an approval or a pending request as it is, asking again
 * after a refusal re-opens it, and withdrawing clears it (an approved placement too).
 */
export function placementAfter(current: PlacementState, requested: boolean): PlacementState {
  if (!requested) return 'none';
  return current === 'approved' || current === 'requested' ? current : 'requested';
}

/** Everything stored for the fields: sanitised description, derived discount, search text. */
export function columnsOf(fields: ProductFields, category: CategoryRow) {
  const descriptionHtml = sanitizeDescription(fields.descriptionHtml);
  const categoryNames = Object.values(category.names).join(' ');
  const city = fields.location?.city ?? '';
  return {
    title: fields.title,
    categoryId: fields.categoryId,
    descriptionHtml,
    originalPriceMinor: fields.originalPriceMinor,
    discountedPriceMinor: fields.discountedPriceMinor,
    currency: fields.currency,
    discountPercent: discountPercentOf(fields.originalPriceMinor, fields.discountedPriceMinor),
    highlights: fields.highlights,
    included: fields.included,
    conditions: fields.conditions,
    howItWorks: fields.howItWorks,
    faq: fields.faq,
    address: fields.location?.address ?? null,
    city: fields.location?.city ?? null,
    cityKey: fields.location ? normalizeSearchText(fields.location.city) : null,
    latitude: fields.location?.latitude ?? null,
    longitude: fields.location?.longitude ?? null,
    expiresAt: fields.expiresAt ? new Date(fields.expiresAt) : null,
    stockQuantity: fields.stockQuantity,
    minPerPurchase: fields.minPerPurchase,
    maxPerPurchase: fields.maxPerPurchase,
    commission: fields.commission,
    ...searchColumns({ title: fields.title, descriptionHtml, highlights: fields.highlights, city }, categoryNames),
  } satisfies Partial<typeof catalogProducts.$inferInsert>;
}

export function searchColumns(
  product: { title: string; descriptionHtml: string; highlights: string[]; city: string },
  categoryNames: string,
): { searchDocument: string } {
  return {
    searchDocument: normalizeSearchText(
      [
        product.title,
        plainText(product.descriptionHtml),
        product.highlights.join(' '),
        categoryNames,
        product.city,
      ].join(' '),
    ),
  };
}
