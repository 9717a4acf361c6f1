import {
  Alert,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ProductView, PublicCategory } from '@souk/contracts/catalog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../../../components/submit-button';
import type { ProductFormValues } from '../../../lib/catalog/product-form';
import { FaqField } from './faq-field';
import { ListField } from './list-field';
import { PriceFields } from './price-fields';

function PlacementCheckbox({
  name,
  label,
  checked,
  state,
}: {
  name: string;
  label: string;
  checked: boolean;
  state: ProductView['featured']['state'] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      name={name}
      label={label}
      defaultChecked={checked}
      description={state && state !== 'none' ? t(`productEditor.promotionStatus.${state}`) : undefined}
    />
  );
}

/** Every field of a deal, in one form posted to the page's action (intent "save"). */
export function ProductForm({
  values,
  errors,
  error,
  categories,
  product,
  disabled,
}: {
  values: ProductFormValues;
  errors: Record<string, string>;
  error: string | null;
  categories: PublicCategory[];
  product: ProductView | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [commissionType, setCommissionType] = useState(values.commissionType);
  return (
    <Form method="post" aria-label={t(product ? 'productEditor.editTitle' : 'productEditor.newTitle')}>
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="xl">
          {error && (
            <Alert color="red" title={t('productEditor.errorTitle')} role="alert">
              {error}
            </Alert>
          )}
          <Fieldset legend={t('productEditor.sectionGeneral')}>
            <Stack gap="sm">
              <TextInput
                name="title"
                label={t('productEditor.fields.title')}
                required
                minLength={3}
                maxLength={160}
                defaultValue={values.title}
                error={errors.title}
              />
              <TextInput
                name="slug"
                label={t('productEditor.fields.slug')}
                description={t('productEditor.fields.slugHelp')}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                maxLength={120}
                dir="ltr"
                defaultValue={values.slug}
                error={errors.slug}
              />
              <NativeSelect
                name="categoryId"
                label={t('productEditor.fields.categoryId')}
                required
                defaultValue={values.categoryId}
                error={errors.categoryId}
                data={[
                  { value: '', label: '—' },
                  ...categories.map((category) => ({ value: category.id, label: category.name })),
                ]}
              />
              <Textarea
                name="description"
                label={t('productEditor.fields.description')}
                description={t('productEditor.fields.descriptionHelp')}
                autosize
                minRows={5}
                maxLength={20000}
                defaultValue={values.description}
                error={errors.description}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('productEditor.sectionPrice')}>
            <Stack gap="sm">
              <PriceFields original={values.originalPrice} price={values.price} errors={errors} />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  name="stockQuantity"
                  type="number"
                  min={0}
                  label={t('productEditor.fields.stock')}
                  defaultValue={values.stockQuantity}
                  error={errors.stockQuantity}
                  dir="ltr"
                />
                <TextInput
                  name="minPerPurchase"
                  type="number"
                  min={1}
                  label={t('productEditor.fields.minPerPurchase')}
                  defaultValue={values.minPerPurchase}
                  error={errors.minPerPurchase}
                  dir="ltr"
                />
                <TextInput
                  name="maxPerPurchase"
                  type="number"
                  min={1}
                  label={t('productEditor.fields.maxPerPurchase')}
                  defaultValue={values.maxPerPurchase}
                  error={errors.maxPerPurchase}
                  dir="ltr"
                />
              </SimpleGrid>
              <TextInput
                name="expiresAt"
                type="datetime-local"
                label={t('productEditor.fields.expiresAt')}
                description={t('productEditor.expiresAtHelp')}
                defaultValue={values.expiresAt}
                error={errors.expiresAt}
                dir="ltr"
                maw={280}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('productEditor.sectionDetails')}>
            <Stack gap="lg">
              <ListField
                name="highlights"
                legend={t('productEditor.fields.highlights')}
                initial={values.highlights}
                error={errors.highlights}
              />
              <ListField
                name="included"
                legend={t('productEditor.fields.included')}
                initial={values.included}
                error={errors.included}
              />
              <ListField
                name="howItWorks"
                legend={t('productEditor.fields.howItWorks')}
                initial={values.howItWorks}
                error={errors.howItWorks}
                max={10}
              />
              <Textarea
                name="conditions"
                label={t('productEditor.fields.conditions')}
                autosize
                minRows={3}
                maxLength={5000}
                defaultValue={values.conditions}
                error={errors.conditions}
              />
              <FaqField initial={values.faq} error={errors.faq} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('productEditor.sectionLocation')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                name="address"
                label={t('productEditor.fields.address')}
                defaultValue={values.address}
                error={errors.address}
                maxLength={300}
              />
              <TextInput
                name="city"
                label={t('productEditor.fields.city')}
                defaultValue={values.city}
                error={errors.city}
                maxLength={120}
              />
              <TextInput
                name="latitude"
                label={t('productEditor.fields.latitude')}
                inputMode="decimal"
                dir="ltr"
                defaultValue={values.latitude}
                error={errors.latitude}
              />
              <TextInput
                name="longitude"
                label={t('productEditor.fields.longitude')}
                inputMode="decimal"
                dir="ltr"
                defaultValue={values.longitude}
                error={errors.longitude}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('productEditor.sectionPromotion')}>
            <Stack gap="sm">
              <PlacementCheckbox
                name="featuredRequested"
                label={t('productEditor.fields.requestFeatured')}
                checked={values.featuredRequested}
                state={product?.featured.state}
              />
              <PlacementCheckbox
                name="dealOfTheDayRequested"
                label={t('productEditor.fields.requestDealOfTheDay')}
                checked={values.dealOfTheDayRequested}
                state={product?.dealOfTheDay.state}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  name="commissionType"
                  label={t('productEditor.fields.commissionType')}
                  value={commissionType}
                  onChange={(event) =>
                    setCommissionType(event.currentTarget.value as ProductFormValues['commissionType'])
                  }
                  data={[
                    { value: '', label: t('productEditor.noCommission') },
                    { value: 'percentage', label: t('productEditor.fields.commissionPercent') },
                    { value: 'fixed', label: t('productEditor.fields.commissionFixed') },
                  ]}
                />
                <TextInput
                  name="commissionValue"
                  label={t('productEditor.fields.commissionValue')}
                  description={
                    commissionType === 'fixed'
                      ? t('productEditor.fields.commissionValueHelpFixed')
                      : t('productEditor.fields.commissionValueHelpPercent')
                  }
                  inputMode="decimal"
                  dir="ltr"
                  defaultValue={values.commissionValue}
                  error={errors.commissionValue}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Group>
            <SubmitButton name="intent" value="save" size="md">
              {t('productEditor.save')}
            </SubmitButton>
            {Object.keys(errors).length > 0 && (
              <Text size="sm" c="red.8">
                {error}
              </Text>
            )}
          </Group>
        </Stack>
      </fieldset>
    </Form>
  );
}
