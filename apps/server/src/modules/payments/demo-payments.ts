import { like } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { postOrderPaid } from './ledger-postings.ts';
import { recordOrderEvent } from './order-records.ts';
import type { MoneyLedger, PeopleDirectory, ProductCatalog } from './ports.ts';
import {
  paymentsAttempts,
  paymentsOrderItems,
  paymentsOrders,
  paymentsSandboxTransactions,
  paymentsVouchers,
} from './schema.ts';
import { generateVoucherCode } from './voucher-codes.ts';

export interface DemoPaymentsInput {
  /** Per merchant team, a few of its published deals. */
  deals: { organizationId: string; productIds: string[] }[];
  buyerIds: string[];
}

/**
 * A few paid orders (sandbox, marked as tests) on the demo merchants' deals, bought by the demo
 * influencers: two vouchers each, the first already redeemed, so every screen has something to
 * show. Changes nothing once demo orders exist.
 */
export async function seedDemoPayments(
  deps: { db: Database; products: ProductCatalog; people: PeopleDirectory; ledger: MoneyLedger },
  input: DemoPaymentsInput,
): Promise<number> {
  const [existing] = await deps.db
    .select({ id: paymentsOrders.id })
    .from(paymentsOrders)
    .where(like(paymentsOrders.reference, 'SK-DEMO%'))
    .limit(1);
  if (existing || input.buyerIds.length === 0) return 0;
  let created = 0;
  for (const [teamIndex, team] of input.deals.entries()) {
    for (const [dealIndex, productId] of team.productIds.slice(0, 2).entries()) {
      const product = await deps.products.find(productId);
      const buyerId = input.buyerIds[(teamIndex + dealIndex) % input.buyerIds.length] as string;
      const buyer = await deps.people.getContact(buyerId);
      if (!product || !buyer) continue;
      const quantity = Math.max(2, product.minPerPurchase);
      const paidAt = new Date(Date.now() - (teamIndex * 2 + dealIndex + 1) * 86_400_000);
      await deps.db.transaction(async (tx) => {
        if (!(await deps.products.reserve(product.id, quantity, tx))) return;
        const [order] = await tx
          .insert(paymentsOrders)
          .values({
            reference: `SK-DEMO${teamIndex}${dealIndex}`,
            status: 'paid',
            organizationId: product.organizationId,
            buyerUserId: buyer.id,
            buyerName: buyer.name,
            buyerEmail: buyer.email,
            buyerPhone: '+212612345678',
            locale: 'fr',
            currency: product.currency,
            totalMinor: product.unitPriceMinor * quantity,
            gateway: 'sandbox',
            gatewayTest: true,
            paidAt,
            createdAt: paidAt,
            updatedAt: paidAt,
          })
          .returning();
        if (!order) return;
        await tx.insert(paymentsOrderItems).values({
          orderId: order.id,
          productId: product.id,
          title: product.title,
          slug: product.slug,
          unitPriceMinor: product.unitPriceMinor,
          quantity,
          conditions: product.conditions,
          address: product.address,
          expiresAt: product.expiresAt,
        });
        await tx.insert(paymentsVouchers).values(
          Array.from({ length: quantity }, (_, index) => ({
            orderId: order.id,
            organizationId: product.organizationId,
            productId: product.id,
            code: generateVoucherCode(),
            status: index === 0 ? ('redeemed' as const) : ('valid' as const),
            expiresAt: product.expiresAt,
            redeemedAt: index === 0 ? new Date(paidAt.getTime() + 3_600_000) : null,
            createdAt: paidAt,
          })),
        );
        await postOrderPaid(deps.ledger, tx, order, paidAt);
        await tx.insert(paymentsAttempts).values({
          orderId: order.id,
          gateway: 'sandbox',
          status: 'succeeded',
          amountMinor: order.totalMinor,
          currency: product.currency,
          gatewayReference: order.reference,
          paymentReference: `SBXDEMO${teamIndex}${dealIndex}`,
          createdAt: paidAt,
          updatedAt: paidAt,
        });
        // The sandbox's ledger knows the capture, so demo orders can be refunded like real ones.
        await tx.insert(paymentsSandboxTransactions).values({
          oid: order.reference,
          transId: `SBXDEMO${teamIndex}${dealIndex}`,
          amountMinor: order.totalMinor,
          status: 'captured',
          createdAt: paidAt,
        });
        await recordOrderEvent(tx, order.id, 'created', 'buyer', { quantity, demo: true });
        await recordOrderEvent(tx, order.id, 'paid', 'sandbox', { demo: true });
        created++;
      });
    }
  }
  return created;
}
