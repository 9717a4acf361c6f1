import { orderPagePath } from '@souk/contracts/payments';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import type { OrderAccessTokens } from './access-tokens.ts';
import type { ExternalPayments } from './external-payments.ts';
import type { FulfilmentService } from './fulfilment-service.ts';
import { loggablePayload } from './fulfilment-service.ts';
import { NotificationRejected } from './gateways/gateway.ts';
import type { GatewayRegistry } from './gateways/gateway-registry.ts';
import { recordGatewayEvent } from './order-records.ts';
import type { SubscriptionEvents } from './ports.ts';
import { paymentsOrders, paymentsProcessedWebhooks } from './schema.ts';

type Form = Record<string, string>;

const cmiGatewayParams = z.object({ gateway: z.enum(['cmi', 'sandbox']) });

export interface GatewayRouteDeps {
  db: Database;
  publicUrl: string;
  gateways: GatewayRegistry;
  fulfilment: FulfilmentService;
  tokens: OrderAccessTokens;
  logger: { error(details: object, message: string): void };
  /** Payments that are not orders (invoices), claimed by reference prefix. */
  external?: ExternalPayments;
  /** Stripe Billing's events (merchant subscriptions), handed to billing. */
  subscriptions?: SubscriptionEvents | undefined;
}

type StripeEvent = { id: string; type: string; data: { object: Record<string, unknown> } };

/** Stripe Billing's events go to billing; checkout sessions of orders stay here. */
function isSubscriptionEvent(event: StripeEvent): boolean {
  if (event.type.startsWith('customer.subscription.') || event.type.startsWith('invoice.')) return true;
  return event.type.startsWith('checkout.session.') && event.data?.object?.mode === 'subscription';
}

/**
 * CMI-protocol endpoints at the site root (CMI and the sandbox): the server-to-server callback,
 * the only thing that fulfils, answered in plain text as CMI expects; and the buyer's return to
 * okUrl / failUrl, which only sends the browser to its order page.
 */
export function cmiRoutes(deps: GatewayRouteDeps): FastifyPluginAsync {
  return async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const config = { access: 'public' as const, rateLimit: false as const };

    scope.post(
      '/payments/:gateway/callback',
      { config, schema: { hide: true, params: cmiGatewayParams } },
      async (request, reply) => {
        const { gateway: gatewayId } = request.params as z.infer<typeof cmiGatewayParams>;
        const gateway = deps.gateways.cmi(gatewayId);
        reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store');
        if (!gateway) return reply.code(404).send('FAILURE');
        const form = (request.body ?? {}) as Form;
        try {
          const notification = gateway.verifyCallback(form);
          const reference = 'reference' in notification.orderKey ? notification.orderKey.reference : '';
          const external = deps.external?.handlerOf(reference);
          if (external) {
            const result = await external.handle(gatewayId, notification);
            if (result === 'paid' || (result === 'duplicate' && notification.outcome === 'approved')) {
              return reply.send('ACTION=POSTAUTH');
            }
            return reply.send(result === 'rejected' ? 'FAILURE' : 'APPROVED');
          }
          const { outcome } = await deps.fulfilment.handle(gatewayId, notification, form);
          if (outcome === 'paid' || (outcome === 'duplicate' && notification.outcome === 'approved')) {
            return reply.send('ACTION=POSTAUTH');
          }
          if (outcome === 'rejected') return reply.send('FAILURE');
          // Declined, or paid too late to be honoured: acknowledged, nothing captured.
          return reply.send('APPROVED');
        } catch (error) {
          if (error instanceof NotificationRejected) {
            await recordGatewayEvent(deps.db, {
              gateway: gatewayId,
              kind: 'callback',
              externalId: error.orderKey?.reference ?? null,
              orderId: null,
              outcome: 'rejected',
              detail: error.reason,
              payload: loggablePayload(form),
            });
            return reply.send('FAILURE');
          }
          deps.logger.error({ err: error, gateway: gatewayId }, 'CMI callback failed');
          return reply.send('FAILURE');
        }
      },
    );

    // The browser's return: never fulfils. A valid HASH names the order; we show it.
    for (const outcome of ['ok', 'fail'] as const) {
      scope.post(
        `/payments/:gateway/${outcome}`,
        { config, schema: { hide: true, params: cmiGatewayParams } },
        async (request, reply) => {
          const { gateway: gatewayId } = request.params as z.infer<typeof cmiGatewayParams>;
          const gateway = deps.gateways.cmi(gatewayId);
          const form = (request.body ?? {}) as Form;
          let reference: string | null = null;
          try {
            reference = gateway ? (gateway.verifyCallback(form).orderKey as { reference: string }).reference : null;
          } catch {
            reference = null;
          }
          if (!reference) return reply.code(303).header('location', '/').send();
          const external = deps.external?.handlerOf(reference);
          if (external)
            return reply
              .code(303)
              .header('location', await external.returnPath(reference, outcome))
              .send();
          const [order] = await deps.db
            .select({ id: paymentsOrders.id })
            .from(paymentsOrders)
            .where(eq(paymentsOrders.reference, reference));
          if (!order) return reply.code(303).header('location', '/').send();
          return reply
            .code(303)
            .header('location', orderPagePath(order.id, deps.tokens.issue(order.id)))
            .send();
        },
      );
    }
  };
}

/** Stripe's webhook, under /api/v1: the raw bytes are what the signature covers. */
export function stripeWebhookRoutes(deps: GatewayRouteDeps): FastifyPluginAsync {
  return async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(
      '/payments/stripe/webhook',
      {
        config: { access: 'public', rateLimit: false },
        schema: {
          tags: ['payments'],
          summary: 'Stripe webhook (signed with the endpoint secret; each event id is processed once)',
        },
      },
      async (request, reply) => {
        const stripe = deps.gateways.stripe();
        if (!stripe) return reply.code(404).send({ received: false });
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from('');
        const header = request.headers['stripe-signature'];
        try {
          const notification = stripe.verifyWebhook(raw, Array.isArray(header) ? header[0] : header);
          if (!notification) return { received: true };
          const event = JSON.parse(raw.toString('utf8')) as StripeEvent;
          if (deps.subscriptions && isSubscriptionEvent(event)) {
            const subscriptions = deps.subscriptions;
            // The same once-only record as the orders' events: a redelivery changes nothing.
            const outcome = await deps.db.transaction(async (tx) => {
              const fresh = await tx
                .insert(paymentsProcessedWebhooks)
                .values({ gateway: 'stripe', eventId: event.id })
                .onConflictDoNothing()
                .returning();
              if (fresh.length === 0) return 'duplicate' as const;
              return subscriptions.handleStripeEvent(tx, event);
            });
            return { received: true, outcome };
          }
          const { outcome, order } = await deps.fulfilment.handle('stripe', notification, {
            eventId: notification.eventId,
            type: notification.eventType,
            session: notification.gatewayReference,
            amountMinor: notification.amountMinor,
          });
          // Stripe captures at once: a payment we cannot honour is given back.
          if (outcome === 'unfulfillable' && order)
            await deps.fulfilment.returnLatePayment(stripe, order, notification);
          return { received: true, outcome };
        } catch (error) {
          if (!(error instanceof NotificationRejected)) throw error;
          await recordGatewayEvent(deps.db, {
            gateway: 'stripe',
            kind: 'webhook',
            externalId: null,
            orderId: null,
            outcome: 'rejected',
            detail: error.reason,
            payload: { bytes: raw.length },
          });
          return reply.code(400).send({ received: false, error: error.reason });
        }
      },
    );
  };
}
