import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { BalanceCard } from '../../components/money/balance-card';
import { EmptyState } from '../../components/money/empty-state';
import { PayoutStatusBadge } from '../../components/money/money-badges';
import { PageTitle } from '../../components/page-title';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formatMoney } from '../../lib/format-money';
import { moneyApi } from '../../lib/money/money-api';
import type { Payout, PayoutBalance } from '../../lib/money/types';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/influencer-payouts';

/** An influencer's balance by stage and their monthly payouts, each with its statement. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  if (viewer.accountType !== 'influencer') throw data(null, { status: 403 });
  const [balance, payouts] = await Promise.all([
    apiJson<PayoutBalance>(context, moneyApi.balance),
    apiJson<{ items: Payout[] }>(context, moneyApi.myPayouts),
  ]);
  return { balance: unwrapForPage(balance, request), payouts: unwrapForPage(payouts, request).items };
}

export default function InfluencerPayouts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { balance, payouts } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.payouts.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.payouts.title')}</Title>
        <Text c="dimmed">{t('money.payouts.intro')}</Text>
      </div>
      <BalanceCard balance={balance} />
      <Stack gap="sm" component="section" aria-labelledby="payouts-title">
        <Title order={2} size="h3" id="payouts-title">
          {t('money.payouts.listTitle')}
        </Title>
        {payouts.length === 0 ? (
          <EmptyState title={t('money.payouts.empty')} text={t('money.payouts.emptyText')} testId="payouts-empty" />
        ) : (
          payouts.map((payout) => <PayoutRow key={payout.id} payout={payout} />)
        )}
      </Stack>
    </Stack>
  );
}

function PayoutRow({ payout }: { payout: Payout }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <Paper withBorder p="sm" data-testid="payout" data-status={payout.status} data-period={payout.period}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Text fw={600} dir="ltr" style={{ alignSelf: 'flex-start' }}>
            {payout.period}
          </Text>
          <Text size="xs" c="dimmed">
            <span dir="ltr">{payout.reference}</span> · <span dir="ltr">{payout.ribMasked}</span>
          </Text>
          {payout.paidAt ? (
            <Text size="xs" c="dimmed">
              {t('money.payouts.paidOn')} <Timestamp value={payout.paidAt} />
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              <Timestamp value={payout.createdAt} />
            </Text>
          )}
          {payout.failureReason && (
            <Text size="xs" c="red.8">
              {t('money.payouts.failedReason', { reason: payout.failureReason })}
            </Text>
          )}
          {payout.lines.length > 0 && (
            <details>
              <summary style={{ cursor: 'pointer' }}>
                <Text span size="xs">
                  {t('money.payouts.commissions', { count: payout.lines.length })}
                </Text>
              </summary>
              <Stack gap={2} mt={4}>
                {payout.lines.map((line) => (
                  <Text key={line.commissionId} size="xs">
                    {line.productTitle} · <span dir="ltr">{line.orderRef}</span> ·{' '}
                    {formatMoney(line.amountMinor, payout.currency, locale)}
                  </Text>
                ))}
              </Stack>
            </details>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700} data-testid="payout-amount">
            {formatMoney(payout.amountMinor, payout.currency, locale)}
          </Text>
          <PayoutStatusBadge status={payout.status} />
          <Button
            component="a"
            href={moneyApi.payoutStatement(payout.id)}
            variant="subtle"
            size="compact-sm"
            download
            aria-label={t('money.payouts.statementFor', { period: payout.period })}
            data-testid="statement"
          >
            {t('money.payouts.statement')}
          </Button>
          <Button
            component="a"
            href={moneyApi.payoutStatement(payout.id, 'csv')}
            variant="subtle"
            size="compact-sm"
            download
            aria-label={t('money.payouts.statementCsvFor', { period: payout.period })}
          >
            {t('money.payouts.statementCsv')}
          </Button>
        </Stack>
      </Group>
    </Paper>
  );
}
