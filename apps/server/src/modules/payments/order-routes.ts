import { problemSchema } from '@souk/contracts/errors';
import {
  checkoutProductSchema,
  clickCookieName,
  idempotencyKeyHeader,
  orderAccessQuerySchema,
  orderCreatedSchema,
  orderCreateInputSchema,
  orderListQuerySchema,
  orderListSchema,
  orderSchema,
  refundCreatedSchema,
  refundCreateInputSchema,
} from '@souk/contracts/payments';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { OrderAccess } from './order-access.ts';
import type { OrderQueries } from './order-queries.ts';
import { loadBundle, type OrderBundle } from './order-records.ts';
import type { OrderService } from './order-service.ts';
import type { OrderPresenter } from './order-views.ts';
import type { PeopleDirectory } from './ports.ts';
import type { RefundService } from './refund-service.ts';
import { paymentsOrders } from './schema.ts';

const idParams = z.object({ id: z.uuid() });
const idempotencyHeaders = z.object({
  [idempotencyKeyHeader]: z.string().trim().min(1).max(255).optional(),
});

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface OrderRouteDeps {
  db: Database;
  orders: OrderService;
  refunds: RefundService;
  queries: OrderQueries;
  presenter: OrderPresenter;
  access: OrderAccess;
  people: PeopleDirectory;
}

/** Checkout and the buyer's side: deal facts, creating an order, reading it back, refunds. */
export function orderRoutes(deps: OrderRouteDeps): FastifyPluginAsync {
  async function bundleOf(id: string): Promise<OrderBundle> {
    const bundle = await loadBundle(deps.db, id);
    if (!bundle) throw new AppError('not_found');
    return bundle;
  }

  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/products/:id/checkout',
      {
        config: { access: 'public' },
        schema: {
          tags: ['checkout'],
          summary: 'What the checkout of a deal offers: price, quantities, stock, the enabled gateways',
          params: idParams,
          response: { 200: checkoutProductSchema },
        },
      },
      async (request) => deps.orders.checkout(request.params.id),
    );

    app.post(
      '/orders',
      {
        config: { access: 'public' },
        schema: {
          tags: ['checkout'],
          summary: 'Create an order (guests allowed): units are reserved for 15 minutes, then pay as `payment` says',
          description:
            'Send an Idempotency-Key to retry safely: the same key and body return the same order. The tracked-link cookie souk_cid is read when the body names no clickId.',
          headers: idempotencyHeaders,
          body: orderCreateInputSchema,
          response: { 200: orderCreatedSchema, 201: orderCreatedSchema, 409: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const { created, replayed } = await deps.orders.create({
          input: request.body,
          buyerUserId: request.viewer?.userId ?? null,
          clickCookie: cookieValue(request, clickCookieName),
          idempotencyKey: request.headers[idempotencyKeyHeader] as string | undefined,
          locale: request.locale,
        });
        return reply
          .code(replayed ? 200 : 201)
          .header('cache-control', 'no-store')
          .send(created);
      },
    );

    app.get(
      '/orders/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['orders'],
          summary: 'One order: its buyer (session or ?access=), the merchant team, or an admin; 404 for anyone else',
          params: idParams,
          querystring: orderAccessQuerySchema,
          response: { 200: orderSchema },
        },
      },
      async (request, reply) => {
        const bundle = await bundleOf(request.params.id);
        const role = await deps.access.roleFor(bundle.order, request.viewer, request.query.access);
        reply.header('cache-control', 'private, no-store');
        return deps.presenter.one(bundle, role);
      },
    );

    app.get(
      '/orders',
      {
        config: { access: 'user' },
        schema: {
          tags: ['orders'],
          summary:
            'Your orders as a buyer, newest first, with their vouchers (guest orders placed with your address included)',
          querystring: orderListQuerySchema,
          response: { 200: orderListSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const contact = await deps.people.getContact(viewer.userId);
        if (contact && !request.query.cursor) await deps.queries.claimGuestOrders(viewer.userId, contact.email);
        return deps.queries.orders(
          {
            buyerUserId: viewer.userId,
            status: request.query.status,
            cursor: request.query.cursor,
            limit: request.query.limit,
          },
          'buyer',
        );
      },
    );

    app.post(
      '/orders/:id/refunds',
      {
        config: { access: 'user' },
        schema: {
          tags: ['orders'],
          summary: 'Refund all or part of what is unredeemed, through the gateway the order was paid with',
          description:
            'Merchant owner or admin, or a platform admin. Vouchers covered by the refund are voided and any commission is reversed. If the gateway does not answer (503), asking again (same Idempotency-Key, or no amount) resumes the same refund.',
          params: idParams,
          headers: idempotencyHeaders,
          body: refundCreateInputSchema,
          response: { 201: refundCreatedSchema, 200: refundCreatedSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const [order] = await deps.db.select().from(paymentsOrders).where(eq(paymentsOrders.id, request.params.id));
        if (!order) throw new AppError('not_found');
        await deps.access.requireRefunder(order, viewer);
        const contact = await deps.people.getContact(viewer.userId);
        const { bundle, refund } = await deps.refunds.refund({
          orderId: order.id,
          input: request.body,
          actorId: viewer.userId,
          actorName: contact?.name || contact?.email || viewer.userId,
          idempotencyKey: request.headers[idempotencyKeyHeader] as string | undefined,
          locale: request.locale,
        });
        const role = viewer.role === 'admin' ? 'admin' : 'merchant';
        return reply.code(201).send({
          order: await deps.presenter.one(bundle, role),
          refund: {
            id: refund.id,
            amountMinor: refund.amountMinor,
            reason: refund.reason,
            status: refund.status,
            createdAt: refund.createdAt.toISOString(),
          },
        });
      },
    );
  };
}
