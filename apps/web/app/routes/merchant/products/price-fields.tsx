import { SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalToMinor } from '../../../lib/catalog/minor-units';

/** Same rounding as the API's `discountPercentOf` (contracts/catalog), without its schemas in the bundle. */
function discountPercent(originalMinor: number | null, discountedMinor: number | null): number | null {
  if (originalMinor === null || discountedMinor === null) return null;
  if (originalMinor <= 0 || discountedMinor >= originalMinor) return 0;
  return Math.round(((originalMinor - discountedMinor) / originalMinor) * 100);
}

/** Prices typed in MAD; the discount follows as they are typed, read-only (the API derives it too). */
export function PriceFields({
  original,
  price,
  errors,
}: {
  original: string;
  price: string;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [originalText, setOriginalText] = useState(original);
  const [priceText, setPriceText] = useState(price);
  const percent = discountPercent(decimalToMinor(originalText), decimalToMinor(priceText));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        name="originalPrice"
        label={t('productEditor.fields.originalPrice')}
        inputMode="decimal"
        required
        dir="ltr"
        value={originalText}
        onChange={(event) => setOriginalText(event.currentTarget.value)}
        error={errors.originalPrice}
      />
      <TextInput
        name="price"
        label={t('productEditor.fields.price')}
        inputMode="decimal"
        required
        dir="ltr"
        value={priceText}
        onChange={(event) => setPriceText(event.currentTarget.value)}
        error={errors.price}
      />
      <TextInput
        label={t('productEditor.fields.discount')}
        description={t('productEditor.discountDerived')}
        value={percent === null ? '' : `${percent} %`}
        readOnly
        dir="ltr"
        data-testid="derived-discount"
      />
    </SimpleGrid>
  );
}
