import { Badge, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { AdminUserView } from '@souk/contracts/admin';
import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { localeOf } from '../../../lib/locale.server';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/reviewers';

type ReviewersActionData = { ok: true } | { ok: false; error: string };

/** Admins find a person and grant or withdraw the KYC reviewer role (the API answers 403 to others). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams.get('q')?.trim() ?? '';
  const users = unwrapForPage(
    await apiJson<{ items: AdminUserView[] }>(
      context,
      `/api/v1/admin/users?limit=25${q ? `&q=${encodeURIComponent(q)}` : ''}`,
    ),
    request,
  );
  return { q, users: users.items };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await apiJson(
    context,
    `/api/v1/admin/users/${encodeURIComponent(formText(form, 'id'))}/kyc-reviewer`,
    {
      method: 'PUT',
      json: { reviewer: formText(form, 'reviewer') === 'true' },
    },
  );
  if (!result.ok) {
    const error = result.problem.detail ?? problemMessage(result, localeOf(request));
    return data<ReviewersActionData>({ ok: false, error }, { status: result.status });
  }
  return data<ReviewersActionData>({ ok: true });
}

export default function KycReviewers({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('kycAdmin.errorTitle'), successMessage: t('kycAdmin.reviewers.saved') });
  return (
    <Stack gap="lg" maw={880}>
      <PageTitle>{t('kycAdmin.reviewers.title')}</PageTitle>
      <div>
        <Title order={1}>{t('kycAdmin.reviewers.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('kycAdmin.reviewers.intro')}
        </Text>
      </div>
      <Form method="get" role="search">
        <Group align="flex-end">
          <TextInput name="q" label={t('kycAdmin.reviewers.search')} defaultValue={loaderData.q} style={{ flex: 1 }} />
          <SubmitButton variant="light">{t('kycAdmin.reviewers.search')}</SubmitButton>
        </Group>
      </Form>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Tbody>
            {loaderData.users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text fw={500}>{user.name}</Text>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {user.role === 'kyc_reviewer' ? <Badge>{t('kycAdmin.reviewers.badge')}</Badge> : null}
                </Table.Td>
                <Table.Td>
                  {user.role === 'admin' ? null : (
                    <Form method="post">
                      <input type="hidden" name="id" value={user.id} />
                      <input type="hidden" name="reviewer" value={String(user.role !== 'kyc_reviewer')} />
                      <SubmitButton size="xs" variant={user.role === 'kyc_reviewer' ? 'default' : 'light'}>
                        {user.role === 'kyc_reviewer'
                          ? t('kycAdmin.reviewers.withdraw')
                          : t('kycAdmin.reviewers.grant')}
                      </SubmitButton>
                    </Form>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
