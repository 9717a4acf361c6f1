/** The payments API's paths, in one place (see packages/contracts/src/payments.ts). */

function withQuery(path: string, query?: URLSearchParams): string {
  return query && query.size > 0 ? `${path}?${query}` : path;
}

function accessQuery(accessToken: string | null | undefined): URLSearchParams | undefined {
  return accessToken ? new URLSearchParams({ access: accessToken }) : undefined;
}

export const paymentsApi = {
  checkout: (productId: string) => `/api/v1/products/${encodeURIComponent(productId)}/checkout`,
  createOrder: '/api/v1/orders',
  /** A guest reads their order with the access token; the signed-in owner, team and admins without. */
  order: (orderId: string, accessToken?: string | null) =>
    withQuery(`/api/v1/orders/${encodeURIComponent(orderId)}`, accessQuery(accessToken)),
  myOrders: (query?: URLSearchParams) => withQuery('/api/v1/orders', query),
  merchantOrders: (query: URLSearchParams) => withQuery('/api/v1/merchant/orders', query),
  merchantSummary: (teamId: string) =>
    withQuery('/api/v1/merchant/orders/summary', new URLSearchParams({ organizationId: teamId })),
  refunds: (orderId: string) => `/api/v1/orders/${encodeURIComponent(orderId)}/refunds`,
  /** A verified-purchase review of a deal, by a buyer with a redeemed voucher for it. */
  review: (productId: string) => `/api/v1/products/${encodeURIComponent(productId)}/reviews`,
  lookup: '/api/v1/vouchers/lookup',
  redeem: '/api/v1/vouchers/redeem',
  adminOrders: (query: URLSearchParams) => withQuery('/api/v1/admin/orders', query),
  adminAttempts: (query: URLSearchParams) => withQuery('/api/v1/admin/payment-attempts', query),
  adminGatewayEvents: (query: URLSearchParams) => withQuery('/api/v1/admin/gateway-events', query),
};
