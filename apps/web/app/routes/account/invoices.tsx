import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InvoiceTable } from '../../components/billing/invoice-table';
import { ErrorPage } from '../../components/error-page';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { invoicesApi } from '../../lib/billing/billing-api';
import type { InvoiceItem, Paged } from '../../lib/billing/billing-types';
import { unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/invoices';

/** The signed-in person's own invoices and credit notes (their purchases, as a buyer). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = new URLSearchParams({ limit: '50' });
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<Paged<InvoiceItem>>(context, invoicesApi.mine(query)), request);
  return {
    items: list.items,
    nextHref: list.nextCursor ? `/account/invoices?${new URLSearchParams({ cursor: list.nextCursor })}` : null,
  };
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

export default function MyInvoices({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, nextHref } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('invoices.title')}</PageTitle>
      <div>
        <Title order={1}>{t('invoices.title')}</Title>
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
