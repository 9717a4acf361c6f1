import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ProductList, ProductStatus } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPausedByPlan, PausedByPlanNote } from '../../../components/billing/paused-by-plan';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { ProductStatusBadge } from '../../../components/catalog/product-status-badge';
import { PageTitle } from '../../../components/page-title';
import type { SectionTab } from '../../../components/section-tabs';
import { apiJson } from '../../../lib/api.server';
import { merchantApi } from '../../../lib/catalog/catalog-api';
import { formatMoney } from '../../../lib/format-money';
import { formatDateTime } from '../../../lib/intl';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { useRootData } from '../../../lib/root-data';
import { unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/list';

const statusFilters: ProductStatus[] = ['draft', 'published', 'expired', 'archived'];

function isStatus(value: string | null): value is ProductStatus {
  return statusFilters.includes(value as ProductStatus);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '25' });
  if (isStatus(status)) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<ProductList>(context, merchantApi.list(team.teamId, query)), request);
  const pageHref = (nextCursor: string | null) => {
    const params = new URLSearchParams(url.searchParams);
    params.delete('cursor');
    if (nextCursor) params.set('cursor', nextCursor);
    const search = params.toString();
    return search ? `/merchant/products?${search}` : '/merchant/products';
  };
  return {
    team,
    items: list.items,
    status: isStatus(status) ? status : null,
    nextHref: list.nextCursor ? pageHref(list.nextCursor) : null,
    firstHref: cursor ? pageHref(null) : null,
  };
}

const filterTabs: SectionTab[] = [
  { to: '/merchant/products', labelKey: 'merchantProducts.allStatuses', end: true },
  ...statusFilters.map((status) => ({
    to: `/merchant/products?status=${status}`,
    labelKey: `merchantProducts.status.${status}` as const,
  })),
];

export default function MerchantProducts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { items, team, nextHref, firstHref, status } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('merchantProducts.title')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('merchantProducts.title')}</Title>
          <Text c="dimmed">{t('merchantProducts.intro')}</Text>
        </div>
        {team.canEdit && (
          <Button component={Link} to="/merchant/products/new">
            {t('merchantProducts.create')}
          </Button>
        )}
      </Group>
      <StatusFilter current={status} />
      {items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="products-empty">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('merchantProducts.emptyTitle')}
            </Title>
            <Text c="dimmed">{t('merchantProducts.emptyText')}</Text>
            {team.canEdit && (
              <Button component={Link} to="/merchant/products/new" variant="light">
                {t('merchantProducts.create')}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('merchantProducts.columns.title')}</Table.Th>
                <Table.Th>{t('merchantProducts.columns.status')}</Table.Th>
                <Table.Th>{t('merchantProducts.columns.price')}</Table.Th>
                <Table.Th>{t('merchantProducts.columns.stock')}</Table.Th>
                <Table.Th>{t('merchantProducts.columns.expires')}</Table.Th>
                <Table.Th>{t('merchantProducts.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((product) => (
                <Table.Tr key={product.id} data-testid="merchant-product-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/merchant/products/${product.id}`} fw={600}>
                      {product.title}
                    </Anchor>
                    {product.moderation.hold && (
                      <Text size="xs" c="red.8">
                        {t('merchantProducts.moderated', { reason: product.moderation.reason ?? '' })}
                      </Text>
                    )}
                    {isPausedByPlan(product) && <PausedByPlanNote />}
                  </Table.Td>
                  <Table.Td>
                    <ProductStatusBadge status={product.status} />
                  </Table.Td>
                  <Table.Td dir="ltr">{formatMoney(product.discountedPriceMinor, product.currency, locale)}</Table.Td>
                  <Table.Td>{product.stockQuantity ?? '∞'}</Table.Td>
                  <Table.Td>
                    {product.expiresAt ? formatDateTime(new Date(product.expiresAt), locale, 'Africa/Casablanca') : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        component={Link}
                        to={`/merchant/products/${product.id}`}
                        size="compact-sm"
                        variant="light"
                      >
                        {t('merchantProducts.edit')}
                      </Button>
                      {product.status === 'published' && (
                        <Button component={Link} to={`/p/${product.slug}`} size="compact-sm" variant="default">
                          {t('merchantProducts.view')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PaginationLinks firstHref={firstHref} nextHref={nextHref} />
    </Stack>
  );
}

function StatusFilter({ current }: { current: ProductStatus | null }) {
  const { t } = useTranslation();
  // NavLink ignores the query string when matching, so the current filter is marked here.
  return (
    <nav aria-label={t('merchantProducts.statusFilter')}>
      <Group gap="xs">
        {filterTabs.map((tab) => {
          const value = new URL(tab.to, 'http://souk.invalid').searchParams.get('status');
          const active = value === current;
          return (
            <Button
              key={tab.to}
              component={Link}
              to={tab.to}
              size="compact-sm"
              variant={active ? 'filled' : 'default'}
              aria-current={active ? 'page' : undefined}
            >
              {t(tab.labelKey)}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}
