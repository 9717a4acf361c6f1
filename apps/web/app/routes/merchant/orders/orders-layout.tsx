import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { type SectionTab, SectionTabs } from '../../../components/section-tabs';

const tabs: SectionTab[] = [
  { to: '/merchant/orders', labelKey: 'paymentsNav.orders' },
  { to: '/merchant/redeem', labelKey: 'paymentsNav.redeem' },
  { to: '/merchant/settlements', labelKey: 'moneyNav.settlements' },
];

/** The merchant's orders and the voucher counter share a row of tabs; each page guards itself. */
export default function MerchantOrdersLayout() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionTabs label={t('paymentsNav.label')} tabs={tabs} />
      <Outlet />
    </Stack>
  );
}
