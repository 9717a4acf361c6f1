import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The way out of a refusal at a plan's limit, shown under the page's own error message. Renders
 * nothing when the failure was not about a quota (`href` absent).
 */
export function QuotaUpgradeButton({ href }: { href?: string | null | undefined }) {
  const { t } = useTranslation();
  if (!href) return null;
  return (
    <Button component={Link} to={href} size="xs" mt="xs" variant="filled" color="indigo" data-testid="quota-upgrade">
      {t('billing.upgradeButton')}
    </Button>
  );
}
