import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/money/empty-state';
import { PageTitle } from '../../../components/page-title';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { formatMoney } from '../../../lib/format-money';
import { moneyApi } from '../../../lib/money/money-api';
import type { AdminReferral } from '../../../lib/money/types';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/referrals';

/** Every referral, newest first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const query = new URLSearchParams();
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  const list = unwrapForPage(
    await apiJson<{ items: AdminReferral[]; nextCursor: string | null }>(context, moneyApi.adminReferrals(query)),
    request,
  );
  const next = new URLSearchParams(url.searchParams);
  if (list.nextCursor) next.set('cursor', list.nextCursor);
  return { referrals: list.items, nextHref: list.nextCursor ? `${url.pathname}?${next}` : null };
}

export default function AdminReferrals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { referrals, nextHref } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.adminReferrals.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.adminReferrals.title')}</Title>
        <Text c="dimmed">{t('money.adminReferrals.intro')}</Text>
      </div>
      {referrals.length === 0 ? (
        <EmptyState
          title={t('money.adminReferrals.empty')}
          text={t('money.adminReferrals.emptyText')}
          testId="admin-referrals-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="admin-referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.adminReferrals.referrer')}</Table.Th>
                <Table.Th>{t('money.adminReferrals.referred')}</Table.Th>
                <Table.Th>{t('money.referrals.type')}</Table.Th>
                <Table.Th>{t('money.referrals.signedUp')}</Table.Th>
                <Table.Th>{t('money.referrals.until')}</Table.Th>
                <Table.Th>{t('money.referrals.earned')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>
                    <Text size="sm">{referral.referrer.name}</Text>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {referral.referrer.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{referral.referred.name}</Text>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {referral.referred.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`money.referrals.accountType.${referral.kind}`)}</Table.Td>
                  <Table.Td>
                    <Timestamp value={referral.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    {referral.bonusEndsAt ? <Timestamp value={referral.bonusEndsAt} /> : t('money.none')}
                  </Table.Td>
                  <Table.Td>
                    {referral.kind === 'merchant' ? (
                      <Badge variant="light" color={referral.rewardStatus === 'granted' ? 'green' : 'gray'}>
                        {t(`money.referrals.rewardStatus.${referral.rewardStatus}`)}
                      </Badge>
                    ) : (
                      formatMoney(referral.earnedMinor, 'MAD', locale)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {nextHref && (
        <Button component={Link} to={nextHref} variant="default" style={{ alignSelf: 'flex-start' }}>
          →
        </Button>
      )}
    </Stack>
  );
}
