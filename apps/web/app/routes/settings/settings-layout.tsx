import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';

const tabs: SectionTab[] = [
  { to: '/settings/account', labelKey: 'settingsNav.account' },
  { to: '/settings/api-keys', labelKey: 'settingsNav.apiKeys' },
  { to: '/settings/notifications', labelKey: 'settingsNav.notifications' },
];

/** The settings pages share a row of tabs; each page loads and guards itself. */
export default function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionTabs label={t('settingsNav.label')} tabs={tabs} />
      <Outlet />
    </Stack>
  );
}
