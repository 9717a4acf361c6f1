import { defaultCurrency } from '@souk/contracts/catalog';
import { inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '../../platform/db/database.ts';
import type { CategoryRow, CategoryService } from './category-service.ts';
import { type DemoDeal, demoCategories, demoCities, demoDeals, demoReply, demoReviews } from './demo-data.ts';
import type { ImageService } from './image-service.ts';
import { columnsOf, type ProductFields } from './product-writes.ts';
import { catalogCategories, catalogProducts, catalogReviews } from './schema.ts';
import { rememberWords } from './search-vocabulary.ts';
import { slugify } from './text-normalization.ts';

const hour = 60 * 60 * 1000;

/** A generated picture for a deal: its colour as a gradient with its initials, no download needed. */
async function dealPicture(deal: DemoDeal): Promise<Buffer> {
  const initials = deal.title
    .split(/\s+/)
    .filter((word) => word.length > 3)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${deal.colour}"/><stop offset="1" stop-color="#1b1b2f"/></linearGradient></defs>
<rect width="800" height="500" fill="url(#g)"/><circle cx="640" cy="110" r="150" fill="#ffffff" fill-opacity="0.12"/>
<text x="60" y="330" font-family="sans-serif" font-size="200" font-weight="700" fill="#ffffff" fill-opacity="0.9">${initials}</text>
<text x="64" y="420" font-family="sans-serif" font-size="34" fill="#ffffff" fill-opacity="0.85">${deal.city}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

function descriptionOf(deal: DemoDeal, category: CategoryRow): string {
  return [
    `<p>Profitez de <strong>${deal.title.toLowerCase()}</strong> à ${deal.city}, une offre ${category.names.fr.toLowerCase()} sélectionnée par Souk.</p>`,
    '<ul><li>Réservation simple par téléphone ou WhatsApp</li><li>Accueil en français, arabe et anglais</li></ul>',
  ].join('');
}

function fieldsOf(deal: DemoDeal, index: number, category: CategoryRow, now: number): ProductFields {
  const coordinates = demoCities[deal.city];
  return {
    title: deal.title,
    categoryId: category.id,
    descriptionHtml: descriptionOf(deal, category),
    originalPriceMinor: deal.original * 100,
    discountedPriceMinor: deal.price * 100,
    currency: defaultCurrency,
    highlights: ['Offre vérifiée par Souk', `Valable à ${deal.city}`, 'Annulation gratuite 48 h avant'],
    included: ['La prestation décrite', 'Taxes et service'],
    conditions: 'Sur réservation, au moins 24 heures à l’avance. Non cumulable avec d’autres promotions.',
    howItWorks: ['Achetez le bon sur Souk', 'Réservez votre créneau auprès du marchand', 'Présentez le bon sur place'],
    faq: [
      { question: 'Puis-je offrir ce bon ?', answer: 'Oui, le bon peut être utilisé par la personne de votre choix.' },
      {
        question: 'Le bon est-il remboursable ?',
        answer: 'Il est remboursable pendant 14 jours s’il n’a pas été utilisé.',
      },
    ],
    location: deal.address
      ? {
          address: deal.address,
          city: deal.city,
          latitude: coordinates?.latitude ?? null,
          longitude: coordinates?.longitude ?? null,
        }
      : { address: deal.city, city: deal.city, latitude: null, longitude: null },
    expiresAt: new Date(now + (deal.endsInHours ?? 24 * (20 + (index % 5) * 10)) * hour).toISOString(),
    stockQuantity: index % 4 === 0 ? null : 50 + index * 5,
    minPerPurchase: 1,
    maxPerPurchase: index % 3 === 0 ? 4 : null,
    featuredRequested: Boolean(deal.featured),
    dealOfTheDayRequested: Boolean(deal.dealOfTheDay),
    commission: index % 2 === 0 ? { type: 'percentage', basisPoints: 1000 } : { type: 'fixed', amountMinor: 2000 },
  };
}

/** Runs `work` over `items`, `limit` at a time (sharp has its own threads; this bounds memory). */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += limit) {
    await Promise.all(items.slice(start, start + limit).map(work));
  }
}

/**
 * The demo catalog, inserted in batches (rows in one statement each, images encoded four at a
 * time at the fastest AVIF setting) so a first start stays quick. Existing slugs are left alone:
 * a second run changes nothing.
 */
export async function seedDemoCatalog(deps: {
  db: Database;
  images: ImageService;
  categories: CategoryService;
  merchants: { teamId: string; email: string }[];
}): Promise<void> {
  if (deps.merchants.length === 0) return;
  await deps.db.insert(catalogCategories).values(demoCategories).onConflictDoNothing();
  const categories = await deps.db
    .select()
    .from(catalogCategories)
    .where(
      inArray(
        catalogCategories.slug,
        demoCategories.map((category) => category.slug),
      ),
    );
  const bySlug = new Map(categories.map((category) => [category.slug, category]));
  const now = Date.now();
  const rows = demoDeals.flatMap((deal, index) => {
    const category = bySlug.get(deal.category);
    const merchant = deps.merchants[deal.merchant] ?? deps.merchants[0];
    if (!category || !merchant) return [];
    const publishedAt = new Date(now - (index + 1) * 3 * hour);
    return [
      {
        ...columnsOf(fieldsOf(deal, index, category, now), category),
        organizationId: merchant.teamId,
        slug: slugify(deal.title),
        status: 'published' as const,
        featuredState: deal.featured ? ('approved' as const) : index === 8 ? ('requested' as const) : ('none' as const),
        featuredDecidedAt: deal.featured ? publishedAt : null,
        dealOfTheDayState: deal.dealOfTheDay ? ('approved' as const) : ('none' as const),
        dealOfTheDayDecidedAt: deal.dealOfTheDay ? publishedAt : null,
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      },
    ];
  });
  const inserted = await deps.db
    .insert(catalogProducts)
    .values(rows)
    .onConflictDoNothing({ target: catalogProducts.slug })
    .returning({ id: catalogProducts.id, slug: catalogProducts.slug, title: catalogProducts.title });
  if (inserted.length === 0) return;
  await rememberWords(
    deps.db,
    rows.map((row) => row.searchDocument),
  );
  const dealBySlug = new Map(demoDeals.map((deal) => [slugify(deal.title), deal]));

  const reviews = inserted.flatMap((product, productIndex) => {
    if (productIndex % 5 === 4) return [];
    const count = 2 + (productIndex % 5);
    return Array.from({ length: count }, (_, index) => {
      const review = demoReviews[(productIndex + index * 3) % demoReviews.length] as (typeof demoReviews)[number];
      const createdAt = new Date(now - (index + 1) * 26 * hour - productIndex * hour);
      const replied = index === 0 && productIndex % 2 === 0;
      return {
        productId: product.id,
        rating: review.rating,
        title: review.title,
        body: review.body,
        authorName: review.author,
        createdAt,
        replyBody: replied ? demoReply : null,
        repliedAt: replied ? new Date(createdAt.getTime() + 5 * hour) : null,
      };
    });
  });
  if (reviews.length > 0) await deps.db.insert(catalogReviews).values(reviews);

  await inBatches(inserted, 4, async (product) => {
    const deal = dealBySlug.get(product.slug);
    if (!deal) return;
    const checked = await deps.images.encode(await dealPicture(deal), { widths: [400, 800], avifEffort: 0 });
    if (checked.ok) await deps.images.store(product.id, checked.image, product.title);
  });
  // Images touched updatedAt; the demo deals keep their publication time as last change.
  await deps.db
    .update(catalogProducts)
    .set({ updatedAt: sql`${catalogProducts.publishedAt}` })
    .where(
      inArray(
        catalogProducts.id,
        inserted.map((product) => product.id),
      ),
    );
}
