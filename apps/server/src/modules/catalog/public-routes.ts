import {
  marketplaceQuerySchema,
  marketplaceStatsSchema,
  productCardListSchema,
  productCardsSchema,
  productRedirectSchema,
  publicCategoryListSchema,
  publicProductSchema,
  reviewListQuerySchema,
  reviewPageSchema,
} from '@souk/contracts/catalog';
import { isLocale, type Locale } from '@souk/contracts/locales';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import type { CategoryService } from './category-service.ts';
import type { MarketplaceService } from './marketplace-service.ts';
import type { ReviewService } from './review-service.ts';

const slugParams = z.object({ slug: z.string().min(1).max(160) });
const langQuery = z.object({ lang: z.string().max(5).optional().describe('fr, en or ar; else x-souk-locale') });

/** `?lang=` names the language of this response (category names); else the request's language. */
function localeOf(request: FastifyRequest, lang: string | undefined): Locale {
  return isLocale(lang) ? lang : request.locale;
}

/** Short shared caching for anonymous reads: browsers and CDNs may keep them briefly. */
const publicCache = 'public, max-age=30, stale-while-revalidate=60';

/** The marketplace, open to everyone. */
export function catalogPublicRoutes(deps: {
  marketplace: MarketplaceService;
  categories: CategoryService;
  reviews: ReviewService;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'public' as const };
    const tags = ['marketplace'];

    app.get(
      '/marketplace/products',
      {
        config,
        schema: {
          tags,
          summary: 'Search and list live deals (filters, sorts, opaque cursor)',
          querystring: marketplaceQuerySchema.extend(langQuery.shape),
          response: { 200: productCardListSchema },
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        reply.header('cache-control', publicCache);
        return deps.marketplace.search(query, localeOf(request, lang));
      },
    );

    app.get(
      '/marketplace/products/:slug',
      {
        config,
        schema: {
          tags,
          summary: 'A deal page: live or ended ("expired"); a former slug answers 301 with the current one',
          params: slugParams,
          querystring: langQuery,
          response: { 200: publicProductSchema, 301: productRedirectSchema },
        },
      },
      async (request, reply) => {
        const found = await deps.marketplace.bySlug(request.params.slug, localeOf(request, request.query.lang));
        if (found.kind === 'missing') throw new AppError('not_found');
        if (found.kind === 'moved') {
          return reply
            .code(301)
            .header('location', `/api/v1/marketplace/products/${encodeURIComponent(found.slug)}`)
            .send({ redirectTo: found.slug });
        }
        reply.header('cache-control', publicCache);
        return found.product;
      },
    );

    app.get(
      '/marketplace/products/:slug/reviews',
      {
        config,
        schema: {
          tags,
          summary: 'Visible reviews of a deal, newest first, with average and star distribution',
          params: slugParams,
          querystring: reviewListQuerySchema,
          response: { 200: reviewPageSchema },
        },
      },
      async (request) => {
        const product = await deps.marketplace.visibleBySlug(request.params.slug);
        if (!product) throw new AppError('not_found');
        return deps.reviews.page(product.id, request.query);
      },
    );

    app.get(
      '/marketplace/categories',
      {
        config,
        schema: {
          tags,
          summary: 'Categories with names in the request language and their live deal counts',
          querystring: langQuery,
          response: { 200: publicCategoryListSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', publicCache);
        return { items: await deps.categories.listPublic(localeOf(request, request.query.lang)) };
      },
    );

    app.get(
      '/marketplace/featured',
      {
        config,
        schema: {
          tags,
          summary: 'Featured deals (approved by an admin)',
          querystring: langQuery,
          response: { 200: productCardsSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', publicCache);
        return { items: await deps.marketplace.featured(localeOf(request, request.query.lang)) };
      },
    );

    app.get(
      '/marketplace/deals-of-the-day',
      {
        config,
        schema: {
          tags,
          summary: 'Deals of the day (approved by an admin)',
          querystring: langQuery,
          response: { 200: productCardsSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', publicCache);
        return { items: await deps.marketplace.dealsOfTheDay(localeOf(request, request.query.lang)) };
      },
    );

    app.get(
      '/marketplace/stats',
      {
        config,
        schema: {
          tags,
          summary: 'Live platform figures, counted from the data',
          response: { 200: marketplaceStatsSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', publicCache);
        return deps.marketplace.stats();
      },
    );
  };
}
