import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { RedemptionOutcome, RedemptionResult } from '@souk/contracts/payments';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/intl';
import { useRootData } from '../../lib/root-data';

/** Each outcome has its own colour and sign, so the counter can tell them apart at a glance. */
const looks: Record<RedemptionOutcome, { color: string; sign: string }> = {
  redeemed: { color: 'green', sign: '✓' },
  valid: { color: 'teal', sign: '✓' },
  already_redeemed: { color: 'red', sign: '✕' },
  expired: { color: 'orange', sign: '⏱' },
  void: { color: 'red', sign: '⊘' },
  not_paid: { color: 'orange', sign: '!' },
  other_merchant: { color: 'grape', sign: '⇄' },
  invalid_code: { color: 'pink', sign: '?' },
  not_found: { color: 'gray', sign: '?' },
};

export function RedemptionOutcomePanel({ result, children }: { result: RedemptionResult; children?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { color, sign } = looks[result.outcome];
  const voucher = result.voucher;
  const when = (value: string | null | undefined) => (value ? formatDateTime(new Date(value), locale) : '—');
  return (
    <Paper
      withBorder
      p="lg"
      role="status"
      aria-live="polite"
      data-testid="redemption-outcome"
      data-outcome={result.outcome}
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 3 }}
      bg={`var(--mantine-color-${color}-light)`}
    >
      <Stack gap="sm">
        <Stack gap={4} align="center" ta="center">
          <ThemeIcon color={color} size={56} radius="xl" aria-hidden>
            <Text fz={30} fw={800} c="white">
              {sign}
            </Text>
          </ThemeIcon>
          <Title order={2} c={`${color}.9`}>
            {t(`redeem.outcome.${result.outcome}`)}
          </Title>
          <Text fw={500}>
            {t(`redeem.outcomeText.${result.outcome}`, {
              when: when(result.outcome === 'expired' ? voucher?.expiresAt : voucher?.redeemedAt),
              by: voucher?.redeemedBy ?? t('redeem.someone'),
            })}
          </Text>
        </Stack>
        {voucher && (
          <Stack gap={2}>
            <Text size="sm">
              <Text span c="dimmed">
                {t('redeem.deal')} ·{' '}
              </Text>
              {voucher.productTitle}
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t('redeem.buyer')} ·{' '}
              </Text>
              {voucher.buyerName} · <span dir="ltr">{voucher.orderReference}</span>
            </Text>
            <Text size="sm" ff="monospace" dir="ltr" ta="start" data-testid="outcome-code">
              {voucher.code}
            </Text>
            {voucher.expiresAt && <Text size="sm">{t('redeem.validUntil', { date: when(voucher.expiresAt) })}</Text>}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
