import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { requireAdmin } from '../../lib/session.server';
import type { Route } from './+types/admin-home';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  return null;
}

/** The admin sections; later features add their card here. */
export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle>{t('admin.title')}</PageTitle>
      <div>
        <Title order={1}>{t('admin.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('admin.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        <Paper component={Link} to="/admin/mail" withBorder p="lg" style={{ color: 'inherit', textDecoration: 'none' }}>
          <Title order={2} size="h4" mb="xs" c="indigo.7">
            {t('admin.mailOutboxTitle')}
          </Title>
          <Text c="dimmed">{t('admin.mailOutboxText')}</Text>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
