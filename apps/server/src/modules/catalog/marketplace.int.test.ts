import type { ProductCard, ProductCardList } from '@souk/contracts/catalog';
import { QueueName } from '@souk/contracts/jobs';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCategory, dealInput, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { seedDemoData } from '../../seed/seed-demo.ts';
import { demoDeals } from './demo-data.ts';

describe('catalog: public marketplace', () => {
  let test: TestApp;
  let merchant: TestUser;

  beforeAll(async () => {
    test = await buildTestApp();
    await seedDemoData(test.runtime.services);
    merchant = await createTestUser(test, { accountType: 'merchant' });
  });
  afterAll(() => test.close());

  const list = async (query: string, locale: 'fr' | 'en' | 'ar' = 'fr'): Promise<ProductCardList> => {
    const response = await call(test, null, 'GET', `/api/v1/marketplace/products?${query}`, undefined, locale);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** Every page of a listing, following the cursor. */
  async function allPages(query: string, limit = 7): Promise<ProductCard[]> {
    const items: ProductCard[] = [];
    let cursor: string | null = null;
    do {
      const page: ProductCardList = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists the demo deals with images, merchants (verified) and ratings', async () => {
    const page = await list('limit=60');
    expect(page.items).toHaveLength(demoDeals.length);
    const card = page.items[0] as ProductCard;
    expect(card.merchant.verified).toBe(true);
    expect(card.image?.variants.map((variant) => `${variant.format}${variant.width}`)).toEqual([
      'avif400',
      'avif800',
      'webp400',
      'webp800',
    ]);
    expect(card.image?.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(page.items.some((item) => item.rating.count > 0)).toBe(true);
  });

  it('pages through every sort without duplicates or gaps', async () => {
    for (const sort of ['newest', 'discount', 'price_asc', 'price_desc', 'ending_soon', 'relevance']) {
      const items = await allPages(`sort=${sort}`);
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size, sort).toBe(demoDeals.length);
      expect(ids.length, sort).toBe(demoDeals.length);
      const prices = items.map((item) => item.discountedPriceMinor);
      if (sort === 'price_asc') expect(prices).toEqual([...prices].sort((a, b) => a - b));
      if (sort === 'price_desc') expect(prices).toEqual([...prices].sort((a, b) => b - a));
      if (sort === 'discount') {
        const discounts = items.map((item) => item.discountPercent);
        expect(discounts).toEqual([...discounts].sort((a, b) => b - a));
      }
      if (sort === 'ending_soon') {
        const ends = items.map((item) => Date.parse(item.expiresAt ?? ''));
        expect(ends).toEqual([...ends].sort((a, b) => a - b));
      }
    }
    // A cursor belongs to its sort: reused with another one it starts over rather than skipping.
    const first = await list('sort=price_asc&limit=5');
    const other = await list(`sort=discount&limit=5&cursor=${first.nextCursor}`);
    expect(other.items).toEqual((await list('sort=discount&limit=5')).items);
  });

  it('filters by category, city (accents ignored), price, discount and ending soon', async () => {
    const restaurants = await allPages('category=restaurants');
    expect(restaurants.length).toBe(demoDeals.filter((deal) => deal.category === 'restaurants').length);
    expect(restaurants.every((item) => item.category.slug === 'restaurants')).toBe(true);

    const fes = await allPages('city=fes');
    expect(fes.length).toBe(demoDeals.filter((deal) => deal.city === 'Fès').length);

    const cheap = await allPages('minPrice=10000&maxPrice=20000');
    expect(cheap.length).toBe(demoDeals.filter((deal) => deal.price >= 100 && deal.price <= 200).length);

    const bigDiscounts = await allPages('minDiscount=50');
    expect(bigDiscounts.every((item) => item.discountPercent >= 50)).toBe(true);
    expect(bigDiscounts.length).toBeGreaterThan(0);

    const ending = await allPages('endingSoon=true');
    expect(ending.length).toBe(demoDeals.filter((deal) => (deal.endsInHours ?? 1000) <= 48).length);

    expect((await list('category=no-such-category')).items).toEqual([]);
  });

  it('finds deals despite a misspelling, without accents, by prefix, and in Arabic with diacritics', async () => {
    const titles = async (q: string) => (await list(`q=${encodeURIComponent(q)}`)).items.map((item) => item.title);
    expect(await titles('masage')).toEqual(expect.arrayContaining(['Massage relaxant aux huiles d’argan (60 min)']));
    expect(await titles('hamam')).toEqual(expect.arrayContaining(['Hammam traditionnel et gommage au savon noir']));
    expect(await titles('diner pastilla')).toEqual(['Dîner pastilla et méchoui avec vue sur la médina']);
    expect(await titles('patisseri')).toEqual(['Pâtisseries marocaines : coffret de 1 kg']);
    // The category's names (all languages) are part of what is searched.
    expect((await titles('restaurants')).length).toBeGreaterThanOrEqual(7);
    expect(await titles('zzzzqqq')).toEqual([]);

    const categoryId = (await createCategory(test)).id;
    const created = await call(
      test,
      merchant,
      'POST',
      '/api/v1/products',
      dealInput(categoryId, { title: 'تدليك بالزيوت العطرية في مراكش', descriptionHtml: '<p>جلسة إسترخاء</p>' }),
    );
    await call(test, merchant, 'POST', `/api/v1/products/${created.json().id}/publish`);
    // With tashkeel and a hamza on the alef that the title does not have.
    expect(await titles('تَدْلِيك')).toEqual(['تدليك بالزيوت العطرية في مراكش']);
    expect(await titles('استرخاء')).toEqual(['تدليك بالزيوت العطرية في مراكش']);
  });

  it('serves a deal page, its reviews summary, and categories with counts in the asked language', async () => {
    const card = (await list('limit=60')).items.find((item) => item.rating.count >= 3);
    const page = await call(test, null, 'GET', `/api/v1/marketplace/products/${card?.slug}`);
    expect(page.json()).toMatchObject({ status: 'published', faq: expect.any(Array), images: [expect.any(Object)] });

    const reviews = await call(test, null, 'GET', `/api/v1/marketplace/products/${card?.slug}/reviews?limit=2`);
    const body = reviews.json();
    const [rows] = await rowsOf<{ count: number; average: number }>(
      test,
      sql`select count(*)::int as count, round(avg(rating), 1)::float8 as average from catalog_reviews where product_id = ${card?.id} and not hidden`,
    );
    expect(body.summary.count).toBe(rows?.count);
    expect(body.summary.average).toBe(rows?.average);
    const distributionTotal = Object.values(body.summary.distribution as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(distributionTotal).toBe(rows?.count);
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).not.toBeNull();
    expect(Date.parse(body.items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(body.items[1].createdAt));
    const next = await call(
      test,
      null,
      'GET',
      `/api/v1/marketplace/products/${card?.slug}/reviews?limit=50&cursor=${body.nextCursor}`,
    );
    expect(next.json().items.length).toBe((rows?.count ?? 0) - 2);

    const arabic = (await call(test, null, 'GET', '/api/v1/marketplace/categories', undefined, 'ar')).json();
    const english = (await call(test, null, 'GET', '/api/v1/marketplace/categories?lang=en')).json();
    expect(arabic.items.find((item: { slug: string }) => item.slug === 'restaurants')).toMatchObject({ name: 'مطاعم' });
    expect(english.items.find((item: { slug: string }) => item.slug === 'spa-bien-etre')).toMatchObject({
      name: 'Spa & wellness',
      dealCount: demoDeals.filter((deal) => deal.category === 'spa-bien-etre').length,
    });
  });

  it('shows admin-approved featured deals and deals of the day only', async () => {
    const featured = (await call(test, null, 'GET', '/api/v1/marketplace/featured')).json().items as ProductCard[];
    expect(featured.map((item) => item.title).sort()).toEqual(
      demoDeals
        .filter((deal) => deal.featured)
        .map((deal) => deal.title)
        .sort(),
    );
    expect(featured.every((item) => item.featured)).toBe(true);
    const daily = (await call(test, null, 'GET', '/api/v1/marketplace/deals-of-the-day')).json().items as ProductCard[];
    expect(daily.map((item) => item.title).sort()).toEqual(
      demoDeals
        .filter((deal) => deal.dealOfTheDay)
        .map((deal) => deal.title)
        .sort(),
    );
  });

  it('counts stats from the data, and a change shows at once (the cache is cleared)', async () => {
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await rowsOf<{ count: number }>(test, query))[0]?.count);
    const stats = (await call(test, null, 'GET', '/api/v1/marketplace/stats')).json();
    expect(stats).toEqual({
      publishedDeals: await count(sql`select count(*) from catalog_products where status = 'published'`),
      merchants: await count(
        sql`select count(distinct organization_id) from catalog_products where status = 'published'`,
      ),
      influencers: await count(sql`select count(*) from users where account_type = 'influencer'`),
      commissionsPaid: { amountMinor: 0, currency: 'MAD' },
    });

    // Read once (cached), then change: the next read reflects the change.
    const before = await list('q=escape game');
    expect(before.items).toHaveLength(1);
    const id = before.items[0]?.id as string;
    await test.runtime.services.catalog.products.setStatus(id, 'archived');
    expect((await list('q=escape game')).items).toHaveLength(0);
    const after = (await call(test, null, 'GET', '/api/v1/marketplace/stats')).json();
    expect(after.publishedDeals).toBe(stats.publishedDeals - 1);
  });

  it('expires ended deals with the job; their page says so, and listings drop them', async () => {
    const [card] = (await list('q=babouches')).items;
    await test.runtime.database.db.execute(
      sql`update catalog_products set expires_at = now() - interval '1 minute' where id = ${card?.id}`,
    );
    test.runtime.services.catalog.clearCache();
    // Off the listings even before the job runs.
    expect((await list('q=babouches')).items).toHaveLength(0);
    // Through the cron job's own handler, as the worker runs it.
    const job = test.runtime.services.jobs.find((definition) => definition.queue === QueueName.CatalogExpireDeals);
    expect(job?.cron?.expression).toBe('*/5 * * * *');
    await job?.handle({}, { jobId: 'test', retryCount: 0, isFinalAttempt: true, logger: pino({ level: 'silent' }) });
    const page = await call(test, null, 'GET', `/api/v1/marketplace/products/${card?.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().status).toBe('expired');
    expect(await test.runtime.services.catalog.products.expireEnded()).toBe(0);
  });

  it('lists every live deal and category in the sitemap, with language alternates', async () => {
    const response = await call(test, null, 'GET', '/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const xml = response.body;
    const slugs = (
      await rowsOf<{ slug: string }>(
        test,
        sql`select slug from catalog_products where status = 'published' and (expires_at is null or expires_at > now())`,
      )
    ).map((row) => row.slug);
    expect(slugs.length).toBeGreaterThan(30);
    for (const slug of slugs) {
      expect(xml).toContain(`<loc>http://localhost:3000/p/${slug}</loc>`);
      expect(xml).toContain(`hreflang="ar" href="http://localhost:3000/p/${slug}?lang=ar"`);
    }
    expect(xml).toContain('<loc>http://localhost:3000/marketplace?category=restaurants</loc>');
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
    expect(xml).not.toContain('/p/babouches');
  });
});
