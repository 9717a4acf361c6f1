import { Anchor, Button, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LinkStats, LinkView, linkListSchema } from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import type { z } from 'zod';
import { type Bar, BarChart } from '../../components/affiliation/bar-chart';
import { StatCard } from '../../components/affiliation/stat-card';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { formatBasisPoints, formatMoney } from '../../lib/format-money';
import { intlLocale } from '../../lib/intl';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/link-stats';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  if (viewer.accountType !== 'influencer') throw data(null, { status: 403 });
  const id = encodeURIComponent(params.id);
  const [stats, links] = await Promise.all([
    apiJson<LinkStats>(context, `/api/v1/links/${id}/stats?granularity=day`),
    apiJson<z.infer<typeof linkListSchema>>(context, '/api/v1/links'),
  ]);
  const link: LinkView | undefined = unwrapForPage(links, request).items.find((item) => item.id === params.id);
  if (!link) throw data(null, { status: 404 });
  return { stats: unwrapForPage(stats, request), link };
}

export default function LinkStatistics({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { stats, link } = loaderData;
  const money = (minor: number) => formatMoney(minor, stats.currency, locale);
  const day = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const label = (key: string) => (key === 'unknown' ? t('affiliation.stats.unknown') : key);
  const bars = (rows: { key: string; clicks: number }[]): Bar[] =>
    rows.map((row) => ({ label: label(row.key), value: row.clicks }));
  const channelBars = stats.byChannel.map((row) => ({
    label: ['instagram', 'tiktok', 'facebook', 'whatsapp', 'custom'].includes(row.key)
      ? t(`affiliation.channel.${row.key as 'instagram'}`)
      : label(row.key),
    value: row.clicks,
  }));
  const chart = (title: string, rows: Bar[], keyHeader = t('affiliation.stats.key')) => (
    <BarChart
      title={title}
      description={t('affiliation.stats.chartLabel', { title })}
      keyHeader={keyHeader}
      valueHeader={t('affiliation.stats.clicks')}
      bars={rows}
      emptyText={t('affiliation.stats.noData')}
    />
  );
  return (
    <Stack gap="lg">
      <PageTitle>{t('affiliation.stats.title')}</PageTitle>
      <div>
        <Anchor component={Link} to="/influencer/links" size="sm">
          {t('affiliation.stats.back')}
        </Anchor>
        <Title order={1}>{t('affiliation.stats.title')}</Title>
        <Text fw={600}>{link.productTitle}</Text>
        <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
          {link.shortUrl}
        </Code>
        {link.active && (
          <div>
            <Button component={Link} to={`/social/compose?linkId=${link.id}`} size="compact-sm" variant="light" mt="xs">
              {t('social.publishToNetworks')}
            </Button>
          </div>
        )}
        <Text size="sm" c="dimmed">
          {t('affiliation.stats.period')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
        <StatCard label={t('affiliation.stats.clicks')} value={String(stats.totals.clicks)} testId="stat-clicks" />
        <StatCard label={t('affiliation.stats.uniqueClicks')} value={String(stats.totals.uniqueClicks)} />
        <StatCard label={t('affiliation.stats.conversions')} value={String(stats.totals.conversions)} />
        <StatCard
          label={t('affiliation.stats.conversionRate')}
          value={formatBasisPoints(Math.round(stats.totals.conversionRate * 10_000), locale)}
        />
        <StatCard label={t('affiliation.stats.revenue')} value={money(stats.totals.revenueMinor)} />
        <StatCard
          label={t('affiliation.stats.commissionsPending')}
          value={money(stats.totals.commissionsMinor.pending)}
        />
        <StatCard
          label={t('affiliation.stats.commissionsApproved')}
          value={money(stats.totals.commissionsMinor.approved)}
        />
        <StatCard label={t('affiliation.stats.commissionsPaid')} value={money(stats.totals.commissionsMinor.paid)} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('affiliation.stats.previews')}: {stats.totals.previews}
      </Text>
      {chart(
        t('affiliation.stats.overTime'),
        stats.series.map((point) => ({ label: day.format(new Date(point.at)), value: point.clicks })),
        t('affiliation.stats.date'),
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {chart(t('affiliation.stats.byChannel'), channelBars)}
        {chart(t('affiliation.stats.byCountry'), bars(stats.byCountry))}
        {chart(t('affiliation.stats.byDevice'), bars(stats.byDevice))}
        {chart(t('affiliation.stats.byBrowser'), bars(stats.byBrowser))}
        {chart(t('affiliation.stats.byReferrer'), bars(stats.byReferrer))}
      </SimpleGrid>
    </Stack>
  );
}
