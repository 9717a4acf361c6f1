import { type GatewayId, gatewayIds, type OrderStatus, orderStatuses } from '@souk/contracts/payments';

function isOrderStatus(value: string | null): value is OrderStatus {
  return (orderStatuses as readonly (string | null)[]).includes(value);
}

/** An order list page's `?status=` and `?cursor=`, checked, as the API query they stand for. */
export function readListFilters(url: URL): { status: OrderStatus | ''; apiQuery: URLSearchParams } {
  const status = url.searchParams.get('status');
  const apiQuery = new URLSearchParams({ limit: '25' });
  if (isOrderStatus(status)) apiQuery.set('status', status);
  const cursor = url.searchParams.get('cursor');
  if (cursor) apiQuery.set('cursor', cursor.slice(0, 300));
  return { status: isOrderStatus(status) ? status : '', apiQuery };
}

/** "Next" keeps the page's filters and carries the API's cursor; "first" drops the cursor. */
export function listPageLinks(
  url: URL,
  nextCursor: string | null,
): { nextHref: string | null; firstHref: string | null } {
  const hrefWith = (cursor: string | null) => {
    const params = new URLSearchParams(url.searchParams);
    if (cursor) params.set('cursor', cursor);
    else params.delete('cursor');
    return params.size ? `${url.pathname}?${params}` : url.pathname;
  };
  return {
    nextHref: nextCursor ? hrefWith(nextCursor) : null,
    firstHref: url.searchParams.has('cursor') ? hrefWith(null) : null,
  };
}

export function isGateway(value: string | null): value is GatewayId {
  return (gatewayIds as readonly (string | null)[]).includes(value);
}
