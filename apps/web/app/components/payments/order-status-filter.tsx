import { NativeSelect } from '@mantine/core';
import { type OrderStatus, orderStatuses } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';

/** The status select of an order list's filter form (a GET form: the filter is in the address). */
export function OrderStatusFilter({ value }: { value: OrderStatus | '' }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      name="status"
      label={t('merchantOrders.status')}
      defaultValue={value}
      data={[
        { value: '', label: t('merchantOrders.all') },
        ...orderStatuses.map((status) => ({ value: status, label: t(`orderStatus.${status}`) })),
      ]}
    />
  );
}
