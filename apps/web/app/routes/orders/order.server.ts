import type { PublicProduct } from '@souk/contracts/catalog';
import type { OrderView } from '@souk/contracts/payments';
import { type AppLoadContext, data, redirect } from 'react-router';
import type { VoucherContext } from '../../components/payments/voucher-card';
import { apiJson } from '../../lib/api.server';
import { paymentsApi } from '../../lib/payments/payments-api';
import { signInPath } from '../../lib/safe-redirect';

export type OrderPageData =
  | { found: true; order: OrderView; access: string | null; about: VoucherContext; productSlug: string | null }
  | { found: false };

/**
 * An order as its buyer sees it: a guest with the access token of the link, the signed-in owner
 * without. A wrong token or someone else's order is the page's "not found", never a hint that
 * the order exists. What the vouchers are for (conditions, address) comes from the deal.
 */
export async function loadOrderPage(context: AppLoadContext, request: Request, orderId: string) {
  const url = new URL(request.url);
  const access = url.searchParams.get('access')?.slice(0, 200) || null;
  const result = await apiJson<OrderView>(context, paymentsApi.order(orderId, access));
  if (!result.ok) {
    if (result.status === 401 && !access) throw redirect(signInPath(`${url.pathname}${url.search}`));
    if ([400, 401, 403, 404].includes(result.status)) return data<OrderPageData>({ found: false }, { status: 404 });
    throw data(result.problem, { status: result.status });
  }
  const order = result.data;
  const item = order.items[0];
  let product: PublicProduct | null = null;
  if (item) {
    const deal = await apiJson<PublicProduct>(context, `/api/v1/marketplace/products/${encodeURIComponent(item.slug)}`);
    product = deal.ok ? deal.data : null;
  }
  const about: VoucherContext = {
    dealTitle: item?.title ?? '',
    conditions: product?.conditions ?? '',
    address: product?.location ? `${product.location.address}, ${product.location.city}` : (product?.city ?? null),
  };
  return data<OrderPageData>({ found: true, order, access, about, productSlug: item?.slug ?? null });
}
