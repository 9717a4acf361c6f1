import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
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
const sections: { to: string; titleKey: ParseKeys; textKey: ParseKeys }[] = [
  { to: '/admin/users', titleKey: 'admin.usersTitle', textKey: 'admin.usersText' },
  { to: '/admin/audit', titleKey: 'admin.auditTitle', textKey: 'admin.auditText' },
  { to: '/admin/mail', titleKey: 'admin.mailOutboxTitle', textKey: 'admin.mailOutboxText' },
  { to: '/admin/kyc', titleKey: 'kycAdmin.title', textKey: 'kycAdmin.cardText' },
  { to: '/admin/catalog/products', titleKey: 'catalogAdmin.productsTitle', textKey: 'catalogAdmin.productsText' },
  { to: '/admin/catalog/promotions', titleKey: 'catalogAdmin.promotionsTitle', textKey: 'catalogAdmin.promotionsText' },
  { to: '/admin/catalog/categories', titleKey: 'catalogAdmin.categoriesTitle', textKey: 'catalogAdmin.categoriesText' },
  { to: '/admin/catalog/reviews', titleKey: 'catalogAdmin.reviewsTitle', textKey: 'catalogAdmin.reviewsText' },
  { to: '/admin/payouts', titleKey: 'money.adminPayouts.title', textKey: 'money.adminPayouts.cardText' },
  { to: '/admin/settlements', titleKey: 'money.adminSettlements.title', textKey: 'money.adminSettlements.cardText' },
  { to: '/admin/finance', titleKey: 'money.finance.title', textKey: 'money.finance.cardText' },
  { to: '/admin/referrals', titleKey: 'money.adminReferrals.title', textKey: 'money.adminReferrals.cardText' },
];

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
        {sections.map((section) => (
          <Paper
            key={section.to}
            component={Link}
            to={section.to}
            withBorder
            p="lg"
            style={{ color: 'inherit', textDecoration: 'none' }}
          >
            <Title order={2} size="h4" mb="xs" c="indigo.7">
              {t(section.titleKey)}
            </Title>
            <Text c="dimmed">{t(section.textKey)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
