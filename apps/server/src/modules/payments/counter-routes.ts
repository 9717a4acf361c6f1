import {
  adminOrderListQuerySchema,
  gatewayEventListQuerySchema,
  gatewayEventListSchema,
  merchantOrderListQuerySchema,
  merchantOrderSummaryQuerySchema,
  merchantOrderSummarySchema,
  orderAccessQuerySchema,
  orderListSchema,
  paymentAttemptListQuerySchema,
  paymentAttemptListSchema,
  redemptionResultSchema,
  voucherCodeInputSchema,
} from '@souk/contracts/payments';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { OrderAccess } from './order-access.ts';
import type { OrderQueries } from './order-queries.ts';
import { loadBundle } from './order-records.ts';
import type { PeopleDirectory, TeamDirectory } from './ports.ts';
import type { RedemptionService } from './redemption-service.ts';
import { paymentsVouchers } from './schema.ts';
import { checkVoucherCode } from './voucher-codes.ts';
import { renderVoucherPdf } from './voucher-pdf.ts';
import { voucherQrSvg } from './voucher-qr.ts';

export interface CounterRouteDeps {
  db: Database;
  publicUrl: string;
  queries: OrderQueries;
  access: OrderAccess;
  redemption: RedemptionService;
  people: PeopleDirectory;
  teams: Pick<TeamDirectory, 'namesOf'>;
}

/** The merchant's side (orders, figures, the redemption counter), admin logs, voucher files. */
export function counterRoutes(deps: CounterRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const user = { access: 'user' as const };
    const admin = { access: 'admin' as const };

    app.get(
      '/merchant/orders',
      {
        config: user,
        schema: {
          tags: ['orders'],
          summary: "Your team's orders, newest first (codes partly hidden: the buyer holds them)",
          querystring: merchantOrderListQuerySchema,
          response: { 200: orderListSchema },
        },
      },
      async (request) => {
        const organizationId = await deps.access.merchantTeam(
          requireViewer(request).userId,
          request.query.organizationId,
          'analyst',
        );
        return deps.queries.orders({ ...request.query, organizationId }, 'merchant');
      },
    );

    app.get(
      '/merchant/orders/summary',
      {
        config: user,
        schema: {
          tags: ['orders'],
          summary: "Your team's sales: paid orders, revenue, refunds, vouchers sold, redeemed and void",
          querystring: merchantOrderSummaryQuerySchema,
          response: { 200: merchantOrderSummarySchema },
        },
      },
      async (request) => {
        const organizationId = await deps.access.merchantTeam(
          requireViewer(request).userId,
          request.query.organizationId,
          'analyst',
        );
        return deps.queries.merchantSummary(organizationId);
      },
    );

    for (const action of ['lookup', 'redeem'] as const) {
      app.post(
        `/vouchers/${action}`,
        {
          config: user,
          schema: {
            tags: ['vouchers'],
            summary:
              action === 'lookup'
                ? 'What a voucher code is, without redeeming it'
                : 'Redeem a voucher once (atomic: of two simultaneous tries exactly one wins)',
            description:
              'Always 200 with an outcome: redeemed / valid / already_redeemed / expired / void / not_paid / other_merchant / invalid_code / not_found, and a translated message. The code may be typed (any case, dashes, spaces) or the scanned QR link.',
            body: voucherCodeInputSchema,
            response: { 200: redemptionResultSchema },
          },
        },
        async (request) => {
          const viewer = requireViewer(request);
          const organizationId = await deps.access.merchantTeam(
            viewer.userId,
            request.body.organizationId,
            action === 'lookup' ? 'analyst' : 'editor',
          );
          if (action === 'lookup') return deps.redemption.lookup(organizationId, request.body.code, request.locale);
          const contact = await deps.people.getContact(viewer.userId);
          return deps.redemption.redeem(
            organizationId,
            request.body.code,
            { id: viewer.userId, name: contact?.name || contact?.email || viewer.userId },
            request.locale,
          );
        },
      );
    }

    app.get(
      '/orders/:id/vouchers.pdf',
      {
        config: { access: 'public' },
        schema: {
          tags: ['vouchers'],
          summary: 'Every voucher of a paid order as a PDF (the buyer, with ?access= for guests, or an admin)',
          params: z.object({ id: z.uuid() }),
          querystring: orderAccessQuerySchema,
        },
      },
      async (request, reply) => {
        const bundle = await loadBundle(deps.db, request.params.id);
        if (!bundle) throw new AppError('not_found');
        const role = await deps.access.roleFor(bundle.order, request.viewer, request.query.access);
        if (role === 'merchant' || !bundle.order.paidAt) throw new AppError('not_found');
        const names = await deps.teams.namesOf([bundle.order.organizationId]);
        const pdf = await renderVoucherPdf(bundle, {
          locale: bundle.order.locale,
          merchantName: names.get(bundle.order.organizationId) ?? '',
          publicUrl: deps.publicUrl,
        });
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename="souk-${bundle.order.reference}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/vouchers/:code/qr.svg',
      {
        config: { access: 'public' },
        schema: {
          tags: ['vouchers'],
          summary: "A voucher's QR code (holds the redemption page's link with the code)",
          params: z.object({ code: z.string().max(64) }),
          querystring: orderAccessQuerySchema,
        },
      },
      async (request, reply) => {
        const checked = checkVoucherCode(request.params.code);
        if (!checked.ok) throw new AppError('not_found');
        const [voucher] = await deps.db.select().from(paymentsVouchers).where(eq(paymentsVouchers.code, checked.code));
        const bundle = voucher ? await loadBundle(deps.db, voucher.orderId) : null;
        if (!voucher || !bundle) throw new AppError('not_found');
        const role = await deps.access.roleFor(bundle.order, request.viewer, request.query.access);
        if (role === 'merchant' || !bundle.order.paidAt) throw new AppError('not_found');
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'private, max-age=3600')
          .send(await voucherQrSvg(deps.publicUrl, voucher.code));
      },
    );

    app.get(
      '/admin/orders',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary: 'Every order, newest first',
          querystring: adminOrderListQuerySchema,
          response: { 200: orderListSchema },
        },
      },
      async (request) => deps.queries.orders(request.query, 'admin'),
    );

    app.get(
      '/admin/payment-attempts',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary: 'Payment attempts with their gateway references',
          querystring: paymentAttemptListQuerySchema,
          response: { 200: paymentAttemptListSchema },
        },
      },
      async (request) => deps.queries.attempts(request.query),
    );

    app.get(
      '/admin/gateway-events',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary: 'What gateways sent (callbacks, webhooks, refunds), accepted or refused, and why',
          querystring: gatewayEventListQuerySchema,
          response: { 200: gatewayEventListSchema },
        },
      },
      async (request) => deps.queries.gatewayEvents(request.query),
    );
  };
}
