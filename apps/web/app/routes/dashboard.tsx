import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { affiliationRequestListSchema, commissionListSchema, LinkStats } from '@souk/contracts/affiliation';
import type { Me } from '@souk/contracts/identity';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect } from 'react-router';
import type { z } from 'zod';
import { StatCard } from '../components/affiliation/stat-card';
import { PageTitle } from '../components/page-title';
import { apiJson } from '../lib/api.server';
import { formatMoney } from '../lib/format-money';
import { useRootData } from '../lib/root-data';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/dashboard';

/**
 * Also where a confirmation mail's link lands (`?welcome=1`), signed in by the API; a link that
 * is no longer valid comes back with `&error=`, which the confirmation page explains.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const linkError = url.searchParams.get('error');
  if (linkError) throw redirect(`/verify-email?${new URLSearchParams({ error: linkError })}`);
  const viewer = await requireUser(context, request);
  return {
    viewer,
    welcome: url.searchParams.get('welcome') === '1',
    affiliation: await affiliationSummary(context, viewer),
  };
}

type AffiliationSummary =
  | {
      kind: 'influencer';
      clicks: number;
      conversions: number;
      pendingMinor: number;
      approvedMinor: number;
      currency: string;
    }
  | { kind: 'merchant'; pendingRequests: number; owed: { currency: string; minor: number }[] }
  | { kind: 'unavailable' }
  | null;

/** A few affiliation figures for the dashboard; the page still shows when they cannot be loaded. */
async function affiliationSummary(context: Route.LoaderArgs['context'], viewer: Me): Promise<AffiliationSummary> {
  if (viewer.accountType === 'influencer') {
    const stats = await apiJson<LinkStats>(context, '/api/v1/links/stats');
    if (!stats.ok) return { kind: 'unavailable' };
    const { totals, currency } = stats.data;
    return {
      kind: 'influencer',
      clicks: totals.clicks,
      conversions: totals.conversions,
      pendingMinor: totals.commissionsMinor.pending,
      approvedMinor: totals.commissionsMinor.approved,
      currency,
    };
  }
  const team = viewer.accountType === 'merchant' ? viewer.teams[0] : undefined;
  if (!team) return null;
  const organizationId = encodeURIComponent(team.teamId);
  const [requests, commissions] = await Promise.all([
    apiJson<z.infer<typeof affiliationRequestListSchema>>(
      context,
      `/api/v1/affiliation-requests?status=pending&organizationId=${organizationId}`,
    ),
    apiJson<z.infer<typeof commissionListSchema>>(
      context,
      `/api/v1/commissions?limit=1&organizationId=${organizationId}`,
    ),
  ]);
  if (!requests.ok || !commissions.ok) return { kind: 'unavailable' };
  return {
    kind: 'merchant',
    pendingRequests: requests.data.items.length,
    owed: commissions.data.totals.map((total) => ({ currency: total.currency, minor: total.pending + total.approved })),
  };
}

function EmptyStateCard({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="xl">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** A frame for now: each role's card is where its features will land. */
export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { viewer } = loaderData;
  const isAdmin = viewer.role === 'admin';

  return (
    <Stack gap="xl">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Title order={1}>{t('dashboard.greeting', { name: viewer.name })}</Title>
      {loaderData.welcome && (
        <Alert color="green" title={t('dashboard.welcomeTitle')}>
          {t('dashboard.welcomeText')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {viewer.accountType === 'merchant' && (
          <EmptyStateCard title={t('dashboard.merchantTitle')} text={t('dashboard.merchantEmpty')}>
            <Group gap="xs">
              <Button component={Link} to="/merchant/products" variant="light">
                {t('catalogNav.merchantProducts')}
              </Button>
              <Button component={Link} to="/merchant/affiliations" variant="default">
                {t('affiliationNav.requests')}
              </Button>
              <Button component={Link} to="/merchant/orders" variant="default">
                {t('paymentsNav.orders')}
              </Button>
              <Button component={Link} to="/merchant/redeem" variant="default">
                {t('paymentsNav.redeem')}
              </Button>
            </Group>
          </EmptyStateCard>
        )}
        {viewer.accountType === 'influencer' && (
          <EmptyStateCard title={t('dashboard.influencerTitle')} text={t('dashboard.influencerEmpty')}>
            <Group gap="xs">
              <Button component={Link} to="/influencer/links" variant="light">
                {t('affiliationNav.myLinks')}
              </Button>
              <Button component={Link} to="/marketplace" variant="default">
                {t('affiliation.requests.browse')}
              </Button>
            </Group>
          </EmptyStateCard>
        )}
        <AffiliationCard summary={loaderData.affiliation} />
        {viewer.accountType === null && !isAdmin && (
          <EmptyStateCard title={t('dashboard.noAccountTypeTitle')} text={t('dashboard.noAccountTypeText')} />
        )}
        {isAdmin && (
          <EmptyStateCard title={t('dashboard.adminTitle')} text={t('dashboard.adminText')}>
            <Button component={Link} to="/admin" variant="light">
              {t('dashboard.adminLink')}
            </Button>
          </EmptyStateCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}

function AffiliationCard({ summary }: { summary: AffiliationSummary }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (!summary) return null;
  if (summary.kind === 'unavailable') {
    return <EmptyStateCard title={t('affiliation.dashboard.merchantTitle')} text={t('affiliation.loadError')} />;
  }
  if (summary.kind === 'influencer') {
    return (
      <Paper withBorder p="xl" data-testid="affiliation-summary">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('affiliation.dashboard.influencerTitle')}
          </Title>
          <SimpleGrid cols={2}>
            <StatCard label={t('affiliation.dashboard.clicks')} value={String(summary.clicks)} />
            <StatCard label={t('affiliation.dashboard.conversions')} value={String(summary.conversions)} />
            <StatCard
              label={t('affiliation.dashboard.pendingEarnings')}
              value={formatMoney(summary.pendingMinor, summary.currency, locale)}
            />
            <StatCard
              label={t('affiliation.dashboard.approvedEarnings')}
              value={formatMoney(summary.approvedMinor, summary.currency, locale)}
            />
          </SimpleGrid>
          <Button component={Link} to="/influencer/earnings" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('affiliationNav.earnings')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl" data-testid="affiliation-summary">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('affiliation.dashboard.merchantTitle')}
        </Title>
        <SimpleGrid cols={2}>
          <StatCard label={t('affiliation.dashboard.pendingRequests')} value={String(summary.pendingRequests)} />
          <StatCard
            label={t('affiliation.dashboard.commissionsOwed')}
            value={
              summary.owed.length
                ? summary.owed.map((owed) => formatMoney(owed.minor, owed.currency, locale)).join(' · ')
                : formatMoney(0, 'MAD', locale)
            }
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button component={Link} to="/merchant/affiliations" variant="light">
            {t('affiliationNav.requests')}
          </Button>
          <Button component={Link} to="/merchant/commissions" variant="default">
            {t('affiliationNav.commissions')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
