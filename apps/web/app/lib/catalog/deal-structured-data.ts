import type { PublicProduct, ReviewSummary } from '@souk/contracts/catalog';
import { minorToDecimal } from './minor-units';

interface StructuredDataInput {
  product: PublicProduct;
  summary: ReviewSummary | null;
  /** The deal page's canonical URL. */
  url: string;
  origin: string;
  labels: { home: string; marketplace: string };
  ended: boolean;
}

function availabilityOf(product: PublicProduct, ended: boolean): string {
  if (ended) return 'https://schema.org/Discontinued';
  if (product.soldOut) return 'https://schema.org/SoldOut';
  return 'https://schema.org/InStock';
}

/**
 * schema.org Product with its Offer (and AggregateRating when there are reviews), plus the
 * breadcrumb, for search engines' rich results. Prices are decimal strings built from minor
 * units, never floats.
 */
export function dealStructuredData(input: StructuredDataInput): Record<string, unknown>[] {
  const { product, summary, url, origin, labels, ended } = input;
  const absolute = (path: string) => new URL(path, origin || 'http://localhost').toString();
  const offer: Record<string, unknown> = {
    '@type': 'Offer',
    url,
    price: minorToDecimal(product.discountedPriceMinor),
    priceCurrency: product.currency,
    availability: availabilityOf(product, ended),
    seller: { '@type': 'Organization', name: product.merchant.name },
  };
  if (product.expiresAt) offer.priceValidUntil = product.expiresAt.slice(0, 10);
  const productData: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    sku: product.id,
    url,
    category: product.category.name,
    brand: { '@type': 'Brand', name: product.merchant.name },
    image: product.images.map((image) => absolute(image.url)),
    description: product.highlights.join(' · ') || product.title,
    offers: offer,
  };
  if (summary && summary.count > 0) {
    productData.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: summary.average,
      reviewCount: summary.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  const breadcrumb = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { name: labels.home, item: absolute('/') },
      { name: labels.marketplace, item: absolute('/marketplace') },
      {
        name: product.category.name,
        item: absolute(`/marketplace?category=${encodeURIComponent(product.category.slug)}`),
      },
      { name: product.title, item: url },
    ].map((entry, index) => ({ '@type': 'ListItem', position: index + 1, ...entry })),
  };
  return [productData, breadcrumb];
}
