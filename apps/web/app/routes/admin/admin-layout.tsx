import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type SectionTab, SectionTabs } from '../../components/section-tabs';
import { useRootData } from '../../lib/root-data';

/** Each admin page adds its tab here (and its card on the admin home). */
const tabs: SectionTab[] = [
  { to: '/admin', labelKey: 'admin.overview', end: true },
  { to: '/admin/users', labelKey: 'nav.adminUsers' },
  { to: '/admin/audit', labelKey: 'nav.auditLog' },
  { to: '/admin/mail', labelKey: 'nav.mailOutbox' },
  { to: '/admin/messages', labelKey: 'siteAdmin.inboxTab' },
  { to: '/admin/home-content', labelKey: 'siteAdmin.contentTab' },
  { to: '/admin/kyc', labelKey: 'kycAdmin.nav' },
  { to: '/admin/catalog/products', labelKey: 'catalogNav.adminProducts' },
  { to: '/admin/catalog/promotions', labelKey: 'catalogNav.adminPromotions' },
  { to: '/admin/catalog/categories', labelKey: 'catalogNav.adminCategories' },
  { to: '/admin/catalog/reviews', labelKey: 'catalogNav.adminReviews' },
  { to: '/admin/orders', labelKey: 'paymentsNav.adminOrders' },
  { to: '/admin/payments', labelKey: 'paymentsNav.adminPayments' },
  { to: '/admin/payouts', labelKey: 'moneyNav.adminPayouts' },
  { to: '/admin/settlements', labelKey: 'moneyNav.adminSettlements' },
  { to: '/admin/finance', labelKey: 'moneyNav.adminFinance' },
  { to: '/admin/referrals', labelKey: 'moneyNav.adminReferrals' },
  { to: '/admin/plans', labelKey: 'billingNav.adminPlans' },
  { to: '/admin/subscriptions', labelKey: 'billingNav.adminSubscriptions' },
  { to: '/admin/invoices', labelKey: 'billingNav.adminInvoices' },
  { to: '/admin/social', labelKey: 'social.nav.adminTab' },
];
/** A KYC reviewer sees the review queue only. */
const reviewerTabs: SectionTab[] = [{ to: '/admin/kyc', labelKey: 'kycAdmin.nav' }];

/**
 * The admin pages share a row of tabs, which keeps the site header to one "Admin" link. Access
 * is checked by each page's loader (and by the API): a refusal renders the site's 403 page.
 */
export default function AdminLayout() {
  const { t } = useTranslation();
  const reviewer = useRootData().viewer?.role === 'kyc_reviewer';
  return (
    <Stack gap="lg">
      <SectionTabs label={t('nav.admin')} tabs={reviewer ? reviewerTabs : tabs} />
      <Outlet />
    </Stack>
  );
}
