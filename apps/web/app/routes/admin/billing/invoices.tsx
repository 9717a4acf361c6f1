import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InvoiceTable } from '../../../components/billing/invoice-table';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { ErrorPage } from '../../../components/error-page';
import { PageTitle } from '../../../components/page-title';
import { apiJson } from '../../../lib/api.server';
import { invoicesApi } from '../../../lib/billing/billing-api';
import type { InvoiceItem, Paged } from '../../../lib/billing/billing-types';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/invoices';

const pagePath = '/admin/invoices';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const cursor = new URL(request.url).searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '50' });
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<Paged<InvoiceItem>>(context, invoicesApi.admin(query)), request);
  return {
    items: list.items,
    nextHref: list.nextCursor ? `${pagePath}?${new URLSearchParams({ cursor: list.nextCursor })}` : null,
    firstHref: cursor ? pagePath : null,
  };
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

export default function AdminInvoices({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle>{t('adminBilling.invoicesTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('adminBilling.invoicesTitle')}</Title>
        <Text c="dimmed">{t('adminBilling.invoicesIntro')}</Text>
      </div>
      <InvoiceTable
        invoices={loaderData.items}
        showBuyer
        empty={{ title: t('invoices.empty'), text: t('adminBilling.invoicesIntro') }}
      />
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}
