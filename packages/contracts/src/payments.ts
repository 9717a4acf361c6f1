import { z } from 'zod';
import { currencies, productImageSchema } from './catalog.ts';
import { locales } from './locales.ts';

/*
 * Checkout and payments: orders with their line items, payment attempts through a gateway (CMI,
 * Stripe, or the built-in sandbox that speaks CMI's protocol), vouchers (one per unit bought),
 * redemption by the merchant, refunds. Money is integer minor units with a currency code.
 *
 * Endpoints (under /api/v1 unless said otherwise):
 *   GET  /products/{id}/checkout                 public   -> CheckoutProduct
 *   POST /orders                                 public   OrderWrite (+ Idempotency-Key) -> 201 OrderCreated
 *   GET  /orders/{id}?access=                    buyer (session or access token), merchant team, admin -> Order
 *   GET  /orders                                 signed-in buyer -> OrderList
 *   GET  /merchant/orders, /merchant/orders/summary            merchant team
 *   GET  /admin/orders, /admin/payment-attempts, /admin/gateway-events   admin
 *   GET  /orders/{id}/vouchers.pdf?access=       application/pdf (paid orders)
 *   GET  /vouchers/{code}/qr.svg?access=         image/svg+xml
 *   POST /vouchers/lookup, /vouchers/redeem      merchant team -> RedemptionResult
 *   POST /orders/{id}/refunds                    merchant owner/admin, platform admin (+ Idempotency-Key)
 *   POST /payments/stripe/webhook                Stripe only
 * At the site root: POST /payments/cmi/callback (CMI only), POST /payments/cmi/ok|fail (browser,
 * 303 to /orders/{id}?access=...), POST /sandbox/cmi/est3Dgate (the sandbox's card page).
 */

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

export const gatewayIds = ['cmi', 'stripe', 'sandbox'] as const;
export type GatewayId = (typeof gatewayIds)[number];

export const orderStatuses = [
  'pending_payment',
  'paid',
  'partially_refunded',
  'refunded',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** How long an unpaid order keeps its units out of stock. */
export const reservationMinutes = 15;

/** Most units one order may hold, whatever the deal allows. */
export const maxUnitsPerOrder = 50;

/** Cookie carrying the tracked-link click id (set by the affiliation redirect). */
export const clickCookieName = 'souk_cid';

/* Checkout facts of one deal. */

export const notPurchasableReasons = ['expired', 'sold_out', 'not_published'] as const;
export type NotPurchasableReason = (typeof notPurchasableReasons)[number];

export const enabledGatewaySchema = z
  .object({
    id: z.enum(gatewayIds),
    test: z.boolean().describe('True for the sandbox and for gateways in test mode: label it as a test payment'),
    currencies: z.array(z.enum(currencies)),
  })
  .meta({ id: 'EnabledGateway' });
export type EnabledGateway = z.infer<typeof enabledGatewaySchema>;

export const checkoutProductSchema = z
  .object({
    product: z.object({
      id: z.uuid(),
      title: z.string(),
      slug: z.string(),
      image: productImageSchema.nullable(),
      unitPriceMinor: minor,
      originalPriceMinor: minor,
      currency: z.enum(currencies),
      minPerPurchase: z.number().int(),
      maxPerPurchase: z.number().int().nullable(),
      remainingStock: z.number().int().nullable().describe('Units left now; null = unlimited'),
      expiresAt: isoDate.nullable(),
      conditions: z.string(),
      merchantName: z.string(),
    }),
    /** The largest quantity one order may take now: max per purchase, stock left, and 50. */
    maxQuantity: z.number().int(),
    purchasable: z.boolean(),
    reason: z.enum(notPurchasableReasons).nullable(),
    gateways: z.array(enabledGatewaySchema).describe('Only those that accept the deal currency'),
  })
  .meta({ id: 'CheckoutProduct' });
export type CheckoutProduct = z.infer<typeof checkoutProductSchema>;

/* Creating an order. */

export const buyerSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    email: z.email().max(254),
    phone: z.string().trim().min(6).max(30).describe('Any valid number; a national number is read as Moroccan'),
  })
  .meta({ id: 'Buyer' });
export type Buyer = z.infer<typeof buyerSchema>;

export const orderCreateInputSchema = z
  .object({
    productId: z.uuid(),
    quantity: z.number().int().min(1).max(maxUnitsPerOrder),
    buyer: buyerSchema,
    gateway: z.enum(gatewayIds),
    locale: z.enum(locales).optional().describe('Language of the emails and the payment page; default: the request'),
    clickId: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe(`Tracked-link click id; the ${clickCookieName} cookie is read when absent`),
  })
  .meta({ id: 'OrderWrite' });
export type OrderCreateInput = z.input<typeof orderCreateInputSchema>;

/** What the browser does next: post a form to the gateway (CMI, sandbox) or go to a URL (Stripe). */
export const paymentStartSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('form'),
      action: z.url().describe('Post the fields here (method POST, application/x-www-form-urlencoded)'),
      fields: z.record(z.string(), z.string()).describe('Hidden inputs, signed; never contains a secret'),
    }),
    z.object({ kind: z.literal('redirect'), url: z.url() }),
  ])
  .meta({ id: 'PaymentStart' });
export type PaymentStart = z.infer<typeof paymentStartSchema>;

/* Orders as read back. */

export const voucherStatuses = ['pending', 'valid', 'redeemed', 'expired', 'void'] as const;
export type VoucherStatus = (typeof voucherStatuses)[number];

export const voucherSchema = z
  .object({
    id: z.uuid(),
    code: z.string().nullable().describe('Only once the order is paid (and never to other buyers)'),
    status: z.enum(voucherStatuses).describe('pending: order unpaid; void: refunded or cancelled'),
    expiresAt: isoDate.nullable(),
    redeemedAt: isoDate.nullable(),
    qrSvgUrl: z.string().nullable().describe('Relative URL of the QR image (carries the access token for guests)'),
  })
  .meta({ id: 'Voucher' });
export type VoucherView = z.infer<typeof voucherSchema>;

export const orderItemSchema = z
  .object({
    productId: z.uuid(),
    title: z.string(),
    slug: z.string(),
    unitPriceMinor: minor,
    quantity: z.number().int(),
    totalMinor: minor,
  })
  .meta({ id: 'OrderItem' });

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const refundSchema = z
  .object({
    id: z.uuid(),
    amountMinor: minor,
    reason: z.string(),
    status: z.enum(refundStatuses).describe('pending: the gateway has not confirmed yet; asking again is safe'),
    createdAt: isoDate,
  })
  .meta({ id: 'Refund' });
export type RefundView = z.infer<typeof refundSchema>;

export const orderEventSchema = z
  .object({
    type: z.string().describe('e.g. created, payment_started, payment_failed, paid, refunded, voucher_redeemed'),
    at: isoDate,
    actor: z.string().nullable().describe('Who did it: a user name, "buyer", or the gateway'),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OrderEvent' });

export const orderViewerRoles = ['buyer', 'merchant', 'admin'] as const;

export const orderSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().describe('Short reference shown to people, e.g. SK-7Q4M2X'),
    status: z.enum(orderStatuses),
    currency: z.enum(currencies),
    totalMinor: minor,
    refundedMinor: minor,
    refundableMinor: minor.describe('What a refund may still take: paid, not refunded, not redeemed'),
    items: z.array(orderItemSchema),
    buyer: buyerSchema,
    gateway: z.object({ id: z.enum(gatewayIds), test: z.boolean() }),
    merchant: z.object({ organizationId: z.string(), name: z.string() }),
    vouchers: z.array(voucherSchema),
    refunds: z.array(refundSchema),
    lastPaymentError: z.string().nullable().describe('The gateway message of the last declined attempt'),
    reservationExpiresAt: isoDate.nullable().describe('Unpaid orders: when the units go back to stock'),
    paidAt: isoDate.nullable(),
    createdAt: isoDate,
    viewerRole: z.enum(orderViewerRoles).describe('How the caller sees this order'),
    events: z.array(orderEventSchema).nullable().describe('History, for the merchant team and admins only'),
    voucherPdfUrl: z.string().nullable().describe('Relative URL of all vouchers as a PDF, once paid'),
  })
  .meta({ id: 'Order' });
export type OrderView = z.infer<typeof orderSchema>;

export const orderCreatedSchema = z
  .object({
    order: orderSchema,
    accessToken: z.string().describe('Lets a guest read this order: ?access=<token>'),
    payment: paymentStartSchema,
  })
  .meta({ id: 'OrderCreated' });
export type OrderCreated = z.infer<typeof orderCreatedSchema>;

export const orderAccessQuerySchema = z.object({
  access: z.string().max(200).optional().describe('The accessToken returned at creation (guests)'),
  session_id: z.string().max(300).optional().describe('Stripe Checkout session id on the way back; ignored'),
});

export const orderListQuerySchema = z.object({
  status: z.enum(orderStatuses).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const merchantOrderListQuerySchema = orderListQuerySchema.extend({
  organizationId: z.string().max(100).optional().describe('The merchant team; default your first team'),
  productId: z.uuid().optional(),
});
export const adminOrderListQuerySchema = orderListQuerySchema.extend({
  organizationId: z.string().max(100).optional(),
  gateway: z.enum(gatewayIds).optional(),
});

export const orderListSchema = z
  .object({ items: z.array(orderSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof orderListSchema>;

export const merchantOrderSummaryQuerySchema = z.object({
  organizationId: z.string().max(100).optional(),
});
export const merchantOrderSummarySchema = z
  .object({
    organizationId: z.string(),
    currency: z.enum(currencies),
    paidOrders: z.number().int(),
    revenueMinor: minor.describe('Paid minus refunded'),
    refundedMinor: minor,
    vouchersSold: z.number().int(),
    vouchersRedeemed: z.number().int(),
    vouchersVoid: z.number().int(),
  })
  .meta({ id: 'MerchantOrderSummary' });
export type MerchantOrderSummary = z.infer<typeof merchantOrderSummarySchema>;

/* Admin logs. */

export const paymentAttemptStatuses = ['started', 'succeeded', 'failed'] as const;
export const paymentAttemptSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderReference: z.string(),
    gateway: z.enum(gatewayIds),
    status: z.enum(paymentAttemptStatuses),
    amountMinor: minor,
    currency: z.enum(currencies),
    gatewayReference: z.string().nullable().describe('CMI oid/TransId, Stripe session id'),
    errorMessage: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'PaymentAttempt' });
export const paymentAttemptListQuerySchema = z.object({
  orderId: z.uuid().optional(),
  gateway: z.enum(gatewayIds).optional(),
  status: z.enum(paymentAttemptStatuses).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const paymentAttemptListSchema = z
  .object({ items: z.array(paymentAttemptSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PaymentAttemptList' });

export const gatewayEventOutcomes = ['processed', 'duplicate', 'rejected', 'ignored', 'error'] as const;
export const gatewayEventSchema = z
  .object({
    id: z.uuid(),
    gateway: z.enum(gatewayIds),
    kind: z.string().describe('callback, webhook event type, refund, status query'),
    externalId: z.string().nullable().describe('Stripe event id, CMI oid'),
    orderId: z.uuid().nullable(),
    outcome: z.enum(gatewayEventOutcomes),
    detail: z.string().nullable().describe('Why it was rejected (hash mismatch, amount differs...)'),
    payload: z.record(z.string(), z.unknown()).describe('What the gateway sent, hashes and card data masked'),
    createdAt: isoDate,
  })
  .meta({ id: 'GatewayEvent' });
export const gatewayEventListQuerySchema = z.object({
  gateway: z.enum(gatewayIds).optional(),
  outcome: z.enum(gatewayEventOutcomes).optional(),
  orderId: z.uuid().optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const gatewayEventListSchema = z
  .object({ items: z.array(gatewayEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'GatewayEventList' });

/* Vouchers at the merchant's counter. */

/** Shape of a voucher code: 12 characters in 3 groups, the last one a check character. */
export const voucherCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export const voucherCodeInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .describe('As typed or scanned: case, spaces and dashes do not matter; O/I/L read as 0/1/1'),
    organizationId: z.string().max(100).optional().describe('The merchant team; default your first team'),
  })
  .meta({ id: 'VoucherCodeWrite' });

export const redemptionOutcomes = [
  'redeemed',
  'valid',
  'already_redeemed',
  'expired',
  'void',
  'not_paid',
  'other_merchant',
  'invalid_code',
  'not_found',
] as const;
export type RedemptionOutcome = (typeof redemptionOutcomes)[number];

/**
 * Lookup and redeem always answer 200 with an outcome the counter screen shows (a scanner loop
 * should not treat "already used" as a transport error); `message` is translated.
 */
export const redemptionResultSchema = z
  .object({
    outcome: z.enum(redemptionOutcomes),
    ok: z.boolean().describe('True for redeemed (redeem) and valid (lookup)'),
    message: z.string(),
    voucher: z
      .object({
        code: z.string(),
        status: z.enum(voucherStatuses),
        productTitle: z.string(),
        buyerName: z.string(),
        orderReference: z.string(),
        expiresAt: isoDate.nullable(),
        redeemedAt: isoDate.nullable(),
        redeemedBy: z.string().nullable().describe('Name of the team member who redeemed it'),
      })
      .nullable()
      .describe('Null for invalid_code, not_found and other_merchant'),
  })
  .meta({ id: 'RedemptionResult' });
export type RedemptionResult = z.infer<typeof redemptionResultSchema>;

/* Refunds. */

export const refundCreateInputSchema = z
  .object({
    amountMinor: z
      .number()
      .int()
      .min(1)
      .max(1_000_000_000)
      .optional()
      .describe('Default: everything refundable (paid, not refunded, not redeemed)'),
    reason: z.string().trim().min(3).max(500),
  })
  .meta({ id: 'RefundWrite' });
export type RefundCreateInput = z.infer<typeof refundCreateInputSchema>;

export const refundCreatedSchema = z.object({ order: orderSchema, refund: refundSchema }).meta({ id: 'RefundCreated' });

/** Header naming a retry-safe write (order creation, refunds); at most 255 characters. */
export const idempotencyKeyHeader = 'idempotency-key';

/** The web page of an order, relative to the site root. */
export function orderPagePath(orderId: string, accessToken?: string): string {
  return accessToken ? `/orders/${orderId}?access=${encodeURIComponent(accessToken)}` : `/orders/${orderId}`;
}
