import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BillingOverview } from '../../lib/billing/billing-types';
import { intlLocale } from '../../lib/intl';

type Usage = BillingOverview['usage'][number];

/** Near the limit from 80 %; at or over it, red. */
function levelOf({ used, limit }: Usage): 'ok' | 'near' | 'at' | 'over' {
  if (limit === null || (limit === 0 && used === 0)) return 'ok';
  if (used > limit) return 'over';
  if (used >= limit) return 'at';
  return limit > 0 && used / limit >= 0.8 ? 'near' : 'ok';
}

const colors = { ok: 'teal', near: 'orange', at: 'red', over: 'red' } as const;

/** One meter per quota: used against the plan's limit, unlimited quotas said so. */
export function UsageMeters({ usage }: { usage: BillingOverview['usage'] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(intlLocale(i18n.language));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {usage.map((row) => {
        const level = levelOf(row);
        const label = t(`plans.quotas.${row.quota}`);
        // A quota of 0 the team does not use is simply not part of its plan: nothing to warn about.
        const notIncluded = row.limit === 0 && row.used === 0;
        const value =
          row.limit === null || notIncluded ? 0 : row.limit === 0 ? 100 : Math.min(100, (row.used / row.limit) * 100);
        const text = notIncluded
          ? t('billing.notIncluded')
          : row.limit === null
            ? t('billing.usageUnlimited', { used: number.format(row.used) })
            : t('billing.usageOf', { used: number.format(row.used), limit: number.format(row.limit) });
        const note =
          level === 'near'
            ? t('billing.nearLimit')
            : level === 'at'
              ? t('billing.atLimit')
              : level === 'over'
                ? t('billing.overLimit')
                : null;
        return (
          <Paper component="li" withBorder p="sm" key={row.quota} data-quota={row.quota} data-level={level}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {label}
                </Text>
                <Text size="sm" c={level === 'ok' ? undefined : `${colors[level]}.8`} data-testid="usage-text">
                  {text}
                </Text>
              </Group>
              {row.limit !== null && (
                <Progress
                  value={value}
                  color={colors[level]}
                  // The section is the progressbar; its value in words is the text above.
                  aria-label={`${label}: ${text}`}
                />
              )}
              {note && (
                <Text size="xs" fw={600} c={`${colors[level]}.8`}>
                  {note}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
