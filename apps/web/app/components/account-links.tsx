import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../lib/root-data';

/** Pages about the signed-in person's own account, shown in the account and mobile menus. */
export function AccountLinks() {
  const { t } = useTranslation();
  const accountType = useRootData().viewer?.accountType;
  return (
    <Stack gap="xs">
      {/* Anyone signed in may have bought a deal: their orders sit with their account. */}
      <Anchor component={Link} to="/account/orders">
        {t('paymentsNav.myOrders')}
      </Anchor>
      <Anchor component={Link} to="/account/invoices">
        {t('billingNav.invoices')}
      </Anchor>
      {/* The team's plan sits with the account, not in the main bar, which is full on laptops. */}
      {accountType === 'merchant' && (
        <Anchor component={Link} to="/merchant/billing">
          {t('billingNav.merchant')}
        </Anchor>
      )}
      {/* Creators and merchants both bring people in; buyers have no referral program. */}
      {(accountType === 'influencer' || accountType === 'merchant') && (
        <Anchor component={Link} to="/referrals">
          {t('moneyNav.referrals')}
        </Anchor>
      )}
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
