import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { OrderList } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { PageTitle } from '../../../components/page-title';
import { GatewayFilter } from '../../../components/payments/gateway-filter';
import { OrderStatusFilter } from '../../../components/payments/order-status-filter';
import { OrderTable } from '../../../components/payments/order-table';
import { apiJson } from '../../../lib/api.server';
import { isGateway, listPageLinks, readListFilters } from '../../../lib/payments/order-list-query';
import { paymentsApi } from '../../../lib/payments/payments-api';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/orders';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const { status, apiQuery } = readListFilters(url);
  const gateway = url.searchParams.get('gateway');
  if (isGateway(gateway)) apiQuery.set('gateway', gateway);
  const list = unwrapForPage(await apiJson<OrderList>(context, paymentsApi.adminOrders(apiQuery)), request);
  return {
    orders: list.items,
    status,
    gateway: isGateway(gateway) ? gateway : '',
    ...listPageLinks(url, list.nextCursor),
  };
}

export default function AdminOrders({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { orders, status, gateway } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('paymentsAdmin.ordersTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('paymentsAdmin.ordersTitle')}</Title>
        <Text c="dimmed">{t('paymentsAdmin.ordersIntro')}</Text>
      </div>
      <Form method="get">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <OrderStatusFilter value={status} />
          <GatewayFilter value={gateway} />
          <Button type="submit" variant="light">
            {t('merchantOrders.filter')}
          </Button>
        </Group>
      </Form>
      {orders.length === 0 ? (
        <Paper withBorder p="xl" data-testid="orders-empty">
          <Text>{t('paymentsAdmin.noOrders')}</Text>
        </Paper>
      ) : (
        <OrderTable orders={orders} detailPath={(id) => `/admin/orders/${id}`} showMerchant />
      )}
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}
