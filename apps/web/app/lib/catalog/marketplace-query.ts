import type { MarketplaceSort } from '@souk/contracts/catalog';

/** The sort options in the order the form offers them (the API's `marketplaceSorts`). */
export const sortOptions = [
  'relevance',
  'newest',
  'discount',
  'price_asc',
  'price_desc',
  'ending_soon',
] as const satisfies readonly MarketplaceSort[];

/** What the filter form shows: the page's query string, as typed (prices in MAD). */
export interface MarketplaceFilters {
  q: string;
  category: string;
  city: string;
  minPrice: string;
  maxPrice: string;
  minDiscount: string;
  endingSoon: boolean;
  sort: MarketplaceSort | '';
  /** Cards per page; the API allows 1 to 60. */
  limit: number;
}

export const pageSize = 24;

function isSort(value: string): value is MarketplaceSort {
  return (sortOptions as readonly string[]).includes(value);
}

/** "149,50" or "149.5" MAD to minor units; anything else is no filter at all. */
export function madToMinor(text: string): number | undefined {
  const value = Number(text.replace(',', '.').trim());
  if (!text.trim() || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * 100);
}

function limitOf(text: string): number {
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 1 && limit <= 60 ? limit : pageSize;
}

export function filtersOf(params: URLSearchParams): MarketplaceFilters {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const sort = text('sort');
  return {
    q: text('q'),
    category: text('category'),
    city: text('city'),
    minPrice: text('minPrice'),
    maxPrice: text('maxPrice'),
    minDiscount: text('minDiscount'),
    endingSoon: ['1', 'true', 'on'].includes(text('endingSoon')),
    sort: isSort(sort) ? sort : '',
    limit: limitOf(text('limit')),
  };
}

/**
 * The API query for the page's filters. Values the API would refuse (a word in a price field) are
 * dropped instead, so a hand-edited URL shows results rather than an error page.
 */
export function apiQueryOf(filters: MarketplaceFilters, cursor: string | null): URLSearchParams {
  const query = new URLSearchParams({ limit: String(filters.limit) });
  if (filters.q) query.set('q', filters.q.slice(0, 200));
  if (filters.category) query.set('category', filters.category.slice(0, 120));
  if (filters.city) query.set('city', filters.city.slice(0, 120));
  const minPrice = madToMinor(filters.minPrice);
  if (minPrice !== undefined) query.set('minPrice', String(minPrice));
  const maxPrice = madToMinor(filters.maxPrice);
  if (maxPrice !== undefined) query.set('maxPrice', String(maxPrice));
  const minDiscount = Number(filters.minDiscount);
  if (filters.minDiscount && Number.isInteger(minDiscount) && minDiscount >= 0 && minDiscount <= 100) {
    query.set('minDiscount', String(minDiscount));
  }
  if (filters.endingSoon) query.set('endingSoon', 'true');
  if (filters.sort) query.set('sort', filters.sort);
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  return query;
}

/** The page's own URL with another cursor (null: the first page); empty fields are left out. */
export function pageLink(params: URLSearchParams, cursor: string | null): string {
  const next = new URLSearchParams();
  for (const [name, value] of params) if (value && name !== 'cursor') next.append(name, value);
  if (cursor) next.set('cursor', cursor);
  const search = next.toString();
  return search ? `/marketplace?${search}` : '/marketplace';
}
