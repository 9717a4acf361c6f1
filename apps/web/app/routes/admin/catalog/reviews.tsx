import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AdminReviewView } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PaginationLinks } from '../../../components/catalog/pagination-links';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { adminApi } from '../../../lib/catalog/catalog-api';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/reviews';
import { adminWrite } from './admin-action.server';

type VisibilityFilter = 'all' | 'visible' | 'hidden';

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const filterParam = url.searchParams.get('filter');
  const filter: VisibilityFilter = filterParam === 'hidden' || filterParam === 'visible' ? filterParam : 'all';
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '25' });
  if (filter !== 'all') query.set('hidden', String(filter === 'hidden'));
  if (cursor) query.set('cursor', cursor);
  const page = unwrapForPage(
    await apiJson<{ items: AdminReviewView[]; nextCursor: string | null }>(context, adminApi.reviews(query)),
    request,
  );
  const pageHref = (next: string | null) => {
    const params = new URLSearchParams();
    if (filter !== 'all') params.set('filter', filter);
    if (next) params.set('cursor', next);
    return `/admin/catalog/reviews${params.size ? `?${params}` : ''}`;
  };
  return {
    filter,
    items: page.items,
    nextHref: page.nextCursor ? pageHref(page.nextCursor) : null,
    firstHref: cursor ? pageHref(null) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, 'id');
  const hidden = formText(form, 'hidden') === 'true';
  return adminWrite(context, request, {
    path: adminApi.review(id),
    init: { method: 'PATCH', json: { hidden } },
    intent: hidden ? 'hide' : 'show',
    id,
  });
}

const filters: VisibilityFilter[] = ['all', 'visible', 'hidden'];

export default function AdminReviews({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, filter, nextHref, firstHref } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('catalogAdmin.errorTitle'),
    successMessage: actionData?.intent === 'hide' ? t('catalogAdmin.reviewHidden') : t('catalogAdmin.reviewShown'),
  });
  const filterLabel = {
    all: t('merchantProducts.allStatuses'),
    visible: t('catalogAdmin.visible'),
    hidden: t('catalogAdmin.hidden'),
  };
  return (
    <Stack gap="lg">
      <PageTitle>{t('catalogAdmin.reviewsTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('catalogAdmin.reviewsTitle')}</Title>
        <Text c="dimmed">{t('catalogAdmin.reviewsText')}</Text>
      </div>
      <Group component="nav" aria-label={t('catalogAdmin.columns.visibility')} gap="xs">
        {filters.map((value) => (
          <Button
            key={value}
            component={Link}
            to={value === 'all' ? '/admin/catalog/reviews' : `/admin/catalog/reviews?filter=${value}`}
            size="compact-sm"
            variant={value === filter ? 'filled' : 'default'}
            aria-current={value === filter ? 'page' : undefined}
          >
            {filterLabel[value]}
          </Button>
        ))}
      </Group>
      {items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('catalogAdmin.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogAdmin.columns.review')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.rating')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.visibility')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((review) => (
                <Table.Tr key={review.id} data-testid="admin-review-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {review.productTitle}
                    </Text>
                    {review.title && <Text size="sm">{review.title}</Text>}
                    <Text size="sm" c="dimmed" lineClamp={3}>
                      {review.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {review.authorName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{review.rating} / 5</Table.Td>
                  <Table.Td>
                    <Badge color={review.hidden ? 'gray' : 'green'} variant="light">
                      {review.hidden ? t('catalogAdmin.hidden') : t('catalogAdmin.visible')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Form method="post">
                      <input type="hidden" name="id" value={review.id} />
                      <SubmitButton
                        name="hidden"
                        value={review.hidden ? 'false' : 'true'}
                        size="compact-sm"
                        variant={review.hidden ? 'light' : 'default'}
                      >
                        {review.hidden ? t('catalogAdmin.show') : t('catalogAdmin.hide')}
                      </SubmitButton>
                    </Form>
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
