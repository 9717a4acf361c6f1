import { Badge } from '@mantine/core';
import type { ProductStatus } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';

const colors: Record<ProductStatus, string> = {
  draft: 'gray',
  published: 'green',
  expired: 'orange',
  archived: 'dark',
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="product-status">
      {t(`merchantProducts.status.${status}`)}
    </Badge>
  );
}
