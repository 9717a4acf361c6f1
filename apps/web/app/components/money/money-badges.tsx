import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PayoutLineStatus, PayoutRunStatus, PayoutStatus, SettlementStatus } from '../../lib/money/types';

const payoutColors: Record<PayoutStatus, string> = {
  scheduled: 'gray',
  processing: 'blue',
  paid: 'green',
  failed: 'red',
};
const lineColors: Record<PayoutLineStatus, string> = { pending: 'yellow', paid: 'green', failed: 'red' };
const runColors: Record<PayoutRunStatus, string> = { preview: 'gray', approved: 'blue', closed: 'green' };
const settlementColors: Record<SettlementStatus, string> = { pending: 'yellow', paid: 'green', failed: 'red' };

/** A payout as its influencer sees it. */
export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={payoutColors[status]} variant="light" data-testid="payout-status" data-status={status}>
      {t(`money.payoutStatus.${status}`)}
    </Badge>
  );
}

/** A line of a payout run, as the admin settles it. */
export function LineStatusBadge({ status }: { status: PayoutLineStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={lineColors[status]} variant="light" data-testid="line-status" data-status={status}>
      {t(`money.lineStatus.${status}`)}
    </Badge>
  );
}

export function RunStatusBadge({ status }: { status: PayoutRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={runColors[status]} variant="light" data-testid="run-status" data-status={status}>
      {t(`money.runStatus.${status}`)}
    </Badge>
  );
}

export function SettlementStatusBadge({ status }: { status: SettlementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={settlementColors[status]} variant="light" data-testid="settlement-status" data-status={status}>
      {t(`money.settlementStatus.${status}`)}
    </Badge>
  );
}
