import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadBundle } from './order-records.ts';
import type { PeopleDirectory, SalesLedger, TeamDirectory } from './ports.ts';

/**
 * Tells affiliation about a paid order that came through a tracked link, then about each of its
 * refunds. Every call is idempotent there (orderRef, refundRef), so the job may run any number
 * of times. A merchant buying their own deal never earns anyone a commission.
 */
export class AffiliationSync {
  constructor(
    private readonly deps: {
      db: Database;
      sales: SalesLedger;
      teams: Pick<TeamDirectory, 'membershipsOf' | 'managerIdsOf'>;
      people: PeopleDirectory;
      logger: { warn(details: object, message: string): void };
    },
  ) {}

  async sync(orderId: string): Promise<'recorded' | 'skipped'> {
    const bundle = await loadBundle(this.deps.db, orderId);
    if (!bundle?.order.clickId || !bundle.order.paidAt) return 'skipped';
    const { order } = bundle;
    if (await this.boughtByTheMerchant(order.organizationId, order.buyerUserId, order.buyerEmail)) {
      this.deps.logger.warn({ orderId }, 'merchant bought their own deal: no commission');
      return 'skipped';
    }
    try {
      await this.deps.sales.recordCheckoutSale({
        organizationId: order.organizationId,
        orderRef: order.reference,
        amount: order.totalMinor,
        currency: order.currency,
        clickId: order.clickId,
        customerEmail: order.buyerEmail,
        ...(order.buyerUserId ? { customerUserId: order.buyerUserId } : {}),
        items: bundle.items.map((item) => ({
          productId: item.productId,
          quantity: item.quantity,
          unitPriceMinor: item.unitPriceMinor,
        })),
      });
    } catch (error) {
      // An unknown, expired or foreign click: the sale stands, it just earns no commission.
      if (error instanceof AppError && error.code === 'validation_failed') {
        this.deps.logger.warn(
          { orderId, clickId: order.clickId, reason: error.detail },
          'checkout sale not attributed',
        );
        return 'skipped';
      }
      throw error;
    }
    for (const refund of bundle.refunds.filter((row) => row.status === 'succeeded')) {
      await this.deps.sales.refundSale({
        organizationId: order.organizationId,
        orderRef: order.reference,
        amount: refund.amountMinor,
        refundRef: refund.id,
        actorId: refund.actorId,
      });
    }
    return 'recorded';
  }

  private async boughtByTheMerchant(
    organizationId: string,
    buyerUserId: string | null,
    buyerEmail: string,
  ): Promise<boolean> {
    if (buyerUserId) {
      const memberships = await this.deps.teams.membershipsOf(buyerUserId);
      if (memberships.some((membership) => membership.teamId === organizationId)) return true;
    }
    for (const managerId of await this.deps.teams.managerIdsOf(organizationId)) {
      const contact = await this.deps.people.getContact(managerId);
      if (contact?.email.toLowerCase() === buyerEmail.toLowerCase()) return true;
    }
    return false;
  }
}
