import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { MarketplaceStats } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format-money';
import { numberFormat } from '../../lib/intl';
import { useRootData } from '../../lib/root-data';
import { HomeSection } from './section';

/** Live platform figures; a definition list, so each number is read with its label. */
export function StatsSection({ stats }: { stats: MarketplaceStats }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const count = (value: number) => numberFormat(locale).format(value);
  const figures = [
    { label: t('catalogHome.statMerchants'), value: count(stats.merchants) },
    { label: t('catalogHome.statDeals'), value: count(stats.publishedDeals) },
    { label: t('catalogHome.statInfluencers'), value: count(stats.influencers) },
    {
      label: t('catalogHome.statCommissions'),
      value: formatMoney(stats.commissionsPaid.amountMinor, stats.commissionsPaid.currency, locale, { whole: true }),
    },
  ];
  return (
    <HomeSection id="stats" title={t('catalogHome.statsTitle')} intro={t('catalogHome.statsIntro')}>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
        {figures.map((figure) => (
          <Paper key={figure.label} withBorder p="md" data-testid="platform-stat">
            <Text component="dt" size="sm" c="dimmed">
              {figure.label}
            </Text>
            <Text component="dd" m={0} fw={800} fz={{ base: 22, sm: 28 }} c="indigo.8">
              {figure.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
