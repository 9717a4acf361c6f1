import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ReviewSummary } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/intl';
import { useRootData } from '../../lib/root-data';
import { Stars } from './stars';

const starRows = [5, 4, 3, 2, 1] as const;

/** Average rating and how many reviews gave each number of stars. */
export function RatingSummary({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const average = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(summary.average);
  return (
    <Stack gap="xs" data-testid="rating-summary">
      <Group gap="sm" align="center">
        <Text fz={36} fw={800} lh={1}>
          {average}
        </Text>
        <Stack gap={2}>
          <Stars rating={summary.average} label={t('deal.rating', { rating: average })} />
          <Text size="sm" c="dimmed">
            {t('deal.reviewsCount', { count: summary.count })}
          </Text>
        </Stack>
      </Group>
      <Stack gap={4} component="dl" m={0}>
        {starRows.map((stars) => {
          const count = summary.distribution[stars];
          const share = summary.count > 0 ? (count / summary.count) * 100 : 0;
          return (
            <Group key={stars} gap="xs" wrap="nowrap">
              <Text component="dt" size="sm" w={72}>
                {t('deal.starsRow', { stars })}
              </Text>
              <Progress value={share} flex={1} aria-hidden="true" color="yellow.6" />
              <Text component="dd" size="sm" w={32} m={0} ta="end">
                {count}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
