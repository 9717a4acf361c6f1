import { NativeSelect } from '@mantine/core';
import { gatewayIds } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';

/** The gateway select of an admin list's filter form. */
export function GatewayFilter({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      name="gateway"
      label={t('paymentsAdmin.gateway')}
      defaultValue={value}
      data={[
        { value: '', label: t('merchantOrders.all') },
        ...gatewayIds.map((id) => ({ value: id, label: t(`gateway.${id}`) })),
      ]}
    />
  );
}
