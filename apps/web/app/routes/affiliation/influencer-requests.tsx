import { Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { affiliationRequestListSchema } from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import type { z } from 'zod';
import { AffiliationStatusBadge } from '../../components/affiliation/affiliation-status-badge';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { formatDateTime } from '../../lib/intl';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/influencer-requests';

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  if (viewer.accountType !== 'influencer') throw data(null, { status: 403 });
  const list = unwrapForPage(
    await apiJson<z.infer<typeof affiliationRequestListSchema>>(context, '/api/v1/affiliation-requests'),
    request,
  );
  return { items: list.items };
}

export default function InfluencerRequests({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <Stack gap="lg">
      <PageTitle>{t('affiliation.requests.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.requests.title')}</Title>
        <Text c="dimmed">{t('affiliation.requests.intro')}</Text>
      </div>
      {loaderData.items.length === 0 ? (
        <Paper withBorder p="xl">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('affiliation.requests.empty')}
            </Title>
            <Text c="dimmed">{t('affiliation.requests.emptyText')}</Text>
            <Button component={Link} to="/marketplace" variant="light">
              {t('affiliation.requests.browse')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('affiliation.requests.deal')}</Table.Th>
                <Table.Th>{t('affiliation.requests.status')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('affiliation.requests.date')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loaderData.items.map((item) => (
                <Table.Tr key={item.id} data-testid="my-request">
                  <Table.Td>
                    <Anchor component={Link} to={`/p/${item.productSlug}`} fw={600}>
                      {item.productTitle}
                    </Anchor>
                    {item.decisionReason && (
                      <Text size="xs" c="dimmed">
                        {t('affiliation.promote.reason', { reason: item.decisionReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AffiliationStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{formatDateTime(new Date(item.createdAt), locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
