import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InvoiceTable } from '../../../components/billing/invoice-table';
import { ErrorPage } from '../../../components/error-page';
import { PageTitle } from '../../../components/page-title';
import { apiJson } from '../../../lib/api.server';
import { invoicesApi } from '../../../lib/billing/billing-api';
import type { InvoiceItem, Paged } from '../../../lib/billing/billing-types';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/invoices';

/** The team's invoices (subscriptions, commissions) and credit notes. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { viewer, team } = await requireMerchantTeam(context, request);
  const url = new URL(request.url);
  const query = new URLSearchParams({ limit: '50' });
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<Paged<InvoiceItem>>(context, invoicesApi.team(team.teamId, query)), request);
  const teamQuery = viewer.teams.length > 1 ? `team=${encodeURIComponent(team.teamId)}` : '';
  const next = list.nextCursor ? new URLSearchParams({ cursor: list.nextCursor }) : null;
  if (next && teamQuery) next.set('team', team.teamId);
  return {
    team,
    items: list.items,
    billingHref: `/merchant/billing${teamQuery ? `?${teamQuery}` : ''}`,
    nextHref: next ? `/merchant/billing/invoices?${next}` : null,
  };
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

export default function TeamInvoices({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { team, items, billingHref, nextHref } = loaderData;
  const title = t('invoices.teamTitle', { team: team.name });
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to={billingHref} size="sm">
        {t('billing.title')}
      </Anchor>
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('invoices.intro')}</Text>
      </div>
      <InvoiceTable invoices={items} empty={{ title: t('invoices.empty'), text: t('invoices.emptyText') }} />
      {nextHref && (
        <Group>
          <Anchor component={Link} to={nextHref}>
            {t('invoices.next')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
