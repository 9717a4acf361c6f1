import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Pages about the signed-in person's own account, shown in the account and mobile menus. */
export function AccountLinks() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {/* Anyone signed in may have bought a deal: their orders sit with their account. */}
      <Anchor component={Link} to="/account/orders">
        {t('paymentsNav.myOrders')}
      </Anchor>
      <Anchor component={Link} to="/account/invoices">
        {t('billingNav.invoices')}
      </Anchor>
      <Anchor component={Link} to="/settings/account">
        {t('account.accountSettings')}
      </Anchor>
      <Anchor component={Link} to="/settings/api-keys">
        {t('account.apiKeys')}
      </Anchor>
      <Anchor component={Link} to="/notifications">
        {t('account.notifications')}
      </Anchor>
      <Anchor component={Link} to="/settings/notifications">
        {t('account.notificationSettings')}
      </Anchor>
    </Stack>
  );
}
