import { Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CategoryInput, CategoryView } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { CategoryIcon } from '../../../components/catalog/category-icon';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { adminApi } from '../../../lib/catalog/catalog-api';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/categories';
import { type AdminActionData, adminWrite } from './admin-action.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const list = unwrapForPage(await apiJson<{ items: CategoryView[] }>(context, adminApi.categories), request);
  return { categories: list.items };
}

function categoryInputOf(form: FormData): CategoryInput {
  return {
    slug: formText(form, 'slug'),
    icon: formText(form, 'icon'),
    position: Number(formText(form, 'position')) || 0,
    names: { fr: formText(form, 'nameFr'), en: formText(form, 'nameEn'), ar: formText(form, 'nameAr') },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, 'id');
  const json = categoryInputOf(form);
  return id
    ? adminWrite(context, request, { path: adminApi.category(id), init: { method: 'PUT', json }, intent: 'update', id })
    : adminWrite(context, request, {
        path: adminApi.categories,
        init: { method: 'POST', json },
        intent: 'create',
        id: '',
      });
}

/** One category's fields; the same form creates (no id) and edits. */
function CategoryForm({ category, outcome }: { category: CategoryView | null; outcome: AdminActionData | undefined }) {
  const { t } = useTranslation();
  const mine = outcome && !outcome.ok && outcome.id === (category?.id ?? '') ? outcome : null;
  const errors = mine?.fieldErrors ?? {};
  return (
    <Paper withBorder p="md" data-testid="category-form">
      <Form method="post">
        <Stack gap="sm">
          <Group gap="xs">
            <CategoryIcon name={category?.icon} />
            <Title order={2} size="h5">
              {category ? category.names.fr : t('catalogAdmin.categoryCreate')}
            </Title>
            {category && (
              <Text size="sm" c="dimmed">
                {t('catalogHome.categoryCount', { count: category.dealCount })}
              </Text>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              name="nameFr"
              label={t('catalogAdmin.categoryNameFr')}
              defaultValue={category?.names.fr}
              required
              error={errors.fr}
            />
            <TextInput
              name="nameEn"
              label={t('catalogAdmin.categoryNameEn')}
              defaultValue={category?.names.en}
              required
              error={errors.en}
            />
            <TextInput
              name="nameAr"
              label={t('catalogAdmin.categoryNameAr')}
              defaultValue={category?.names.ar}
              required
              dir="rtl"
              error={errors.ar}
            />
            <TextInput
              name="slug"
              label={t('catalogAdmin.categorySlug')}
              defaultValue={category?.slug}
              required
              dir="ltr"
              error={errors.slug}
            />
            <TextInput
              name="icon"
              label={t('catalogAdmin.categoryIcon')}
              defaultValue={category?.icon}
              required
              dir="ltr"
              error={errors.icon}
            />
            <NumberInput
              name="position"
              label={t('catalogAdmin.categoryOrder')}
              defaultValue={category?.position ?? 0}
              min={0}
              max={10000}
              allowDecimal={false}
              error={errors.position}
            />
          </SimpleGrid>
          {mine && (
            <Text size="sm" c="red.8" role="alert">
              {mine.error}
            </Text>
          )}
          <Group>
            <SubmitButton name="id" value={category?.id ?? ''} size="compact-md">
              {category ? t('catalogAdmin.categorySave') : t('catalogAdmin.categoryCreate')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

export default function AdminCategories({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, {
    errorTitle: t('catalogAdmin.errorTitle'),
    successMessage:
      actionData?.intent === 'create' ? t('catalogAdmin.categoryCreated') : t('catalogAdmin.categorySaved'),
  });
  const sorted = [...loaderData.categories].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="lg">
      <PageTitle>{t('catalogAdmin.categoriesTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('catalogAdmin.categoriesTitle')}</Title>
        <Text c="dimmed">{t('catalogAdmin.categoriesText')}</Text>
      </div>
      <CategoryForm key={`new-${actionData?.ok ? 'done' : ''}`} category={null} outcome={actionData} />
      {sorted.map((category) => (
        <CategoryForm key={`${category.id}-${category.updatedAt}`} category={category} outcome={actionData} />
      ))}
    </Stack>
  );
}
