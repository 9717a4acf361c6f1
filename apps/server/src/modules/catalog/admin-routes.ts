import {
  adminProductListQuerySchema,
  adminReviewListQuerySchema,
  adminReviewListSchema,
  adminReviewSchema,
  categoryInputSchema,
  categoryListSchema,
  categorySchema,
  placementDecisionSchema,
  placements,
  productListSchema,
  productSchema,
  productUpdateSchema,
  reviewVisibilitySchema,
  unpublishReasonSchema,
} from '@souk/contracts/catalog';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import type { CategoryService } from './category-service.ts';
import type { ModerationService } from './moderation-service.ts';
import type { ProductService } from './product-service.ts';
import type { ReviewService } from './review-service.ts';

const idParams = z.object({ id: z.uuid() });
const noContent = z.null().describe('Done');

/** Platform admins: every product, moderation, placements, categories and reviews. */
export function catalogAdminRoutes(deps: {
  products: ProductService;
  moderation: ModerationService;
  categories: CategoryService;
  reviews: ReviewService;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin' as const };
    const tags = ['catalog admin'];

    app.get(
      '/admin/products',
      {
        config,
        schema: {
          tags,
          summary: 'All products, newest first: search, status, team, pending placement requests, holds',
          querystring: adminProductListQuerySchema,
          response: { 200: productListSchema },
        },
      },
      async (request) => deps.products.listAll(request.query),
    );

    app.get(
      '/admin/products/:id',
      { config, schema: { tags, summary: 'One product', params: idParams, response: { 200: productSchema } } },
      async (request) => deps.moderation.get(request.params.id),
    );

    app.patch(
      '/admin/products/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Correct a product (same rules as the merchant edit)',
          params: idParams,
          body: productUpdateSchema,
          response: { 200: productSchema },
        },
      },
      async (request) => {
        const current = await deps.products.find(request.params.id);
        if (!current) throw new AppError('not_found');
        return deps.products.applyUpdate(current, request.body, request.locale);
      },
    );

    app.post(
      '/admin/products/:id/unpublish',
      {
        config,
        schema: {
          tags,
          summary: 'Take a deal down with a reason: the team is notified and cannot republish until released',
          params: idParams,
          body: unpublishReasonSchema,
          response: { 200: productSchema },
        },
      },
      async (request) => deps.moderation.unpublish(request.params.id, request.body.reason),
    );

    app.post(
      '/admin/products/:id/release',
      {
        config,
        schema: {
          tags,
          summary: 'Lift the moderation hold: the team may publish again',
          params: idParams,
          response: { 200: productSchema },
        },
      },
      async (request) => deps.moderation.release(request.params.id),
    );

    app.post(
      '/admin/products/:id/placements/:placement',
      {
        config,
        schema: {
          tags,
          summary: 'Approve or refuse a featured / deal-of-the-day request',
          params: idParams.extend({ placement: z.enum(placements) }),
          body: placementDecisionSchema,
          response: { 200: productSchema },
        },
      },
      async (request) =>
        deps.moderation.decide(request.params.id, request.params.placement, request.body.decision, request.locale),
    );

    app.get(
      '/admin/categories',
      { config, schema: { tags, summary: 'Categories with every translation', response: { 200: categoryListSchema } } },
      async () => ({ items: await deps.categories.listAdmin() }),
    );

    app.post(
      '/admin/categories',
      {
        config,
        schema: { tags, summary: 'Create a category', body: categoryInputSchema, response: { 201: categorySchema } },
      },
      async (request, reply) => reply.code(201).send(await deps.categories.create(request.body, request.locale)),
    );

    app.put(
      '/admin/categories/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Replace a category (slug, icon, position, names)',
          params: idParams,
          body: categoryInputSchema,
          response: { 200: categorySchema },
        },
      },
      async (request) => deps.categories.update(request.params.id, request.body, request.locale),
    );

    app.delete(
      '/admin/categories/:id',
      {
        config,
        schema: { tags, summary: 'Delete an empty category', params: idParams, response: { 204: noContent } },
      },
      async (request, reply) => {
        await deps.categories.delete(request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/admin/reviews',
      {
        config,
        schema: {
          tags,
          summary: 'Reviews, newest first (hidden ones too)',
          querystring: adminReviewListQuerySchema,
          response: { 200: adminReviewListSchema },
        },
      },
      async (request) => deps.reviews.adminList(request.query),
    );

    app.patch(
      '/admin/reviews/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Hide or show a review',
          params: idParams,
          body: reviewVisibilitySchema,
          response: { 200: adminReviewSchema },
        },
      },
      async (request) => deps.reviews.setHidden(request.params.id, request.body.hidden),
    );
  };
}
