import { Alert, Anchor, Button, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { merchantAffiliationSettingsSchema, productAffiliationSettingsSchema } from '@souk/contracts/affiliation';
import type { ProductList } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { z } from 'zod';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { merchantApi } from '../../lib/catalog/catalog-api';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/merchant-settings';
import { failed, requireMerchantSide, succeeded } from './affiliation.server';

const pagePath = '/merchant/affiliation-settings';
type Settings = z.infer<typeof merchantAffiliationSettingsSchema>;
type ProductSettings = z.infer<typeof productAffiliationSettingsSchema>;

export async function loader({ request, context }: Route.LoaderArgs) {
  const team = await requireMerchantSide(context, request);
  const [settings, products] = await Promise.all([
    apiJson<Settings>(context, `/api/v1/affiliation/settings?organizationId=${team.teamId}`),
    apiJson<ProductList>(
      context,
      merchantApi.list(team.teamId, new URLSearchParams({ status: 'published', limit: '50' })),
    ),
  ]);
  const published = products.ok ? products.data.items : [];
  const productSettings = await Promise.all(
    published.map(async (product) => {
      const result = await apiJson<ProductSettings>(context, `/api/v1/products/${product.id}/affiliation-settings`);
      return { id: product.id, title: product.title, autoApprove: result.ok ? result.data.autoApprove : false };
    }),
  );
  return { team, settings: unwrapForPage(settings, request), products: productSettings };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const text = translations[locale].affiliation.settings;
  const form = await request.formData();
  const team = await requireMerchantSide(context, request);
  if (formText(form, 'intent') === 'product') {
    const id = formText(form, 'productId');
    const result = await apiJson(context, `/api/v1/products/${encodeURIComponent(id)}/affiliation-settings`, {
      method: 'PUT',
      json: { autoApprove: formText(form, 'autoApprove') === 'true' },
    });
    if (!result.ok) return failed(result, locale, 'product', pagePath, id);
    return succeeded('product', text.productSaved, id);
  }
  const result = await apiJson(context, `/api/v1/affiliation/settings?organizationId=${team.teamId}`, {
    method: 'PATCH',
    json: {
      attributionWindowDays: Number(formText(form, 'attributionWindowDays')),
      holdDays: Number(formText(form, 'holdDays')),
    },
  });
  if (!result.ok) return failed(result, locale, 'team', pagePath);
  return succeeded('team', text.saved);
}

export default function MerchantAffiliationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settings, products, team } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('affiliation.errorTitle'), successMessage: actionData?.message });
  const fieldErrors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {};
  return (
    <Stack gap="lg" maw={820}>
      <PageTitle>{t('affiliation.settings.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.settings.title')}</Title>
        <Text c="dimmed">{t('affiliation.settings.intro')}</Text>
      </div>
      {!team.canConfigure && <Alert color="blue">{t('affiliation.settings.readOnly')}</Alert>}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Form method="post">
          <input type="hidden" name="intent" value="team" />
          <Stack gap="sm">
            <NumberInput
              name="attributionWindowDays"
              label={t('affiliation.settings.window')}
              description={t('affiliation.settings.windowHint')}
              defaultValue={settings.attributionWindowDays}
              min={1}
              max={90}
              allowDecimal={false}
              disabled={!team.canConfigure}
              error={fieldErrors.attributionWindowDays}
            />
            <NumberInput
              name="holdDays"
              label={t('affiliation.settings.hold')}
              description={t('affiliation.settings.holdHint')}
              defaultValue={settings.holdDays}
              min={0}
              max={120}
              allowDecimal={false}
              disabled={!team.canConfigure}
              error={fieldErrors.holdDays}
            />
            {team.canConfigure && (
              <SubmitButton style={{ alignSelf: 'flex-start' }}>{t('affiliation.settings.save')}</SubmitButton>
            )}
          </Stack>
        </Form>
      </Paper>
      <section>
        <Title order={2} size="h4">
          {t('affiliation.settings.products')}
        </Title>
        <Text c="dimmed" size="sm" mb="sm">
          {t('affiliation.settings.productsIntro')}
        </Text>
        {products.length === 0 ? (
          <Text c="dimmed">{t('affiliation.settings.noProducts')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Tbody>
                {products.map((product) => (
                  <Table.Tr key={product.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/merchant/products/${product.id}`}>
                        {product.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="product" />
                        <input type="hidden" name="productId" value={product.id} />
                        <input type="hidden" name="autoApprove" value={product.autoApprove ? 'false' : 'true'} />
                        <Button
                          type="submit"
                          size="compact-sm"
                          variant={product.autoApprove ? 'filled' : 'default'}
                          aria-pressed={product.autoApprove}
                          disabled={!team.canDecide}
                          data-testid="auto-approve"
                        >
                          {product.autoApprove ? '✓ ' : ''}
                          {t('affiliation.settings.autoApprove')}
                        </Button>
                      </Form>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
