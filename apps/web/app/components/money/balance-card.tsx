import { Alert, Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format-money';
import type { BalanceExclusion, PayoutBalance } from '../../lib/money/types';
import { useRootData } from '../../lib/root-data';

function Figure({
  label,
  hint,
  minor,
  currency,
  testId,
}: {
  label: string;
  hint: string;
  minor: number;
  currency: string;
  testId: string;
}) {
  const { locale } = useRootData();
  return (
    <Paper withBorder p="md" data-testid={testId} data-minor={minor}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" dir="auto">
        {formatMoney(minor, currency, locale)}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/**
 * Why the next run would leave this person out: the account first (KYC, RIB), then an approved
 * balance under the minimum, which rolls over. Nothing approved yet is no reason to warn.
 */
export function exclusionOf(balance: PayoutBalance, currency: string): BalanceExclusion | null {
  if (balance.account.status !== 'ready') return balance.account.status;
  const approved = balance.balances.find((row) => row.currency === currency)?.approvedMinor ?? 0;
  return approved > 0 && approved < balance.minimumMinor ? 'below_minimum' : null;
}

/**
 * An influencer's money at a glance: what waits for approval, what the next payout will carry,
 * what is on its way and what arrived; and, when the next payout would leave them out, why and
 * where to fix it.
 */
export function BalanceCard({ balance }: { balance: PayoutBalance }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  // Payouts are in dirhams; a balance in another currency (none today) would show its own row.
  const rows =
    balance.balances.length > 0
      ? balance.balances
      : [{ currency: 'MAD' as const, pendingMinor: 0, approvedMinor: 0, inPayoutMinor: 0, paidMinor: 0 }];
  const mainCurrency = rows[0]?.currency ?? 'MAD';
  const exclusion = exclusionOf(balance, mainCurrency);
  const minimum = formatMoney(balance.minimumMinor, mainCurrency, locale);
  return (
    <Stack gap="sm" component="section" aria-labelledby="balance-title" data-testid="balance-card">
      <Title order={2} size="h3" id="balance-title">
        {t('money.balance.title')}
      </Title>
      {rows.map((row) => (
        <SimpleGrid key={row.currency} cols={{ base: 1, xs: 2, md: 4 }} data-currency={row.currency}>
          <Figure
            label={t('money.balance.pending')}
            hint={t('money.balance.pendingHint')}
            minor={row.pendingMinor}
            currency={row.currency}
            testId="balance-pending"
          />
          <Figure
            label={t('money.balance.approved')}
            hint={t('money.balance.approvedHint')}
            minor={row.approvedMinor}
            currency={row.currency}
            testId="balance-approved"
          />
          <Figure
            label={t('money.balance.inPayout')}
            hint={t('money.balance.inPayoutHint')}
            minor={row.inPayoutMinor}
            currency={row.currency}
            testId="balance-in-payout"
          />
          <Figure
            label={t('money.balance.paid')}
            hint={t('money.balance.paidHint')}
            minor={row.paidMinor}
            currency={row.currency}
            testId="balance-paid"
          />
        </SimpleGrid>
      ))}
      {exclusion ? (
        <Alert
          color="orange"
          title={t('money.balance.excludedTitle')}
          data-testid="payout-exclusion"
          data-reason={exclusion}
        >
          <Stack gap={4}>
            <Text size="sm">{t(`money.exclusion.${exclusion}`, { minimum })}</Text>
            {exclusion !== 'below_minimum' && (
              <Anchor component={Link} to="/settings/kyc" size="sm" fw={600}>
                {t('money.balance.fixInSettings')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="payout-eligible">
          {t('money.balance.eligible')} {t('money.balance.minimum', { minimum })}
        </Text>
      )}
    </Stack>
  );
}
