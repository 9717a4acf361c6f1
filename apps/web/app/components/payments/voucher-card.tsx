import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { VoucherView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Timestamp } from '../timestamp';
import { VoucherStatusBadge } from './order-status-badge';

export interface VoucherContext {
  dealTitle: string;
  conditions: string;
  address: string | null;
}

/**
 * One voucher as the buyer shows it at the counter: the code in large print (left to right in
 * every language), its QR code, what it is for and until when.
 */
export function VoucherCard({
  voucher,
  index,
  count,
  about,
}: {
  voucher: VoucherView;
  index: number;
  count: number;
  about: VoucherContext;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article" data-testid="voucher" data-status={voucher.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('order.voucherNumber', { index, count })}
            </Text>
            <VoucherStatusBadge status={voucher.status} />
          </Group>
          <Title order={3} size="h5">
            {about.dealTitle}
          </Title>
          {voucher.code && (
            <div>
              <Text size="xs" c="dimmed">
                {t('order.code')}
              </Text>
              <Text ff="monospace" fw={700} fz={{ base: 22, sm: 26 }} dir="ltr" data-testid="voucher-code">
                {voucher.code}
              </Text>
            </div>
          )}
          {voucher.expiresAt && (
            <Text size="sm">
              {t('order.validUntil', { date: '' })}
              <Timestamp value={voucher.expiresAt} />
            </Text>
          )}
          {voucher.redeemedAt && (
            <Text size="sm">
              {t('order.redeemedOn', { date: '' })}
              <Timestamp value={voucher.redeemedAt} />
            </Text>
          )}
          {about.address && <LabelledText label={t('order.address')} text={about.address} />}
          {about.conditions && <LabelledText label={t('order.conditions')} text={about.conditions} />}
        </Stack>
        {voucher.qrSvgUrl && voucher.code && (
          <img
            src={voucher.qrSvgUrl}
            alt={t('order.qrAlt', { code: voucher.code })}
            width={160}
            height={160}
            style={{ background: '#fff', borderRadius: 8 }}
            data-testid="voucher-qr"
          />
        )}
      </Group>
    </Paper>
  );
}

function LabelledText({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </div>
  );
}
