import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';
import { useRootData } from '../../lib/root-data';

const tabs: SectionTab[] = [
  { to: '/settings/account', labelKey: 'settingsNav.account' },
  { to: '/settings/api-keys', labelKey: 'settingsNav.apiKeys' },
  { to: '/settings/notifications', labelKey: 'settingsNav.notifications' },
  { to: '/settings/kyc', labelKey: 'kyc.nav' },
];
const teamTab: SectionTab = { to: '/settings/team', labelKey: 'settingsNav.team' };

/** The settings pages share a row of tabs; each page loads and guards itself. */
export default function SettingsLayout() {
  const { t } = useTranslation();
  // Only people in a team (merchants, and those they invited) have a team page.
  const inTeam = (useRootData().viewer?.teams.length ?? 0) > 0;
  return (
    <Stack gap="lg">
      <SectionTabs label={t('settingsNav.label')} tabs={inTeam ? [...tabs, teamTab] : tabs} />
      <Outlet />
    </Stack>
  );
}
