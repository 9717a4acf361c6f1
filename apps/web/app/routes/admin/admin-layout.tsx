import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';

/** Each admin page adds its tab here (and its card on the admin home). */
const tabs: SectionTab[] = [
  { to: '/admin', labelKey: 'admin.overview', end: true },
  { to: '/admin/users', labelKey: 'nav.adminUsers' },
  { to: '/admin/audit', labelKey: 'nav.auditLog' },
  { to: '/admin/mail', labelKey: 'nav.mailOutbox' },
];

/**
 * The admin pages share a row of tabs, which keeps the site header to one "Admin" link. Access
 * is checked by each page's loader (and by the API): a refusal renders the site's 403 page.
 */
export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionTabs label={t('nav.admin')} tabs={tabs} />
      <Outlet />
    </Stack>
  );
}
