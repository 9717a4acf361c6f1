import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { ErrorPage } from '../../../components/error-page';
import { PageTitle } from '../../../components/page-title';
import { apiJson } from '../../../lib/api.server';
import { billingApi } from '../../../lib/billing/billing-api';
import type { AdminSubscription, Paged, SubscriptionStatus } from '../../../lib/billing/billing-types';
import { formatDay } from '../../../lib/billing/format';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/subscriptions';

const pagePath = '/admin/subscriptions';
const statuses: SubscriptionStatus[] = ['trialing', 'active', 'past_due', 'canceled', 'expired'];

function isStatus(value: string | null): value is SubscriptionStatus {
  return statuses.includes(value as SubscriptionStatus);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams();
  if (isStatus(status)) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(
    await apiJson<Paged<AdminSubscription>>(context, billingApi.adminSubscriptions(query)),
    request,
  );
  const href = (next: string | null) => {
    const params = new URLSearchParams();
    if (isStatus(status)) params.set('status', status);
    if (next) params.set('cursor', next);
    const search = params.toString();
    return search ? `${pagePath}?${search}` : pagePath;
  };
  return {
    items: list.items,
    status: isStatus(status) ? status : null,
    nextHref: list.nextCursor ? href(list.nextCursor) : null,
    firstHref: cursor ? href(null) : null,
  };
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

const statusColors: Record<SubscriptionStatus, string> = {
  free: 'gray',
  trialing: 'indigo',
  active: 'teal',
  past_due: 'orange',
  canceled: 'red',
  expired: 'gray',
};

export default function AdminSubscriptions({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { items, status } = loaderData;
  const day = (iso: string | null) => (iso ? formatDay(iso, i18n.language) : '—');
  const filters: (SubscriptionStatus | null)[] = [null, ...statuses];
  return (
    <Stack gap="lg">
      <PageTitle>{t('adminBilling.subscriptionsTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('adminBilling.subscriptionsTitle')}</Title>
        <Text c="dimmed">{t('adminBilling.subscriptionsIntro')}</Text>
      </div>
      <nav aria-label={t('adminBilling.columns.status')}>
        <Group gap="xs">
          {filters.map((filter) => (
            <Button
              key={filter ?? 'all'}
              component={Link}
              to={filter ? `${pagePath}?status=${filter}` : pagePath}
              size="compact-sm"
              variant={filter === status ? 'filled' : 'default'}
              aria-current={filter === status ? 'page' : undefined}
            >
              {filter ? t(`billing.status.${filter}`) : t('adminBilling.filterAll')}
            </Button>
          ))}
        </Group>
      </nav>
      {items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="subscriptions-empty">
          <Text>{t('adminBilling.subscriptionsEmpty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder striped verticalSpacing="sm" data-testid="subscriptions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('adminBilling.columns.team')}</Table.Th>
                <Table.Th scope="col">{t('adminBilling.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('adminBilling.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('adminBilling.columns.provider')}</Table.Th>
                <Table.Th scope="col">{t('adminBilling.columns.trialEnd')}</Table.Th>
                <Table.Th scope="col">{t('adminBilling.columns.periodEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.organizationId}>
                  <Table.Th scope="row" dir="auto">
                    {item.organizationName}
                  </Table.Th>
                  <Table.Td>
                    {t(`plans.names.${item.planId}`)}
                    {item.pendingPlanId && (
                      <Text size="xs" c="dimmed">
                        → {t(`plans.names.${item.pendingPlanId}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[item.status]} variant="light" miw="max-content">
                      {t(`billing.status.${item.status}`)}
                    </Badge>
                    {item.cancelAtPeriodEnd && (
                      <Text size="xs" c="red.8">
                        {t('billing.status.canceled')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`adminBilling.providers.${item.provider}`)}</Table.Td>
                  <Table.Td>{day(item.trialEndsAt)}</Table.Td>
                  <Table.Td>{day(item.currentPeriodEnd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}
