import {
  linkCreateInputSchema,
  linkListSchema,
  linkSchema,
  linkStatsSchema,
  statsQuerySchema,
} from '@souk/contracts/affiliation';
import { affiliationProblemMessages } from '@souk/contracts/affiliation-messages';
import type { Currency } from '@souk/contracts/catalog';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, scoped } from '../../platform/http/access.ts';
import type { LinkService } from './link-service.ts';
import type { ProductDirectory } from './ports.ts';
import type { StatsService } from './stats-service.ts';
import type { ViewerSides } from './viewer-side.ts';

const idParams = z.object({ id: z.uuid() });
const teamQuery = z.object({ organizationId: z.string().max(100).optional() });

/** Tracked links: creation (approved influencers), listings, QR codes and statistics. */
export function linkRoutes(deps: {
  links: LinkService;
  stats: StatsService;
  sides: ViewerSides;
  products: ProductDirectory;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['links'];
    const user = { access: 'user' as const };
    const analytics = { access: scoped('analytics:read') };

    app.post(
      '/links',
      {
        config: user,
        schema: {
          tags,
          summary: 'Create a tracked link for a product you are approved for (same product and channel: same link)',
          body: linkCreateInputSchema,
          response: { 201: linkSchema },
        },
      },
      async (request, reply) => {
        const influencerId = await deps.sides.influencer(
          requireViewer(request).userId,
          affiliationProblemMessages[request.locale].not_an_influencer,
        );
        const link = await deps.links.create(influencerId, request.body, request.locale, request.ip);
        return reply.code(201).send(link);
      },
    );

    app.get(
      '/links',
      {
        config: user,
        schema: {
          tags,
          summary: "Your links (influencer) or the links to your team's products (merchant)",
          querystring: teamQuery,
          response: { 200: linkListSchema },
        },
      },
      async (request) => {
        const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
        return { items: await deps.links.list(side) };
      },
    );

    // Declared before /links/:id/stats would not matter; a static segment wins in find-my-way.
    app.get(
      '/links/stats',
      {
        config: analytics,
        schema: {
          tags,
          summary: 'Statistics over all your links (influencer) or all links to your products (merchant)',
          querystring: statsQuerySchema,
          response: { 200: linkStatsSchema },
        },
      },
      async (request) => {
        const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
        return deps.stats.report({ side }, request.query, 'MAD');
      },
    );

    app.get(
      '/links/:id/stats',
      {
        config: analytics,
        schema: {
          tags,
          summary: "One link's statistics: totals, series (hour or day), breakdowns",
          params: idParams,
          querystring: statsQuerySchema,
          response: { 200: linkStatsSchema },
        },
      },
      async (request) => {
        const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
        const link = await deps.links.loadFor(side, request.params.id);
        const product = await deps.products.find(link.productId);
        return deps.stats.report({ linkId: link.id }, request.query, (product?.currency ?? 'MAD') as Currency);
      },
    );

    app.get(
      '/links/:id/qr.png',
      { config: user, schema: { tags, summary: 'QR code of the short URL (PNG, 512 px)', params: idParams } },
      async (request, reply) => {
        const side = await deps.sides.of(requireViewer(request).userId, undefined);
        const link = await deps.links.loadFor(side, request.params.id);
        return reply
          .type('image/png')
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename="souk-${link.code}.png"`)
          .send(await deps.links.qrPng(link));
      },
    );

    app.get(
      '/links/:id/qr.svg',
      { config: user, schema: { tags, summary: 'QR code of the short URL (SVG)', params: idParams } },
      async (request, reply) => {
        const side = await deps.sides.of(requireViewer(request).userId, undefined);
        const link = await deps.links.loadFor(side, request.params.id);
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename="souk-${link.code}.svg"`)
          .send(await deps.links.qrSvg(link));
      },
    );
  };
}
