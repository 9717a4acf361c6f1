import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MerchantOrderSummary, OrderList } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { StatCard } from '../../../components/affiliation/stat-card';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { PageTitle } from '../../../components/page-title';
import { OrderStatusFilter } from '../../../components/payments/order-status-filter';
import { OrderTable } from '../../../components/payments/order-table';
import { apiJson } from '../../../lib/api.server';
import { merchantApi } from '../../../lib/catalog/catalog-api';
import { formatMoney } from '../../../lib/format-money';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { listPageLinks, readListFilters } from '../../../lib/payments/order-list-query';
import { paymentsApi } from '../../../lib/payments/payments-api';
import { useRootData } from '../../../lib/root-data';
import { unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/list';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const url = new URL(request.url);
  const filters = readListFilters(url);
  const query = new URLSearchParams(filters.apiQuery);
  query.set('organizationId', team.teamId);
  const productId = url.searchParams.get('product');
  if (productId && /^[0-9a-f-]{36}$/i.test(productId)) query.set('productId', productId);
  const [list, summary, products] = await Promise.all([
    apiJson<OrderList>(context, paymentsApi.merchantOrders(query)),
    apiJson<MerchantOrderSummary>(context, paymentsApi.merchantSummary(team.teamId)),
    apiJson<{ items: { id: string; title: string }[] }>(
      context,
      merchantApi.list(team.teamId, new URLSearchParams({ limit: '100' })),
    ),
  ]);
  const orders = unwrapForPage(list, request);
  return {
    orders: orders.items,
    summary: summary.ok ? summary.data : null,
    products: products.ok ? products.data.items.map(({ id, title }) => ({ id, title })) : [],
    status: filters.status,
    productId: query.get('productId') ?? '',
    ...listPageLinks(url, orders.nextCursor),
  };
}

export default function MerchantOrders({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { orders, summary, products, status, productId } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('merchantOrders.title')}</PageTitle>
      <div>
        <Title order={1}>{t('merchantOrders.title')}</Title>
        <Text c="dimmed">{t('merchantOrders.intro')}</Text>
      </div>
      {summary && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="orders-summary">
          <StatCard
            label={t('merchantOrders.revenue')}
            value={formatMoney(summary.revenueMinor, summary.currency, locale)}
            testId="summary-revenue"
          />
          <StatCard
            label={t('merchantOrders.refunded')}
            value={formatMoney(summary.refundedMinor, summary.currency, locale)}
            testId="summary-refunded"
          />
          <StatCard label={t('merchantOrders.orderCount')} value={String(summary.paidOrders)} />
          <StatCard
            label={t('merchantOrders.vouchersRedeemed')}
            value={`${summary.vouchersRedeemed} / ${summary.vouchersSold}`}
            testId="summary-redeemed"
          />
        </SimpleGrid>
      )}
      <Form method="get">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <OrderStatusFilter value={status} />
          {products.length > 0 && (
            <NativeSelect
              name="product"
              label={t('merchantOrders.product')}
              defaultValue={productId}
              data={[
                { value: '', label: t('merchantOrders.allProducts') },
                ...products.map((product) => ({ value: product.id, label: product.title })),
              ]}
              maw={320}
            />
          )}
          <Button type="submit" variant="light">
            {t('merchantOrders.filter')}
          </Button>
        </Group>
      </Form>
      {orders.length === 0 ? (
        <Paper withBorder p="xl" data-testid="orders-empty">
          <Title order={2} size="h4">
            {t('merchantOrders.empty')}
          </Title>
          <Text c="dimmed">{t('merchantOrders.emptyText')}</Text>
        </Paper>
      ) : (
        <OrderTable orders={orders} detailPath={(id) => `/merchant/orders/${id}`} />
      )}
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}
