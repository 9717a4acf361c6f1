import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ProductView, PublicCategory } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPausedByPlan, PausedByPlanAlert } from '../../../components/billing/paused-by-plan';
import { QuotaUpgradeButton } from '../../../components/billing/quota-upgrade-button';
import { ProductStatusBadge } from '../../../components/catalog/product-status-badge';
import { PageTitle } from '../../../components/page-title';
import { apiJson } from '../../../lib/api.server';
import { merchantApi, publicApi } from '../../../lib/catalog/catalog-api';
import { emptyProductForm, formValuesOf } from '../../../lib/catalog/product-form';
import { localeOf } from '../../../lib/locale.server';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/editor';
import { editorAction } from './editor-actions.server';
import { ImageManager } from './image-manager';
import { ProductForm } from './product-form';
import { StatusActions } from './status-actions';

/** One module for /merchant/products/new (no id) and /merchant/products/:id. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const productId = 'id' in params ? (params.id ?? null) : null;
  const [categories, product] = await Promise.all([
    apiJson<{ items: PublicCategory[] }>(context, publicApi.categories),
    productId
      ? apiJson<ProductView>(context, merchantApi.product(team.teamId, productId)).then((result) =>
          unwrapForPage(result, request),
        )
      : Promise.resolve(null),
  ]);
  return {
    team,
    product,
    categories: categories.ok ? categories.data.items : [],
    created: new URL(request.url).searchParams.get('created') === '1',
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const productId = 'id' in params ? (params.id ?? null) : null;
  return editorAction({
    context,
    request,
    locale: localeOf(request),
    teamId: team.teamId,
    productId,
    form: await request.formData(),
  });
}

const successKeys = {
  save: 'productEditor.saved',
  publish: 'productEditor.published',
  unpublish: 'productEditor.unpublished',
  archive: 'productEditor.archived',
  'upload-images': 'productEditor.imagesUploaded',
  'image-alt': 'productEditor.imageAltSaved',
  'image-delete': 'productEditor.imageDeleted',
  'image-order': 'productEditor.imageOrderSaved',
  'image-move': 'productEditor.imageOrderSaved',
} as const;

export default function ProductEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { product, categories, team, created } = loaderData;
  const failure = actionData && !actionData.ok ? actionData : null;
  const successKey = actionData?.ok ? successKeys[actionData.intent as keyof typeof successKeys] : undefined;
  useFeedbackToast(actionData, {
    errorTitle: t('productEditor.errorTitle'),
    ...(successKey ? { successMessage: t(successKey) } : {}),
  });
  const saveFailure = failure?.intent === 'save' ? failure : null;
  const values = saveFailure?.values ?? (product ? formValuesOf(product) : emptyProductForm);
  const disabled = !team.canEdit || product?.status === 'archived';
  const title = product ? t('productEditor.editTitle') : t('productEditor.newTitle');

  return (
    <Stack gap="lg">
      <PageTitle>{product ? `${title} · ${product.title}` : title}</PageTitle>
      <Anchor component={Link} to="/merchant/products" size="sm">
        {t('productEditor.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={1}>{product?.title ?? title}</Title>
          {product && (
            <Group gap="xs">
              <ProductStatusBadge status={product.status} />
              <Text size="sm" c="dimmed" dir="ltr">
                /p/{product.slug}
              </Text>
            </Group>
          )}
        </Stack>
        {product && <StatusActions product={product} disabled={!team.canEdit} />}
      </Group>
      {created && (
        <Alert color="green" role="status">
          {t('productEditor.created')}
        </Alert>
      )}
      {product && isPausedByPlan(product) && <PausedByPlanAlert />}
      {product?.moderation.hold && (
        <Alert color="red" title={t('merchantProducts.moderated', { reason: product.moderation.reason ?? '' })} />
      )}
      {failure && failure.intent !== 'save' && (
        <Alert color="red" title={t('productEditor.errorTitle')} role="alert">
          {failure.error}
          <QuotaUpgradeButton href={failure.upgradeUrl} />
        </Alert>
      )}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ProductForm
            // A new set of values (after a failed save, or a saved product) re-seeds the fields.
            key={`${product?.updatedAt ?? 'new'}-${saveFailure ? JSON.stringify(saveFailure.values) : ''}`}
            values={values}
            errors={saveFailure?.fieldErrors ?? {}}
            error={saveFailure?.error ?? null}
            categories={categories}
            product={product}
            disabled={disabled}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {product ? (
            <ImageManager
              images={product.images}
              disabled={disabled}
              errors={failure && failure.intent !== 'save' ? failure.fieldErrors : {}}
            />
          ) : (
            <Alert color="gray">{t('productEditor.saveFirst')}</Alert>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
