import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ProductList } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { ProductStatusBadge } from '../../../components/catalog/product-status-badge';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { adminApi } from '../../../lib/catalog/catalog-api';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/products';
import { adminWrite } from './admin-action.server';

/** Search over every merchant's deals; `?unpublish=<id>` opens the reason form for one (a link, no script needed). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q')?.trim() ?? '';
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '25' });
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<ProductList>(context, adminApi.products(query)), request);
  const pageHref = (next: string | null) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (next) params.set('cursor', next);
    return `/admin/catalog/products${params.size ? `?${params}` : ''}`;
  };
  return {
    q,
    items: list.items,
    unpublishId: url.searchParams.get('unpublish'),
    nextHref: list.nextCursor ? pageHref(list.nextCursor) : null,
    firstHref: cursor ? pageHref(null) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, 'id');
  if (formText(form, 'intent') === 'release') {
    return adminWrite(context, request, {
      path: adminApi.release(id),
      init: { method: 'POST' },
      intent: 'release',
      id,
    });
  }
  return adminWrite(context, request, {
    path: adminApi.unpublish(id),
    init: { method: 'POST', json: { reason: formText(form, 'reason') } },
    intent: 'unpublish',
    id,
  });
}

export default function AdminProducts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, q, unpublishId, nextHref, firstHref } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('catalogAdmin.errorTitle'),
    successMessage: t('catalogAdmin.unpublished'),
  });
  const failure = actionData && !actionData.ok ? actionData : null;
  const openId = failure?.id ?? (actionData?.ok ? null : unpublishId);
  return (
    <Stack gap="lg">
      <PageTitle>{t('catalogAdmin.productsTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('catalogAdmin.productsTitle')}</Title>
        <Text c="dimmed">{t('catalogAdmin.productsText')}</Text>
      </div>
      <Form method="get" role="search">
        <Group align="flex-end" gap="xs">
          <TextInput
            type="search"
            name="q"
            label={t('catalogAdmin.search')}
            placeholder={t('catalogAdmin.searchPlaceholder')}
            defaultValue={q}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit">{t('catalogAdmin.search')}</Button>
        </Group>
      </Form>
      {items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('catalogAdmin.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogAdmin.columns.title')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.status')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((product) => (
                <Table.Tr key={product.id} data-testid="admin-product-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/p/${product.slug}`} fw={600}>
                      {product.title}
                    </Anchor>
                    {product.moderation.hold && (
                      <Group gap="xs" mt={4}>
                        <Text size="xs" c="red.8">
                          {product.moderation.reason}
                        </Text>
                        <Form method="post">
                          <input type="hidden" name="id" value={product.id} />
                          <SubmitButton name="intent" value="release" size="compact-xs" variant="light">
                            {t('catalogAdmin.release')}
                          </SubmitButton>
                        </Form>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ProductStatusBadge status={product.status} />
                  </Table.Td>
                  <Table.Td>
                    {product.status === 'published' &&
                      (openId === product.id ? (
                        <Form method="post">
                          <input type="hidden" name="id" value={product.id} />
                          <Stack gap="xs">
                            <Textarea
                              name="reason"
                              label={t('catalogAdmin.reason')}
                              placeholder={t('catalogAdmin.reasonPlaceholder')}
                              required
                              minLength={5}
                              maxLength={1000}
                              autosize
                              minRows={2}
                              error={failure?.id === product.id ? failure.error : undefined}
                            />
                            <SubmitButton color="red.8" size="compact-sm">
                              {t('catalogAdmin.unpublish')}
                            </SubmitButton>
                          </Stack>
                        </Form>
                      ) : (
                        <Button
                          component={Link}
                          to={`?${new URLSearchParams({ ...(q ? { q } : {}), unpublish: product.id })}`}
                          size="compact-sm"
                          variant="light"
                          color="red.8"
                          preventScrollReset
                        >
                          {t('catalogAdmin.unpublish')}
                        </Button>
                      ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PaginationLinks firstHref={firstHref} nextHref={nextHref} />
    </Stack>
  );
}
