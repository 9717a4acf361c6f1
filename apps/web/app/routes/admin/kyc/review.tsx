import {
  Alert,
  Badge,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import {
  companyDocumentKinds,
  fieldsOf,
  individualDocumentKinds,
  type KycReviewView,
  rejectReasons,
} from '@souk/contracts/kyc';
import { isLocale } from '@souk/contracts/locales';
import type { IdentifierProblem } from '@souk/contracts/moroccan-identifiers';
import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { localeOf } from '../../../lib/locale.server';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/review';
import { DocumentViewer } from './document-viewer';

type ReviewActionData = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Opening the page is a logged view; each document gets a link valid a few minutes, for this reviewer. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const review = unwrapForPage(await apiJson<KycReviewView>(context, `/api/v1/admin/kyc/${params.id}`), request);
  const links: Record<string, string> = {};
  for (const document of review.profile.documents) {
    const link = await apiJson<{ url: string }>(context, `/api/v1/kyc/documents/${document.id}/link`, {
      method: 'POST',
    });
    if (link.ok) links[document.id] = link.data.url;
  }
  return { review, links };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const decision = formText(form, 'decision');
  const note = formText(form, 'note');
  const body =
    decision === 'reject'
      ? { decision, reason: formText(form, 'reason'), ...(note ? { note } : {}) }
      : decision === 'request_info'
        ? { decision, items: form.getAll('items').map(String), ...(note ? { note } : {}) }
        : { decision: 'approve', ...(note ? { note } : {}) };
  const result = await apiJson(context, `/api/v1/admin/kyc/${params.id}/decision`, { method: 'POST', json: body });
  if (!result.ok) {
    const fieldErrors = fieldErrorsOf(result.problem);
    const error = result.problem.detail ?? Object.values(fieldErrors)[0] ?? problemMessage(result, localeOf(request));
    return data<ReviewActionData>({ ok: false, error, fieldErrors }, { status: result.status });
  }
  return data<ReviewActionData>({ ok: true });
}

export default function KycReview({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'fr';
  const { review, links } = loaderData;
  const { profile } = review;
  useFeedbackToast(actionData, { errorTitle: t('kycAdmin.errorTitle'), successMessage: t('kycAdmin.decided') });
  const awaitingDecision = profile.status === 'submitted' || profile.status === 'in_review';
  const documentKinds = profile.kind === 'individual' ? individualDocumentKinds : companyDocumentKinds;
  const items = [...fieldsOf(profile.kind), ...(profile.kind === 'individual' ? ['phone'] : []), ...documentKinds];
  const checkOf = (item: string) => review.checks.find((check) => check.item === item);
  const label = (item: string) =>
    t(`kyc.fields.${item}` as 'kyc.fields.legalName', {
      defaultValue: t(`kyc.documents.${item}` as 'kyc.documents.cin_front'),
    });
  const problemText = (problem: string | null) =>
    problem && problem in identifierProblemMessages[locale]
      ? identifierProblemMessages[locale][problem as IdentifierProblem]
      : (problem ?? '');

  return (
    <Stack gap="lg">
      <PageTitle>{t('kycAdmin.reviewTitle', { name: review.subjectName })}</PageTitle>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={1}>{t('kycAdmin.reviewTitle', { name: review.subjectName })}</Title>
          <Text c="dimmed">
            {t(`kycAdmin.kinds.${profile.kind}`)} · {review.subjectEmail ?? ''}
          </Text>
        </div>
        <Badge size="lg" data-testid="review-status">
          {t(`kyc.status.${profile.status}`)}
        </Badge>
      </Group>
      {profile.requestedItems.length > 0 && awaitingDecision ? (
        <Alert color="orange">
          {t('kycAdmin.reviewScope', { items: profile.requestedItems.map(label).join(', ') })}
        </Alert>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('kycAdmin.data')}
            </Title>
            <Table.ScrollContainer minWidth={360}>
              <Table>
                <Table.Tbody>
                  {fieldsOf(profile.kind).map((field) => {
                    const check = checkOf(field);
                    return (
                      <Table.Tr key={field}>
                        <Table.Th scope="row">{label(field)}</Table.Th>
                        <Table.Td dir="auto">{profile.data[field] ?? '—'}</Table.Td>
                        <Table.Td>
                          {check?.ok ? (
                            <Badge color="green" aria-label={t('kycAdmin.ok')}>
                              ✓
                            </Badge>
                          ) : (
                            <Badge color="red" title={problemText(check?.problem ?? null)}>
                              {problemText(check?.problem ?? null) || '!'}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  {profile.kind === 'individual' ? (
                    <Table.Tr>
                      <Table.Th scope="row">{label('phone')}</Table.Th>
                      <Table.Td dir="ltr">{profile.phone.number ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={profile.phone.verifiedAt ? 'green' : 'red'}>
                          {profile.phone.verifiedAt ? '✓' : '!'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={3} size="h5" mt="md">
              {t('kycAdmin.duplicates')}
            </Title>
            {review.duplicates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('kycAdmin.noDuplicates')}
              </Text>
            ) : (
              review.duplicates.map((duplicate) => (
                <Alert key={duplicate.field} color="red" mt="xs">
                  {t('kycAdmin.duplicateText', {
                    field: label(duplicate.field),
                    names: duplicate.otherProfiles.map((other) => other.subjectName).join(', '),
                  })}
                </Alert>
              ))
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('kycAdmin.documents')}
            </Title>
            {profile.documents.length === 0 ? (
              <Text c="dimmed">{t('kycAdmin.noDocuments')}</Text>
            ) : (
              <SimpleGrid cols={1} spacing="md">
                {profile.documents.map((document) => (
                  <DocumentViewer
                    key={document.id}
                    document={document}
                    url={links[document.id] ?? null}
                    title={label(document.kind)}
                  />
                ))}
              </SimpleGrid>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('kycAdmin.decision')}
        </Title>
        {awaitingDecision ? (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <Form method="post">
              <input type="hidden" name="decision" value="approve" />
              <Stack gap="xs">
                <Textarea name="note" label={t('kycAdmin.note')} autosize minRows={2} />
                <SubmitButton color="green">{t('kycAdmin.approve')}</SubmitButton>
              </Stack>
            </Form>
            <Form method="post">
              <input type="hidden" name="decision" value="request_info" />
              <Stack gap="xs">
                <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                  <Text component="legend" size="sm" fw={500}>
                    {t('kycAdmin.requestItems')}
                  </Text>
                  <Stack gap={4} mt={4}>
                    {items.map((item) => (
                      <Checkbox key={item} name="items" value={item} label={label(item)} />
                    ))}
                  </Stack>
                </fieldset>
                <Textarea name="note" label={t('kycAdmin.note')} autosize minRows={2} />
                <SubmitButton color="orange">{t('kycAdmin.requestInfo')}</SubmitButton>
              </Stack>
            </Form>
            <Form method="post">
              <input type="hidden" name="decision" value="reject" />
              <Stack gap="xs">
                <NativeSelect
                  name="reason"
                  label={t('kycAdmin.rejectReason')}
                  data={rejectReasons.map((reason) => ({ value: reason, label: t(`kyc.reasons.${reason}`) }))}
                />
                <Textarea name="note" label={t('kycAdmin.note')} autosize minRows={2} />
                <SubmitButton color="red">{t('kycAdmin.reject')}</SubmitButton>
              </Stack>
            </Form>
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('kycAdmin.noDecision')}</Text>
        )}
      </Paper>
    </Stack>
  );
}
