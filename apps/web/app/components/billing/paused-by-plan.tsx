import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Whether a deal was taken offline by the plan (the catalog marks it; older answers lack the flag). */
export function isPausedByPlan(product: object): boolean {
  return (product as { pausedByPlan?: unknown }).pausedByPlan === true;
}

/** The line under a paused deal in the merchant's list. */
export function PausedByPlanNote() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="orange.9" data-testid="paused-by-plan">
      {t('billing.pausedDealShort')}{' '}
      <Anchor component={Link} to="/merchant/billing" size="xs">
        {t('billing.upgradeButton')}
      </Anchor>
    </Text>
  );
}

/** The explanation on a paused deal's editor, with the way to bring it back. */
export function PausedByPlanAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" data-testid="paused-by-plan">
      {t('billing.pausedDealText')}{' '}
      <Anchor component={Link} to="/merchant/billing">
        {t('billing.upgradeButton')}
      </Anchor>
    </Alert>
  );
}
