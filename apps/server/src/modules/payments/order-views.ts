import type { Currency } from '@souk/contracts/catalog';
import type { OrderView, VoucherStatus, VoucherView } from '@souk/contracts/payments';
import type { OrderAccessTokens } from './access-tokens.ts';
import { type OrderBundle, refundableOf, type VoucherRow } from './order-records.ts';
import type { TeamDirectory } from './ports.ts';
import { formatVoucherCode } from './voucher-codes.ts';

export type ViewerRole = OrderView['viewerRole'];

/** A voucher's status as people read it: a valid voucher past its date is expired. */
export function voucherStatusOf(voucher: VoucherRow, now = new Date()): VoucherStatus {
  if (voucher.status === 'valid' && voucher.expiresAt && voucher.expiresAt <= now) return 'expired';
  return voucher.status;
}

/** Turns stored orders into what the API returns, per viewer. */
export class OrderPresenter {
  constructor(private readonly deps: { teams: Pick<TeamDirectory, 'namesOf'>; tokens: OrderAccessTokens }) {}

  async views(bundles: OrderBundle[], role: ViewerRole): Promise<OrderView[]> {
    const names = await this.deps.teams.namesOf(bundles.map((bundle) => bundle.order.organizationId));
    return bundles.map((bundle) => this.view(bundle, role, names.get(bundle.order.organizationId) ?? ''));
  }

  async one(bundle: OrderBundle, role: ViewerRole): Promise<OrderView> {
    const [view] = await this.views([bundle], role);
    return view as OrderView;
  }

  private view(bundle: OrderBundle, role: ViewerRole, merchantName: string): OrderView {
    const { order } = bundle;
    const paidOnce = order.paidAt !== null;
    const token = this.deps.tokens.issue(order.id);
    const access = `access=${encodeURIComponent(token)}`;
    return {
      id: order.id,
      reference: order.reference,
      status: order.status,
      currency: order.currency as Currency,
      totalMinor: order.totalMinor,
      refundedMinor: order.refundedMinor,
      refundableMinor: refundableOf(bundle),
      items: bundle.items.map((item) => ({
        productId: item.productId,
        title: item.title,
        slug: item.slug,
        unitPriceMinor: item.unitPriceMinor,
        quantity: item.quantity,
        totalMinor: item.unitPriceMinor * item.quantity,
      })),
      buyer: { name: order.buyerName, email: order.buyerEmail, phone: order.buyerPhone },
      gateway: { id: order.gateway, test: order.gatewayTest },
      merchant: { organizationId: order.organizationId, name: merchantName },
      vouchers: bundle.vouchers.map((voucher) => this.voucher(voucher, role, paidOnce, access)),
      refunds: bundle.refunds.map((refund) => ({
        id: refund.id,
        amountMinor: refund.amountMinor,
        reason: refund.reason,
        status: refund.status,
        createdAt: refund.createdAt.toISOString(),
      })),
      lastPaymentError: order.lastPaymentError,
      reservationExpiresAt:
        order.status === 'pending_payment' ? (order.reservationExpiresAt?.toISOString() ?? null) : null,
      paidAt: order.paidAt?.toISOString() ?? null,
      createdAt: order.createdAt.toISOString(),
      viewerRole: role,
      events:
        role === 'buyer'
          ? null
          : bundle.events.map((event) => ({
              type: event.type,
              at: event.createdAt.toISOString(),
              actor: event.actor,
              data: event.data,
            })),
      voucherPdfUrl: paidOnce && role !== 'merchant' ? `/api/v1/orders/${order.id}/vouchers.pdf?${access}` : null,
    };
  }

  /**
   * Codes are bearer secrets: the buyer (and an admin helping them) sees them once paid; the
   * merchant team sees only the first groups, enough to find a voucher, not to redeem it.
   */
  private voucher(voucher: VoucherRow, role: ViewerRole, paid: boolean, access: string): VoucherView {
    const formatted = formatVoucherCode(voucher.code);
    const code = !paid ? null : role === 'merchant' ? `${formatted.slice(0, 9)}••••` : formatted;
    return {
      id: voucher.id,
      code,
      status: voucherStatusOf(voucher),
      expiresAt: voucher.expiresAt?.toISOString() ?? null,
      redeemedAt: voucher.redeemedAt?.toISOString() ?? null,
      qrSvgUrl: paid && role !== 'merchant' ? `/api/v1/vouchers/${voucher.code}/qr.svg?${access}` : null,
    };
  }
}
