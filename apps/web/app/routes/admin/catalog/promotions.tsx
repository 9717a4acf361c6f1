import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Placement, ProductList, ProductView } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { adminApi } from '../../../lib/catalog/catalog-api';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/promotions';
import { adminWrite } from './admin-action.server';

const placementsShown: Placement[] = ['featured', 'deal_of_the_day'];

/** Deals whose merchant asked to be featured or deal of the day, waiting for a decision. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const [featured, dealOfTheDay] = await Promise.all(
    placementsShown.map(async (placement) => {
      const query = new URLSearchParams({ placementRequested: placement, limit: '50' });
      return unwrapForPage(await apiJson<ProductList>(context, adminApi.products(query)), request).items;
    }),
  );
  return { featured: featured ?? [], dealOfTheDay: dealOfTheDay ?? [] };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const id = formText(form, 'id');
  const placement = formText(form, 'placement') === 'deal_of_the_day' ? 'deal_of_the_day' : 'featured';
  const decision = formText(form, 'decision') === 'approve' ? 'approve' : 'refuse';
  return adminWrite(context, request, {
    path: adminApi.placement(id, placement),
    init: { method: 'POST', json: { decision } },
    intent: decision,
    id,
  });
}

function RequestTable({ placement, products }: { placement: Placement; products: ProductView[] }) {
  const { t } = useTranslation();
  const title = placement === 'featured' ? t('catalogAdmin.featured') : t('catalogAdmin.dealOfTheDay');
  return (
    <Stack gap="sm" component="section" aria-labelledby={`requests-${placement}`}>
      <Title order={2} size="h3" id={`requests-${placement}`}>
        {title}
      </Title>
      {products.length === 0 ? (
        <Paper withBorder p="md">
          <Text c="dimmed">{t('catalogAdmin.noRequests')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogAdmin.columns.title')}</Table.Th>
                <Table.Th>{t('catalogAdmin.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((product) => (
                <Table.Tr key={product.id} data-testid={`placement-request-${placement}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/p/${product.slug}`} fw={600}>
                      {product.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Form method="post">
                      <input type="hidden" name="id" value={product.id} />
                      <input type="hidden" name="placement" value={placement} />
                      <Group gap="xs" wrap="nowrap">
                        <SubmitButton name="decision" value="approve" size="compact-sm" color="green.8">
                          {t('catalogAdmin.approve')}
                        </SubmitButton>
                        <SubmitButton name="decision" value="refuse" size="compact-sm" variant="default">
                          {t('catalogAdmin.reject')}
                        </SubmitButton>
                      </Group>
                    </Form>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export default function AdminPromotions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, {
    errorTitle: t('catalogAdmin.errorTitle'),
    successMessage: actionData?.intent === 'approve' ? t('catalogAdmin.approved') : t('catalogAdmin.rejected'),
  });
  return (
    <Stack gap="xl">
      <PageTitle>{t('catalogAdmin.promotionsTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('catalogAdmin.promotionsTitle')}</Title>
        <Text c="dimmed">{t('catalogAdmin.promotionsText')}</Text>
      </div>
      <RequestTable placement="featured" products={loaderData.featured} />
      <RequestTable placement="deal_of_the_day" products={loaderData.dealOfTheDay} />
    </Stack>
  );
}
