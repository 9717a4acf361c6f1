import multipart from '@fastify/multipart';
import {
  imageAltSchema,
  imageOrderSchema,
  productCreateSchema,
  productImageRules,
  productImageSchema,
  productListQuerySchema,
  productListSchema,
  productSchema,
  productUpdateSchema,
  publicProductSchema,
  reviewReplyInputSchema,
  reviewSchema,
} from '@souk/contracts/catalog';
import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, scoped } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ImageService } from './image-service.ts';
import type { ProductService } from './product-service.ts';
import type { ReviewService } from './review-service.ts';

const idParams = z.object({ id: z.uuid() });
const imageParams = z.object({ id: z.uuid(), imageId: z.uuid() });
const teamQuery = z.object({
  organizationId: z.string().max(100).optional().describe('The team to act for; default: your first team'),
});
const noContent = z.null().describe('Done');

/**
 * A merchant team's products. People with a session, or programs with an API key carrying
 * `products:read` (reads) or `products:write` (changes). Team roles decide the rest: analysts
 * read, editors write, owners and admins also delete; another team's product is 404.
 */
export function catalogMerchantRoutes(deps: {
  products: ProductService;
  images: ImageService;
  reviews: ReviewService;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const read = { access: scoped('products:read') };
    const write = { access: scoped('products:write') };
    const tags = ['products'];
    await instance.register(multipart, {
      limits: { fileSize: productImageRules.maxBytes, files: 1, fields: 0, parts: 1 },
    });

    app.post(
      '/products',
      {
        config: write,
        schema: {
          tags,
          summary: 'Create a product or deal (a draft)',
          querystring: teamQuery,
          body: productCreateSchema,
          response: { 201: productSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const product = await deps.products.create(
          viewer.userId,
          request.query.organizationId,
          request.body,
          request.locale,
        );
        return reply.code(201).send(product);
      },
    );

    app.get(
      '/products',
      {
        config: read,
        schema: {
          tags,
          summary: "Your team's products, newest first",
          querystring: productListQuerySchema.extend(teamQuery.shape),
          response: { 200: productListSchema },
        },
      },
      async (request) => {
        const { organizationId, ...query } = request.query;
        return deps.products.list(requireViewer(request).userId, organizationId, query);
      },
    );

    app.get(
      '/products/:id',
      {
        config: read,
        schema: { tags, summary: 'One of your products', params: idParams, response: { 200: productSchema } },
      },
      async (request) => deps.products.get(requireViewer(request).userId, request.params.id),
    );

    app.get(
      '/products/:id/preview',
      {
        config: read,
        schema: {
          tags,
          summary: 'Your product as the public deal page shows it, whatever its status',
          params: idParams,
          response: { 200: publicProductSchema },
        },
      },
      async (request) => deps.products.preview(requireViewer(request).userId, request.params.id, request.locale),
    );

    app.patch(
      '/products/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Change fields; a new slug keeps the old one redirecting',
          params: idParams,
          body: productUpdateSchema,
          response: { 200: productSchema },
        },
      },
      async (request) =>
        deps.products.update(requireViewer(request).userId, request.params.id, request.body, request.locale),
    );

    app.delete(
      '/products/:id',
      {
        config: write,
        schema: { tags, summary: 'Delete (team owner or admin)', params: idParams, response: { 204: noContent } },
      },
      async (request, reply) => {
        await deps.products.remove(requireViewer(request).userId, request.params.id);
        return reply.code(204).send(null);
      },
    );

    const transitions = {
      publish: 'Publish: live on the marketplace (3 at most before KYC verification)',
      unpublish: 'Unpublish: back to draft',
      archive: 'Archive: off the marketplace for good',
    } as const;
    for (const [action, summary] of Object.entries(transitions) as [keyof typeof transitions, string][]) {
      app.post(
        `/products/:id/${action}`,
        { config: write, schema: { tags, summary, params: idParams, response: { 200: productSchema } } },
        async (request) => {
          const userId = requireViewer(request).userId;
          if (action === 'publish') return deps.products.publish(userId, request.params.id, request.locale);
          if (action === 'unpublish') return deps.products.unpublish(userId, request.params.id);
          return deps.products.archive(userId, request.params.id);
        },
      );
    }

    app.post(
      '/products/:id/images',
      {
        config: write,
        schema: {
          tags,
          summary: 'Add an image (multipart field "file": JPEG, PNG, WebP or AVIF; 10 MB, 40 megapixels at most)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: productImageSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const messages = catalogProblemMessages[request.locale];
        const file = await request.file().catch(() => undefined);
        if (!file) {
          throw new AppError('validation_failed', messages.image_missing, [
            { path: 'file', message: messages.image_missing },
          ]);
        }
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('payload_too_large', messages.image_too_large, [
              { path: 'file', message: messages.image_too_large },
            ]);
          }
          throw error;
        }
        const image = await deps.images.upload(viewer.userId, request.params.id, bytes, request.locale);
        return reply.code(201).send(image);
      },
    );

    app.patch(
      '/products/:id/images/:imageId',
      {
        config: write,
        schema: {
          tags,
          summary: "Change an image's alt text",
          params: imageParams,
          body: imageAltSchema,
          response: { 200: productImageSchema },
        },
      },
      async (request) =>
        deps.images.updateAlt(
          requireViewer(request).userId,
          request.params.id,
          request.params.imageId,
          request.body.alt,
        ),
    );

    app.delete(
      '/products/:id/images/:imageId',
      {
        config: write,
        schema: { tags, summary: 'Remove an image', params: imageParams, response: { 204: noContent } },
      },
      async (request, reply) => {
        await deps.images.remove(requireViewer(request).userId, request.params.id, request.params.imageId);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/products/:id/images/order',
      {
        config: write,
        schema: {
          tags,
          summary: 'Reorder the gallery (every image id, in the new order)',
          params: idParams,
          body: imageOrderSchema,
          response: { 200: z.object({ items: z.array(productImageSchema) }) },
        },
      },
      async (request) => ({
        items: await deps.images.reorder(
          requireViewer(request).userId,
          request.params.id,
          request.body.ids,
          request.locale,
        ),
      }),
    );

    app.post(
      '/reviews/:id/reply',
      {
        config: write,
        schema: {
          tags: ['reviews'],
          summary: "Answer a review of your team's deal publicly (replaces an earlier answer)",
          params: idParams,
          body: reviewReplyInputSchema,
          response: { 200: reviewSchema },
        },
      },
      async (request) => deps.reviews.reply(requireViewer(request).userId, request.params.id, request.body.body),
    );
  };
}
