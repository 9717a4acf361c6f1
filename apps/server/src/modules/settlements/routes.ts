import {
  adminCommissionInvoiceListQuerySchema,
  adminSettlementListQuerySchema,
  commissionInvoiceListSchema,
  commissionInvoicePayResultSchema,
  commissionInvoiceRunResultSchema,
  commissionInvoiceSchema,
  periodSchema,
  settlementFailedInputSchema,
  settlementListQuerySchema,
  settlementListSchema,
  settlementPaidInputSchema,
  settlementRunInputSchema,
  settlementRunResultSchema,
  settlementSchema,
  settlementSummarySchema,
} from '@souk/contracts/settlements';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, type Viewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { CommissionInvoiceService } from './commission-invoice-service.ts';
import type { PeopleDirectory, TeamDirectory } from './ports.ts';
import type { SettlementQueries } from './settlement-queries.ts';
import type { SettlementService } from './settlement-service.ts';

const idParams = z.object({ id: z.uuid() });

function csv(reply: FastifyReply, name: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="souk-${name}.csv"`)
    .send(body);
}

export function settlementRoutes(deps: {
  settlements: SettlementService;
  queries: SettlementQueries;
  invoices: CommissionInvoiceService;
  teams: TeamDirectory;
  people: PeopleDirectory;
}): FastifyPluginAsync {
  /** The merchant team a member reads: the one named, else their first team. */
  const teamOf = async (viewer: Viewer, organizationId: string | undefined) => {
    const teamId = organizationId ?? (await deps.teams.membershipsOf(viewer.userId))[0]?.teamId;
    if (!teamId) throw new AppError('not_found');
    await deps.teams.requireRole(viewer.userId, teamId, 'analyst');
    return teamId;
  };
  /** A settlement or invoice is visible to its team (analysts and up) and to admins; others get 404. */
  const canRead = async (viewer: Viewer, organizationId: string) => {
    if (viewer.role === 'admin') return;
    await deps.teams.requireRole(viewer.userId, organizationId, 'analyst');
  };

  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const member = { access: 'user' as const };
    const admin = { access: 'admin' as const };

    app.get(
      '/settlements',
      {
        config: member,
        schema: {
          tags: ['settlements'],
          summary: "Your team's monthly settlements (deals sold through the checkout)",
          querystring: settlementListQuerySchema,
          response: { 200: settlementListSchema },
        },
      },
      async (request) => {
        const organizationId = await teamOf(requireViewer(request), request.query.organizationId);
        return deps.queries.list({ organizationId, cursor: request.query.cursor });
      },
    );

    app.get(
      '/settlements/:id',
      {
        config: member,
        schema: {
          tags: ['settlements'],
          summary: 'A settlement with a line per order and refund',
          params: idParams,
          response: { 200: settlementSchema },
        },
      },
      async (request) => {
        const row = await deps.queries.find(request.params.id);
        if (!row) throw new AppError('not_found');
        await canRead(requireViewer(request), row.organizationId);
        return deps.queries.detail(row);
      },
    );

    app.get(
      '/settlements/:id/statement.csv',
      {
        config: member,
        schema: { tags: ['settlements'], summary: 'A settlement statement as CSV', params: idParams },
      },
      async (request, reply) => {
        const row = await deps.queries.find(request.params.id);
        if (!row) throw new AppError('not_found');
        await canRead(requireViewer(request), row.organizationId);
        return csv(reply, `settlement-${row.period}`, await deps.queries.statementCsv(row));
      },
    );

    app.get(
      '/admin/settlements',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'Every merchant settlement',
          querystring: adminSettlementListQuerySchema,
          response: { 200: settlementListSchema },
        },
      },
      async (request) => deps.queries.list(request.query),
    );

    app.get(
      '/admin/settlements/export.csv',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'Bank transfer file of unpaid settlements: beneficiary, RIB, amount, reference',
          querystring: z.object({ period: periodSchema.optional() }),
        },
      },
      async (request, reply) =>
        csv(
          reply,
          `settlements-${request.query.period ?? 'all'}`,
          await deps.queries.transferCsv(request.query.period),
        ),
    );

    app.post(
      '/admin/settlements/run',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'Settle a closed month; a repeat creates nothing',
          body: settlementRunInputSchema,
          response: { 200: settlementRunResultSchema },
        },
      },
      async (request) => {
        const { created } = await deps.settlements.run(request.body.period, request.locale);
        return {
          period: request.body.period,
          created: created.length,
          settlements: await deps.queries.present(created),
        };
      },
    );

    app.post(
      '/admin/settlements/:id/paid',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'The transfer went through',
          params: idParams,
          body: settlementPaidInputSchema,
          response: { 200: settlementSummarySchema },
        },
      },
      async (request) => {
        const row = await deps.settlements.markPaid(
          request.params.id,
          { bankReference: request.body.bankReference, actorId: requireViewer(request).userId },
          request.locale,
        );
        return (await deps.queries.present([row]))[0];
      },
    );

    app.post(
      '/admin/settlements/:id/failed',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'The transfer failed (reason from the bank); it can be paid later',
          params: idParams,
          body: settlementFailedInputSchema,
          response: { 200: settlementSummarySchema },
        },
      },
      async (request) => {
        const row = await deps.settlements.markFailed(
          request.params.id,
          { reason: request.body.reason, actorId: requireViewer(request).userId },
          request.locale,
        );
        return (await deps.queries.present([row]))[0];
      },
    );

    app.get(
      '/commission-invoices',
      {
        config: member,
        schema: {
          tags: ['settlements'],
          summary: "Your team's invoices for commissions on sales it reported",
          querystring: settlementListQuerySchema,
          response: { 200: commissionInvoiceListSchema },
        },
      },
      async (request) => {
        const organizationId = await teamOf(requireViewer(request), request.query.organizationId);
        return deps.invoices.list({ organizationId });
      },
    );

    app.post(
      '/commission-invoices/:id/pay',
      {
        config: member,
        schema: {
          tags: ['settlements'],
          summary: 'Pay a due commission invoice by card: where to send the browser',
          params: idParams,
          response: { 200: commissionInvoicePayResultSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const row = await deps.invoices.find(request.params.id);
        if (!row) throw new AppError('not_found');
        await deps.teams.requireRole(viewer.userId, row.organizationId, 'admin');
        const contact = await deps.people.getContact(viewer.userId);
        const payer = { name: contact?.name ?? '', email: contact?.email ?? '' };
        return { payment: await deps.invoices.startCardPayment(row, payer, request.locale) };
      },
    );

    app.get(
      '/admin/commission-invoices',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'Every commission invoice',
          querystring: adminCommissionInvoiceListQuerySchema,
          response: { 200: commissionInvoiceListSchema },
        },
      },
      async (request) => deps.invoices.list(request.query),
    );

    app.post(
      '/admin/commission-invoices/run',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: "Invoice a closed month's commissions on reported sales; a repeat creates nothing",
          body: settlementRunInputSchema,
          response: { 200: commissionInvoiceRunResultSchema },
        },
      },
      async (request) => {
        const { created } = await deps.invoices.run(request.body.period, request.locale);
        return { period: request.body.period, created: created.length, invoices: await deps.invoices.present(created) };
      },
    );

    app.post(
      '/admin/commission-invoices/:id/paid',
      {
        config: admin,
        schema: {
          tags: ['settlements'],
          summary: 'The bank transfer for a commission invoice arrived',
          params: idParams,
          body: settlementPaidInputSchema,
          response: { 200: commissionInvoiceSchema },
        },
      },
      async (request) => {
        const row = await deps.invoices.markPaid(
          request.params.id,
          { method: 'bank_transfer', bankReference: request.body.bankReference },
          request.locale,
        );
        return (await deps.invoices.present([row]))[0];
      },
    );
  };
}
