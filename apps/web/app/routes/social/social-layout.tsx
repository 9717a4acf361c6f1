import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';
import { useRootData } from '../../lib/root-data';

const publishingTabs = (base: string): SectionTab[] => [
  { to: `${base}/accounts`, labelKey: 'social.nav.accounts' },
  { to: `${base}/compose`, labelKey: 'social.nav.compose' },
  { to: `${base}/calendar`, labelKey: 'social.nav.calendar' },
  { to: `${base}/posts`, labelKey: 'social.nav.posts' },
];

/**
 * The social publishing pages share a row of tabs: an influencer's and a merchant team's under
 * /social (teams also get the approval queue), the official accounts' under /admin/social.
 */
export default function SocialLayout() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const admin = useLocation().pathname.startsWith('/admin/social');
  const tabs: SectionTab[] = admin
    ? [{ to: '/admin/social', labelKey: 'social.nav.manager', end: true }, ...publishingTabs('/admin/social')]
    : [
        ...publishingTabs('/social'),
        ...(viewer?.accountType === 'merchant'
          ? [{ to: '/social/approvals', labelKey: 'social.nav.approvals' } as SectionTab]
          : []),
      ];
  return (
    <Stack gap="lg">
      <SectionTabs label={t('social.nav.label')} tabs={tabs} />
      <Outlet />
    </Stack>
  );
}
