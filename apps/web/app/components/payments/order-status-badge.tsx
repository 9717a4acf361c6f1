import { Badge } from '@mantine/core';
import type { OrderStatus, VoucherStatus } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';

const orderColors: Record<OrderStatus, string> = {
  pending_payment: 'yellow',
  paid: 'green',
  partially_refunded: 'grape',
  refunded: 'gray',
  cancelled: 'red',
  expired: 'gray',
};
const voucherColors: Record<VoucherStatus, string> = {
  pending: 'yellow',
  valid: 'green',
  redeemed: 'blue',
  expired: 'gray',
  void: 'red',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={orderColors[status]} variant="light" data-testid="order-status" data-status={status}>
      {t(`orderStatus.${status}`)}
    </Badge>
  );
}

export function VoucherStatusBadge({ status }: { status: VoucherStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={voucherColors[status]} variant="light" data-testid="voucher-status" data-status={status}>
      {t(`voucherStatus.${status}`)}
    </Badge>
  );
}
