import {
  commissionListQuerySchema,
  commissionListSchema,
  commissionRejectInputSchema,
  commissionSchemaView,
  conversionInputSchema,
  conversionResultSchema,
  exportQuerySchema,
  orderRefSchema,
  refundInputSchema,
} from '@souk/contracts/affiliation';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, scoped } from '../../platform/http/access.ts';
import type { CommissionService } from './commission-service.ts';
import type { ConversionService } from './conversion-service.ts';
import type { CsvExporter } from './csv-export.ts';
import type { ViewerSides } from './viewer-side.ts';

const idParams = z.object({ id: z.uuid() });
const orderParams = z.object({ orderRef: orderRefSchema });
const teamQuery = z.object({ organizationId: z.string().max(100).optional() });

function csv(reply: FastifyReply, name: string, stream: NodeJS.ReadableStream) {
  const date = new Date().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="souk-${name}-${date}.csv"`)
    .send(stream);
}

/** Conversions (merchants' servers or people), commissions for both sides, and CSV exports. */
export function moneyRoutes(deps: {
  conversions: ConversionService;
  commissions: CommissionService;
  exporter: CsvExporter;
  sides: ViewerSides;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const write = { access: scoped('conversions:write') };
    const analytics = { access: scoped('analytics:read') };

    app.post(
      '/conversions',
      {
        config: write,
        schema: {
          tags: ['conversions'],
          summary: 'Report a sale: 201 the first time, 200 with the same result for a repeat of the orderRef',
          body: conversionInputSchema,
          response: { 200: conversionResultSchema, 201: conversionResultSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        // Analysts read; reporting sales moves money: editors and up (or their API keys).
        const organizationId = await deps.sides.merchant(viewer.userId, request.body.organizationId, 'editor');
        const { result, created } = await deps.conversions.record(
          {
            organizationId,
            orderRef: request.body.orderRef,
            amount: request.body.amount,
            currency: request.body.currency,
            clickId: request.body.clickId ?? null,
            items: request.body.items,
            customerEmail: request.body.customerEmail,
            source: 'api',
            ip: request.ip,
          },
          request.locale,
        );
        return reply.code(created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/conversions/:orderRef/refund',
      {
        config: write,
        schema: {
          tags: ['conversions'],
          summary: 'Refund all or part of a sale: the commission shrinks in proportion, or is reversed',
          params: orderParams,
          body: refundInputSchema.optional(),
          response: { 200: conversionResultSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const organizationId = await deps.sides.merchant(viewer.userId, request.body?.organizationId, 'editor');
        return deps.conversions.refund(
          {
            organizationId,
            orderRef: request.params.orderRef,
            amount: request.body?.amount,
            refundRef: request.body?.refundRef,
            actorId: viewer.userId,
            ip: request.ip,
          },
          request.locale,
        );
      },
    );

    app.get(
      '/commissions',
      {
        config: analytics,
        schema: {
          tags: ['commissions'],
          summary: "Commissions: your team's (with what is owed per influencer) or your earnings",
          querystring: commissionListQuerySchema,
          response: { 200: commissionListSchema },
        },
      },
      async (request) => {
        const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
        return deps.commissions.list(side, request.query);
      },
    );

    app.post(
      '/commissions/:id/approve',
      {
        config: { access: 'user' },
        schema: {
          tags: ['commissions'],
          summary: 'Approve a pending commission now (also ends the review of a held one)',
          params: idParams,
          response: { 200: commissionSchemaView },
        },
      },
      async (request) =>
        deps.commissions.approve(
          request.params.id,
          { id: requireViewer(request).userId, ip: request.ip },
          request.locale,
        ),
    );

    app.post(
      '/commissions/:id/reject',
      {
        config: { access: 'user' },
        schema: {
          tags: ['commissions'],
          summary: 'Reject a pending commission as fraud (reason required)',
          params: idParams,
          body: commissionRejectInputSchema,
          response: { 200: commissionSchemaView },
        },
      },
      async (request) =>
        deps.commissions.rejectAsFraud(
          request.params.id,
          request.body.reason,
          { id: requireViewer(request).userId, ip: request.ip },
          request.locale,
        ),
    );

    for (const kind of ['clicks', 'conversions', 'commissions'] as const) {
      app.get(
        `/${kind}/export.csv`,
        {
          config: analytics,
          schema: {
            tags: ['exports'],
            summary: `CSV of ${kind} (your team's or your own), streamed`,
            querystring: exportQuerySchema.extend(teamQuery.shape),
          },
        },
        async (request, reply) => {
          const side = await deps.sides.of(requireViewer(request).userId, request.query.organizationId);
          return csv(reply, kind, deps.exporter[kind](side, request.query));
        },
      );
    }
  };
}
