import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect } from 'react-router';
import { PageTitle } from '../components/page-title';
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
  return { viewer, welcome: url.searchParams.get('welcome') === '1' };
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
            <Button component={Link} to="/merchant/products" variant="light">
              {t('catalogNav.merchantProducts')}
            </Button>
          </EmptyStateCard>
        )}
        {viewer.accountType === 'influencer' && (
          <EmptyStateCard title={t('dashboard.influencerTitle')} text={t('dashboard.influencerEmpty')} />
        )}
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
