import { Badge } from '@mantine/core';
import type { AffiliationStatus, CommissionStatus } from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';

const requestColors: Record<AffiliationStatus, string> = {
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
  ended: 'gray',
};
const commissionColors: Record<CommissionStatus, string> = {
  pending: 'yellow',
  approved: 'green',
  paid: 'teal',
  reversed: 'gray',
  rejected: 'red',
};

export function AffiliationStatusBadge({ status }: { status: AffiliationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={requestColors[status]} variant="light" data-status={status}>
      {t(`affiliation.status.${status}`)}
    </Badge>
  );
}

export function CommissionStatusBadge({ status }: { status: CommissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={commissionColors[status]} variant="light" data-status={status}>
      {t(`affiliation.commissionStatus.${status}`)}
    </Badge>
  );
}
