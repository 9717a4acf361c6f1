import {
  affiliationRequestInputSchema,
  affiliationRequestListQuerySchema,
  affiliationRequestListSchema,
  affiliationRequestSchema,
  approveRequestInputSchema,
  endAffiliationInputSchema,
  merchantAffiliationSettingsInputSchema,
  merchantAffiliationSettingsSchema,
  productAffiliationSettingsInputSchema,
  productAffiliationSettingsSchema,
  rejectRequestInputSchema,
} from '@souk/contracts/affiliation';
import { affiliationProblemMessages } from '@souk/contracts/affiliation-messages';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ProductDirectory } from './ports.ts';
import type { RequestService } from './request-service.ts';
import type { SettingsService } from './settings-service.ts';
import type { ViewerSides } from './viewer-side.ts';

const idParams = z.object({ id: z.uuid() });
const teamQuery = z.object({ organizationId: z.string().max(100).optional() });

/** Affiliation requests and their decisions; the merchant's affiliation settings. */
export function requestRoutes(deps: {
  requests: RequestService;
  settings: SettingsService;
  sides: ViewerSides;
  products: ProductDirectory;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['affiliation'];
    const user = { access: 'user' as const };

    app.post(
      '/products/:id/affiliation-requests',
      {
        config: user,
        schema: {
          tags,
          summary: 'Ask to promote a published product (influencers)',
          params: idParams,
          body: affiliationRequestInputSchema,
          response: { 201: affiliationRequestSchema },
        },
      },
      async (request, reply) => {
        const influencerId = await deps.sides.influencer(
          requireViewer(request).userId,
          affiliationProblemMessages[request.locale].not_an_influencer,
        );
        const created = await deps.requests.request(influencerId, request.params.id, request.body, request.locale);
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/affiliation-requests',
      {
        config: user,
        schema: {
          tags,
          summary: 'Incoming requests (merchant team) or your own (influencer)',
          querystring: affiliationRequestListQuerySchema,
          response: { 200: affiliationRequestListSchema },
        },
      },
      async (request) => {
        const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
        return { side: side.kind, items: await deps.requests.list(side, request.query) };
      },
    );

    const context = (request: { viewer: unknown; locale: 'fr' | 'en' | 'ar'; ip: string }) => ({
      actorId: requireViewer(request as Parameters<typeof requireViewer>[0]).userId,
      locale: request.locale,
      ip: request.ip,
    });

    app.post(
      '/affiliation-requests/:id/approve',
      {
        config: user,
        schema: {
          tags,
          summary: 'Approve a request, optionally with a commission for this influencer only',
          params: idParams,
          body: approveRequestInputSchema.optional(),
          response: { 200: affiliationRequestSchema },
        },
      },
      async (request) => deps.requests.approve(request.params.id, request.body?.commissionOverride, context(request)),
    );

    app.post(
      '/affiliation-requests/:id/reject',
      {
        config: user,
        schema: {
          tags,
          summary: 'Reject a request (reason required)',
          params: idParams,
          body: rejectRequestInputSchema,
          response: { 200: affiliationRequestSchema },
        },
      },
      async (request) => deps.requests.reject(request.params.id, request.body.reason, context(request)),
    );

    app.post(
      '/affiliation-requests/:id/end',
      {
        config: user,
        schema: {
          tags,
          summary: 'End an approved affiliation: its links stop redirecting and earning; history stays',
          params: idParams,
          body: endAffiliationInputSchema.optional(),
          response: { 200: affiliationRequestSchema },
        },
      },
      async (request) => deps.requests.end(request.params.id, request.body?.reason, context(request)),
    );

    app.get(
      '/affiliation/settings',
      {
        config: user,
        schema: {
          tags,
          summary: "Your team's attribution window, hold period and pixel key",
          querystring: teamQuery,
          response: { 200: merchantAffiliationSettingsSchema },
        },
      },
      async (request) => {
        const teamId = await deps.sides.merchant(
          requireViewer(request).userId,
          request.query.organizationId,
          'analyst',
        );
        return presentMerchant(await deps.settings.merchant(teamId));
      },
    );

    app.patch(
      '/affiliation/settings',
      {
        config: user,
        schema: {
          tags,
          summary: "Change your team's attribution window or hold period (owner, admin)",
          querystring: teamQuery,
          body: merchantAffiliationSettingsInputSchema,
          response: { 200: merchantAffiliationSettingsSchema },
        },
      },
      async (request) => {
        const teamId = await deps.sides.merchant(requireViewer(request).userId, request.query.organizationId, 'admin');
        return presentMerchant(await deps.settings.updateMerchant(teamId, request.body));
      },
    );

    app.get(
      '/products/:id/affiliation-settings',
      {
        config: user,
        schema: {
          tags,
          summary: "A product's auto-approval and commission bounds",
          params: idParams,
          response: { 200: productAffiliationSettingsSchema },
        },
      },
      async (request) => {
        const product = await ownedProduct(deps, requireViewer(request).userId, request.params.id, 'analyst');
        const row = await deps.settings.product(product.id);
        return {
          productId: product.id,
          autoApprove: row?.autoApprove ?? false,
          minCommissionMinor: row?.minCommissionMinor ?? null,
          maxCommissionMinor: row?.maxCommissionMinor ?? null,
        };
      },
    );

    app.put(
      '/products/:id/affiliation-settings',
      {
        config: user,
        schema: {
          tags,
          summary: "Set a product's auto-approval and commission bounds (owner, admin, editor)",
          params: idParams,
          body: productAffiliationSettingsInputSchema,
          response: { 200: productAffiliationSettingsSchema },
        },
      },
      async (request) => {
        const product = await ownedProduct(deps, requireViewer(request).userId, request.params.id, 'editor');
        const row = await deps.settings.updateProduct(product.id, product.organizationId, request.body, request.locale);
        return {
          productId: row.productId,
          autoApprove: row.autoApprove,
          minCommissionMinor: row.minCommissionMinor,
          maxCommissionMinor: row.maxCommissionMinor,
        };
      },
    );
  };
}

async function ownedProduct(
  deps: { products: ProductDirectory; sides: ViewerSides },
  userId: string,
  productId: string,
  minimum: 'analyst' | 'editor',
) {
  const product = await deps.products.find(productId);
  if (!product) throw new AppError('not_found');
  await deps.sides.merchant(userId, product.organizationId, minimum);
  return product;
}

function presentMerchant(row: {
  organizationId: string;
  attributionWindowDays: number;
  holdDays: number;
  pixelKey: string;
}) {
  return {
    organizationId: row.organizationId,
    attributionWindowDays: row.attributionWindowDays,
    holdDays: row.holdDays,
    pixelKey: row.pixelKey,
  };
}
