import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';

const influencerTabs: SectionTab[] = [
  { to: '/influencer/links', labelKey: 'affiliationNav.myLinks' },
  { to: '/influencer/affiliations', labelKey: 'affiliationNav.myAffiliations' },
  { to: '/influencer/earnings', labelKey: 'affiliationNav.earnings' },
  { to: '/influencer/payouts', labelKey: 'moneyNav.payouts' },
  { to: '/referrals', labelKey: 'moneyNav.referrals' },
];
const merchantTabs: SectionTab[] = [
  { to: '/merchant/affiliations', labelKey: 'affiliationNav.requests' },
  { to: '/merchant/commissions', labelKey: 'affiliationNav.commissions' },
  { to: '/merchant/affiliation-settings', labelKey: 'affiliationNav.settings' },
  { to: '/merchant/conversions-api', labelKey: 'affiliationNav.conversionsApi' },
];

/** The affiliation pages of each side share a row of tabs; each page loads and guards itself. */
export default function AffiliationLayout() {
  const { t } = useTranslation();
  const merchant = useLocation().pathname.startsWith('/merchant');
  return (
    <Stack gap="lg">
      <SectionTabs label={t('affiliationNav.label')} tabs={merchant ? merchantTabs : influencerTabs} />
      <Outlet />
    </Stack>
  );
}
