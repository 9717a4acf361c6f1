import { Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { CopyTextButton } from '../../components/copy-text-button';
import { EmptyState } from '../../components/money/empty-state';
import { PageTitle } from '../../components/page-title';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formatBasisPoints, formatMoney } from '../../lib/format-money';
import { moneyApi } from '../../lib/money/money-api';
import type { ReferralOverview } from '../../lib/money/types';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/referrals';

/** The viewer's referral link, the rules (from the API's configuration) and whom they brought. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  if (viewer.accountType !== 'influencer' && viewer.accountType !== 'merchant') throw data(null, { status: 403 });
  const referrals = unwrapForPage(await apiJson<ReferralOverview>(context, moneyApi.myReferrals), request);
  return { referrals, accountType: viewer.accountType };
}

export default function Referrals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { referrals } = loaderData;
  const { rates } = referrals;
  const currency = referrals.earnings[0]?.currency ?? 'MAD';
  const whatsappHref = `https://wa.me/?text=${encodeURIComponent(t('money.referrals.whatsappText', { link: referrals.link }))}`;
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.referrals.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.referrals.title')}</Title>
        <Text c="dimmed">{t('money.referrals.intro')}</Text>
        {referrals.referredBy && (
          <Text size="sm" mt={4}>
            {t('money.referrals.referredBy', { name: referrals.referredBy.name })}
          </Text>
        )}
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="referral-link-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="referral-link-title">
            {t('money.referrals.myLink')}
          </Title>
          <Code
            block
            dir="ltr"
            data-testid="referral-link"
            style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', userSelect: 'all' }}
          >
            {referrals.link}
          </Code>
          <Group gap="sm">
            <CopyTextButton
              value={referrals.link}
              label={t('money.referrals.copy')}
              copiedLabel={t('money.referrals.copied')}
            />
            <Button
              component="a"
              href={whatsappHref}
              target="_blank"
              rel="noopener noreferrer"
              color="green"
              variant="light"
              data-testid="share-whatsapp"
            >
              {t('money.referrals.shareWhatsapp')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <section aria-labelledby="referral-rules-title">
        <Title order={2} size="h4" id="referral-rules-title" mb="xs">
          {t('money.referrals.rulesTitle')}
        </Title>
        <List spacing="xs" data-testid="referral-rules">
          <List.Item>
            {t('money.referrals.ruleInfluencer', {
              rate: formatBasisPoints(rates.influencerBps, locale),
              months: rates.influencerMonths,
            })}
          </List.Item>
          <List.Item>{t('money.referrals.ruleMerchant')}</List.Item>
          <List.Item>{t('money.referrals.ruleSelf')}</List.Item>
        </List>
      </section>
      {referrals.earnings.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {referrals.earnings.map((earning) => (
            <Paper key={earning.currency} withBorder p="md" data-testid="referral-earnings">
              <Text size="sm" c="dimmed">
                {t('money.referrals.earnings')}
              </Text>
              <Text fw={700} size="xl" dir="auto">
                {formatMoney(earning.totalMinor, earning.currency, locale)}
              </Text>
              {earning.reversedMinor !== 0 && (
                <Text size="xs" c="dimmed">
                  {t('money.referrals.reversed', {
                    amount: formatMoney(Math.abs(earning.reversedMinor), earning.currency, locale),
                  })}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Stack gap="sm" component="section" aria-labelledby="referred-title">
        <Title order={2} size="h4" id="referred-title">
          {t('money.referrals.referredTitle')}
        </Title>
        {referrals.referred.length === 0 ? (
          <EmptyState
            title={t('money.referrals.empty')}
            text={t('money.referrals.emptyText')}
            testId="referred-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="referred-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('money.referrals.name')}</Table.Th>
                  <Table.Th>{t('money.referrals.type')}</Table.Th>
                  <Table.Th>{t('money.referrals.signedUp')}</Table.Th>
                  <Table.Th>{t('money.referrals.until')}</Table.Th>
                  <Table.Th>{t('money.referrals.earned')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {referrals.referred.map((person) => (
                  <Table.Tr key={person.id} data-testid="referred-row">
                    <Table.Td>{person.name}</Table.Td>
                    <Table.Td>{t(`money.referrals.accountType.${person.kind}`)}</Table.Td>
                    <Table.Td>
                      <Timestamp value={person.joinedAt} />
                    </Table.Td>
                    <Table.Td>
                      {person.bonusEndsAt ? <Timestamp value={person.bonusEndsAt} /> : t('money.none')}
                    </Table.Td>
                    <Table.Td>
                      {person.kind === 'merchant' ? (
                        <Badge variant="light" color={person.rewardStatus === 'granted' ? 'green' : 'gray'}>
                          {t(`money.referrals.rewardStatus.${person.rewardStatus}`)}
                        </Badge>
                      ) : (
                        formatMoney(person.earnedMinor, currency, locale)
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
