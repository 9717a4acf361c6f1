import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format-money';
import { useRootData } from '../../lib/root-data';

export interface PriceTagProps {
  priceMinor: number;
  originalPriceMinor: number;
  currency: string;
  discountPercent: number;
  size?: 'sm' | 'lg';
}

/**
 * Deal price highlighted, original price struck through (<s> says "no longer accurate" to screen
 * readers too, with a visually hidden label), and the discount badge.
 */
export function PriceTag({ priceMinor, originalPriceMinor, currency, discountPercent, size = 'sm' }: PriceTagProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const large = size === 'lg';
  return (
    <Group gap={large ? 'sm' : 6} align="baseline" wrap="wrap">
      <Text span fw={800} fz={large ? 32 : 'lg'} c="indigo.8" data-testid="deal-price">
        <VisuallyHidden component="span">{t('deals.dealPrice')} </VisuallyHidden>
        {formatMoney(priceMinor, currency, locale, { whole: true })}
      </Text>
      {originalPriceMinor > priceMinor && (
        <Text span c="dimmed" fz={large ? 'lg' : 'sm'}>
          <VisuallyHidden component="span">{t('deals.originalPrice')} </VisuallyHidden>
          <s>{formatMoney(originalPriceMinor, currency, locale, { whole: true })}</s>
        </Text>
      )}
      {discountPercent > 0 && (
        <Badge color="red.8" size={large ? 'lg' : 'md'} data-testid="deal-discount">
          {t('deals.discount', { percent: discountPercent })}
        </Badge>
      )}
    </Group>
  );
}
