import {
  payoutBalanceSchema,
  payoutLineFailInputSchema,
  payoutLineSchema,
  payoutListSchema,
  payoutRunCreateInputSchema,
  payoutRunListSchema,
  payoutRunSchema,
  statementQuerySchema,
} from '@souk/contracts/payouts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import type { PayoutRunService } from './payout-runs.ts';
import type { PayoutReader } from './payout-views.ts';
import type { PeopleDirectory } from './ports.ts';
import { refused } from './problems.ts';

const idParams = z.object({ id: z.uuid() });
const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });

function download(reply: FastifyReply, file: { filename: string; contentType: string; body: Buffer }) {
  return reply
    .type(file.contentType)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

/** Influencers read their balance and payouts; admins run the monthly payout. */
export function payoutRoutes(deps: {
  runs: PayoutRunService;
  reader: PayoutReader;
  people: PeopleDirectory;
}): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const admin = { access: 'admin' as const };

    /** Balances are an influencer's: merchants and others are told so rather than shown zeros. */
    const influencer = async (userId: string, locale: Parameters<typeof refused>[0]) => {
      const contact = await deps.people.getContact(userId);
      if (contact?.accountType !== 'influencer') throw refused(locale, 'forbidden', 'not_an_influencer');
      return userId;
    };

    app.get(
      '/payouts/balance',
      {
        config: { access: 'user' },
        schema: {
          tags: ['payouts'],
          summary: 'Your commission balance: pending, approved, in payout, paid; and whether payouts can reach you',
          response: { 200: payoutBalanceSchema },
        },
      },
      async (request) => deps.reader.balance(await influencer(requireViewer(request).userId, request.locale)),
    );

    app.get(
      '/payouts',
      {
        config: { access: 'user' },
        schema: {
          tags: ['payouts'],
          summary: 'Your payouts, newest first, each with the commissions it pays',
          response: { 200: payoutListSchema },
        },
      },
      async (request) => ({
        items: await deps.reader.list(await influencer(requireViewer(request).userId, request.locale)),
      }),
    );

    app.get(
      '/payouts/:id/statement',
      {
        config: { access: 'user' },
        schema: {
          tags: ['payouts'],
          summary: 'A payout statement as PDF (default) or CSV: your own, or any for admins',
          params: idParams,
          querystring: statementQuerySchema,
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const file = await deps.reader.statement(
          request.params.id,
          { userId: viewer.userId, admin: viewer.role === 'admin' },
          request.query.format,
          request.locale,
        );
        return download(reply, file);
      },
    );

    app.get(
      '/admin/payout-runs',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: 'Payout runs, newest period first',
          response: { 200: payoutRunListSchema },
        },
      },
      async () => ({ items: await deps.runs.list() }),
    );

    app.post(
      '/admin/payout-runs',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: "Preview the period's payout run: 201 when created, 200 with the run that exists",
          body: payoutRunCreateInputSchema.optional(),
          response: { 200: payoutRunSchema, 201: payoutRunSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const { run, created } = await deps.runs.create(
          { period: request.body?.period },
          { id: viewer.userId, ip: request.ip },
          request.locale,
        );
        return reply.code(created ? 201 : 200).send(run);
      },
    );

    app.get(
      '/admin/payout-runs/:id',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: 'A payout run with its lines and the influencers left out (with the reason)',
          params: idParams,
          response: { 200: payoutRunSchema },
        },
      },
      async (request) => deps.runs.get(request.params.id, request.locale),
    );

    app.post(
      '/admin/payout-runs/:id/approve',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: 'Approve a previewed run: its lines go to "in payout" and to the payout provider',
          params: idParams,
          response: { 200: payoutRunSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return deps.runs.approve(request.params.id, { id: viewer.userId, ip: request.ip }, request.locale);
      },
    );

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/admin/payout-runs/:id/export.${format}`,
        {
          config: admin,
          schema: {
            tags: ['payouts'],
            summary: `The bank transfer file of an approved run (${format.toUpperCase()}): beneficiary, RIB, amount, reference`,
            params: idParams,
          },
        },
        async (request, reply) =>
          download(reply, await deps.runs.transferFile(request.params.id, format, request.locale)),
      );
    }

    app.post(
      '/admin/payout-runs/:id/lines/:lineId/paid',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: 'The bank paid this line: its commissions become paid; a second call is refused (409)',
          params: lineParams,
          response: { 200: payoutLineSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return deps.runs.markPaid(
          request.params.id,
          request.params.lineId,
          { id: viewer.userId, ip: request.ip },
          request.locale,
        );
      },
    );

    app.post(
      '/admin/payout-runs/:id/lines/:lineId/failed',
      {
        config: admin,
        schema: {
          tags: ['payouts'],
          summary: "The bank returned this line: the amount goes back to the influencer's balance with the reason",
          params: lineParams,
          body: payoutLineFailInputSchema,
          response: { 200: payoutLineSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return deps.runs.markFailed(
          request.params.id,
          request.params.lineId,
          request.body.reason,
          { id: viewer.userId, ip: request.ip },
          request.locale,
        );
      },
    );
  };
}
