import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { gatewayEventListSchema, paymentAttemptListSchema } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { z } from 'zod';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { PageTitle } from '../../../components/page-title';
import { GatewayFilter } from '../../../components/payments/gateway-filter';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { formatMoney } from '../../../lib/format-money';
import { isGateway, listPageLinks } from '../../../lib/payments/order-list-query';
import { paymentsApi } from '../../../lib/payments/payments-api';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/payments';

type AttemptList = z.infer<typeof paymentAttemptListSchema>;
type EventList = z.infer<typeof gatewayEventListSchema>;

/** Payment attempts (`/admin/payments`) or the gateways' message log (`?view=events`). */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const view = url.searchParams.get('view') === 'events' ? 'events' : 'attempts';
  const query = new URLSearchParams({ limit: '25' });
  const gateway = url.searchParams.get('gateway');
  if (isGateway(gateway)) query.set('gateway', gateway);
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  if (view === 'events') {
    const list = unwrapForPage(await apiJson<EventList>(context, paymentsApi.adminGatewayEvents(query)), request);
    return {
      view,
      gateway: query.get('gateway') ?? '',
      attempts: [],
      events: list.items,
      ...listPageLinks(url, list.nextCursor),
    };
  }
  const list = unwrapForPage(await apiJson<AttemptList>(context, paymentsApi.adminAttempts(query)), request);
  return {
    view,
    gateway: query.get('gateway') ?? '',
    attempts: list.items,
    events: [],
    ...listPageLinks(url, list.nextCursor),
  };
}

const views = [
  { view: 'attempts', to: '/admin/payments', labelKey: 'paymentsAdmin.attempts' },
  { view: 'events', to: '/admin/payments?view=events', labelKey: 'paymentsAdmin.events' },
] as const;

const outcomeColors: Record<string, string> = {
  processed: 'green',
  duplicate: 'gray',
  rejected: 'red',
  ignored: 'gray',
  error: 'orange',
  started: 'yellow',
  succeeded: 'green',
  failed: 'red',
};

export default function AdminPayments({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { view, gateway } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('paymentsAdmin.paymentsTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('paymentsAdmin.paymentsTitle')}</Title>
        <Text c="dimmed">{t('paymentsAdmin.paymentsIntro')}</Text>
      </div>
      <Group gap="xs">
        {views.map((tab) => {
          const current = tab.view === view;
          return (
            <Button
              key={tab.to}
              component={Link}
              to={tab.to}
              size="compact-md"
              variant={current ? 'filled' : 'default'}
              aria-current={current ? 'page' : undefined}
            >
              {t(tab.labelKey)}
            </Button>
          );
        })}
      </Group>
      <Form method="get">
        {view === 'events' && <input type="hidden" name="view" value="events" />}
        <Group gap="sm" align="flex-end">
          <GatewayFilter value={gateway} />
          <Button type="submit" variant="light">
            {t('merchantOrders.filter')}
          </Button>
        </Group>
      </Form>
      {view === 'events' ? <EventTable events={loaderData.events} /> : <AttemptTable attempts={loaderData.attempts} />}
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}

function AttemptTable({ attempts }: { attempts: AttemptList['items'] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (attempts.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid="attempts-empty">
        <Text>{t('paymentsAdmin.noAttempts')}</Text>
      </Paper>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="attempt-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paymentsAdmin.date')}</Table.Th>
            <Table.Th>{t('paymentsAdmin.order')}</Table.Th>
            <Table.Th>{t('paymentsAdmin.gateway')}</Table.Th>
            <Table.Th>{t('paymentsAdmin.amount')}</Table.Th>
            <Table.Th>{t('paymentsAdmin.status')}</Table.Th>
            <Table.Th>{t('paymentsAdmin.reference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attempts.map((attempt) => (
            <Table.Tr key={attempt.id} data-testid="attempt-row" data-status={attempt.status}>
              <Table.Td>
                <Timestamp value={attempt.createdAt} />
              </Table.Td>
              <Table.Td>
                <Link to={`/admin/orders/${attempt.orderId}`} dir="ltr">
                  {attempt.orderReference}
                </Link>
              </Table.Td>
              <Table.Td>{t(`gateway.${attempt.gateway}`)}</Table.Td>
              <Table.Td>{formatMoney(attempt.amountMinor, attempt.currency, locale)}</Table.Td>
              <Table.Td>
                <Badge color={outcomeColors[attempt.status]} variant="light">
                  {t(`attemptStatus.${attempt.status}`)}
                </Badge>
                {attempt.errorMessage && (
                  <Text size="xs" c="red.8">
                    {attempt.errorMessage}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr">
                  {attempt.gatewayReference ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventTable({ events }: { events: EventList['items'] }) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid="events-empty">
        <Text>{t('paymentsAdmin.noEvents')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm" data-testid="event-log">
      {events.map((event) => (
        <Paper key={event.id} withBorder p="sm" data-testid="gateway-event" data-outcome={event.outcome}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Badge color={outcomeColors[event.outcome]} variant="light">
                {t(`gatewayOutcome.${event.outcome}`)}
              </Badge>
              <Text fw={600} size="sm">
                {t(`gateway.${event.gateway}`)} · <span dir="ltr">{event.kind}</span>
              </Text>
              {event.externalId && (
                <Text size="xs" ff="monospace" dir="ltr">
                  {event.externalId}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              <Timestamp value={event.createdAt} />
            </Text>
          </Group>
          {event.detail && (
            <Text size="sm" c={event.outcome === 'rejected' || event.outcome === 'error' ? 'red.8' : 'dimmed'}>
              {event.detail}
            </Text>
          )}
          {event.orderId && (
            <Link to={`/admin/orders/${event.orderId}`}>
              <Text size="xs" span>
                {t('paymentsAdmin.order')}
              </Text>
            </Link>
          )}
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="xs">
                {t('paymentsAdmin.payload')}
              </Text>
            </summary>
            <Code block dir="ltr" style={{ maxHeight: 240, overflow: 'auto' }}>
              {JSON.stringify(event.payload, null, 2)}
            </Code>
          </details>
        </Paper>
      ))}
    </Stack>
  );
}
