import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { type KycQueue, type KycStatus, kycStatuses } from '@souk/contracts/kyc';
import { useTranslation } from 'react-i18next';
import { Form, Link, useSubmit } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { useRootData } from '../../../lib/root-data';
import { unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/queue';

/** Admins and KYC reviewers only: the API answers 403 to anyone else, shown as the 403 page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const status = new URL(request.url).searchParams.get('status');
  const filter = kycStatuses.includes(status as KycStatus) ? (status as KycStatus) : null;
  const queue = unwrapForPage(
    await apiJson<KycQueue>(context, `/api/v1/admin/kyc${filter ? `?status=${filter}` : ''}`),
    request,
  );
  return { items: queue.items, status: filter };
}

export default function KycQueuePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const { items, status } = loaderData;
  const isAdmin = useRootData().viewer?.role === 'admin';
  return (
    <Stack gap="lg">
      <PageTitle>{t('kycAdmin.title')}</PageTitle>
      <div>
        <Title order={1}>{t('kycAdmin.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('kycAdmin.intro')}
        </Text>
      </div>
      <Form method="get" onChange={(event) => submit(event.currentTarget)}>
        <Group align="flex-end" justify="space-between">
          <NativeSelect
            name="status"
            label={t('kycAdmin.filter')}
            defaultValue={status ?? ''}
            data={[
              { value: '', label: t('kycAdmin.waiting') },
              ...kycStatuses.map((value) => ({ value, label: t(`kyc.status.${value}`) })),
            ]}
          />
          <noscript>
            <button type="submit">{t('kycAdmin.filter')}</button>
          </noscript>
          {isAdmin ? (
            <Anchor component={Link} to="/admin/kyc/reviewers" size="sm">
              {t('kycAdmin.reviewersLink')}
            </Anchor>
          ) : null}
        </Group>
      </Form>
      {items.length === 0 ? (
        <Text c="dimmed">{t('kycAdmin.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kycAdmin.subject')}</Table.Th>
                <Table.Th>{t('kycAdmin.kind')}</Table.Th>
                <Table.Th>{t('kycAdmin.filter')}</Table.Th>
                <Table.Th>{t('kycAdmin.submittedAt')}</Table.Th>
                <Table.Th>{t('kycAdmin.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/kyc/${item.id}`}>
                      {item.subjectName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`kycAdmin.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>{t(`kyc.status.${item.status}`)}</Table.Td>
                  <Table.Td>{item.submittedAt ? <Timestamp value={item.submittedAt} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={item.flags > 0 ? 'red' : 'green'}>{item.flags}</Badge>
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
