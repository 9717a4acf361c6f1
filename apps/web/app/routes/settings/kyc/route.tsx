import { Anchor, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import type { Problem } from '@souk/contracts/errors';
import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import { type KycField, type KycProfileView, kycFields } from '@souk/contracts/kyc';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect, useNavigate } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { type ApiFailure, apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { localeOf } from '../../../lib/locale.server';
import { multipartFile } from '../../../lib/multipart.server';
import { signInPath } from '../../../lib/safe-redirect';
import { requireUser, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/route';
import { DocumentsStep } from './documents-step';
import { KycFieldInput } from './kyc-field';
import { PhoneStep } from './phone-step';
import { StatusPanel } from './status-panel';
import { stepIndex, wizardSteps } from './steps';

const pagePath = '/settings/kyc';

type KycActionData =
  | { ok: true; intent: string; sentTo?: string }
  | { ok: false; intent: string; error: string; fieldErrors: Record<string, string>; values?: Record<string, string> };

/** A merchant acts for the team they own or administer; an influencer for themselves. */
function subjectQuery(request: Request): string {
  const organizationId = new URL(request.url).searchParams.get('organizationId');
  return organizationId ? new URLSearchParams({ organizationId }).toString() : '';
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  const url = new URL(request.url);
  const team =
    viewer.accountType === 'merchant'
      ? viewer.teams.find((membership) => membership.role === 'owner' || membership.role === 'admin')
      : undefined;
  if (team && !url.searchParams.get('organizationId')) {
    url.searchParams.set('organizationId', team.teamId);
    throw redirect(`${url.pathname}${url.search}`);
  }
  const query = subjectQuery(request);
  const profile = unwrapForPage(
    await apiJson<KycProfileView>(context, `/api/v1/kyc${query ? `?${query}` : ''}`),
    request,
  );
  return { profile, query, step: stepIndex(profile.kind, url.searchParams.get('step')), teamName: team?.name ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const query = subjectQuery(request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const fail = (result: ApiFailure, values?: Record<string, string>) => {
    if (result.problem.code === 'unauthenticated') throw redirect(signInPath(pagePath));
    const fieldErrors = fieldErrorsOf(result.problem);
    const error = Object.values(fieldErrors)[0] ?? result.problem.detail ?? problemMessage(result, locale);
    return data<KycActionData>(
      { ok: false, intent, error, fieldErrors, ...(values ? { values } : {}) },
      { status: result.status },
    );
  };
  const api = (path: string) => `/api/v1/kyc${path}${query ? `?${query}` : ''}`;
  const goTo = (step: string) =>
    redirect(`${pagePath}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), step })}`);

  if (intent === 'save') {
    const values = Object.fromEntries(
      kycFields.filter((field) => form.has(field)).map((field) => [field, formText(form, field)]),
    ) as Partial<Record<KycField, string>>;
    const result = await apiJson<KycProfileView>(context, api(''), { method: 'PATCH', json: values });
    if (!result.ok) return fail(result, values as Record<string, string>);
    return goTo(formText(form, 'next'));
  }
  if (intent === 'send-code') {
    const result = await apiJson<{ phone: string }>(context, '/api/v1/kyc/phone/code', {
      method: 'POST',
      json: { phone: formText(form, 'phone') },
    });
    if (!result.ok) return fail(result);
    return data<KycActionData>({ ok: true, intent, sentTo: result.data.phone });
  }
  if (intent === 'verify-code') {
    const result = await apiJson(context, '/api/v1/kyc/phone/verify', {
      method: 'POST',
      json: { code: formText(form, 'code') },
    });
    if (!result.ok) return fail(result);
    return data<KycActionData>({ ok: true, intent });
  }
  if (intent.startsWith('upload:')) {
    const file = form.get('file');
    const kind = intent.slice('upload:'.length);
    if (!(file instanceof File) || file.size === 0) {
      const error = identifierProblemMessages[locale].required;
      return data<KycActionData>({ ok: false, intent, error, fieldErrors: { file: error } }, { status: 422 });
    }
    const { body, contentType } = await multipartFile('file', file);
    const path = `/api/v1/kyc/documents?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), kind })}`;
    const response = await context.api(path, {
      method: 'POST',
      body: body as unknown as BodyInit,
      headers: { 'content-type': contentType },
    });
    if (!response.ok) {
      const problem = (await response.json()) as Problem;
      return fail({ ok: false, status: response.status, problem, headers: response.headers });
    }
    return data<KycActionData>({ ok: true, intent });
  }
  if (intent === 'submit') {
    const result = await apiJson(context, api('/submit'), { method: 'POST' });
    if (!result.ok) return fail(result);
    return data<KycActionData>({ ok: true, intent });
  }
  return data<KycActionData>({ ok: false, intent, error: 'Unknown action', fieldErrors: {} }, { status: 400 });
}

export default function KycWizard({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { profile, query, step, teamName } = loaderData;
  const steps = wizardSteps[profile.kind];
  const current = steps[step] ?? steps[0];
  const failure = actionData && !actionData.ok ? actionData : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  const editable = ['draft', 'needs_info', 'rejected'].includes(profile.status);
  const bankOnly = profile.status === 'approved';
  const successByIntent: Record<string, string> = {
    'send-code': t('kyc.phone.sent', { phone: actionData?.ok ? (actionData.sentTo ?? '') : '' }),
    'verify-code': t('kyc.phone.verifiedToast'),
    submit: t('kyc.submitted'),
  };
  useFeedbackToast(actionData, {
    errorTitle: t('kyc.errorTitle'),
    successMessage: actionData?.ok
      ? (successByIntent[actionData.intent] ??
        (actionData.intent.startsWith('upload:') ? t('kyc.documents.sent') : undefined))
      : undefined,
  });
  const stepLink = (index: number) =>
    `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), step: steps[index]?.id ?? '' })}`;
  const next = steps[step + 1]?.id ?? 'review';
  const fieldsEditable = editable || (bankOnly && current?.id === 'bank');

  return (
    <Stack gap="lg" maw={880}>
      <PageTitle>{t('kyc.title')}</PageTitle>
      <div>
        <Title order={1}>{t('kyc.title')}</Title>
        <Text c="dimmed" mt={4}>
          {teamName ? t('kyc.companyIntro', { name: teamName }) : t('kyc.intro')}
        </Text>
      </div>
      <StatusPanel profile={profile} query={query} />
      <Stepper
        active={step}
        onStepClick={(index) => navigate(stepLink(index))}
        size="sm"
        wrap
        allowNextStepsSelect
        aria-label={t('kyc.title')}
      >
        {steps.map((candidate) => (
          <Stepper.Step key={candidate.id} label={t(`kyc.steps.${candidate.id}`)} />
        ))}
      </Stepper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        {current && current.fields.length > 0 ? (
          <Form
            method="post"
            key={`${current.id}-${profile.status}-${JSON.stringify(profile.data)}-${failure ? 'failed' : ''}`}
          >
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="next" value={next} />
            <Stack gap="sm">
              {current.id === 'bank' && bankOnly ? (
                <Text size="sm" c="orange">
                  {t('kyc.bankChangeWarning')}
                </Text>
              ) : null}
              {current.fields.map((field) => (
                <KycFieldInput
                  key={field}
                  field={field}
                  defaultValue={failure?.values?.[field] ?? profile.data[field] ?? ''}
                  serverError={fieldErrors[field]}
                  disabled={!fieldsEditable}
                  required={field !== 'autoEntrepreneurNumber'}
                />
              ))}
              <Group justify="space-between" mt="sm">
                {step > 0 ? (
                  <Button component={Link} to={stepLink(step - 1)} variant="default">
                    {t('kyc.actions.back')}
                  </Button>
                ) : (
                  <span />
                )}
                {fieldsEditable ? (
                  <SubmitButton>{t('kyc.actions.saveAndContinue')}</SubmitButton>
                ) : (
                  <Button component={Link} to={stepLink(step + 1)}>
                    {t('kyc.actions.next')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Form>
        ) : null}
        {current?.id === 'phone' ? (
          <PhoneStep
            verifiedNumber={profile.phone.verifiedAt ? profile.phone.number : null}
            sentTo={actionData?.ok && actionData.intent === 'send-code' ? (actionData.sentTo ?? null) : null}
            fieldErrors={fieldErrors}
            disabled={!editable}
          />
        ) : null}
        {current?.id === 'documents' ? (
          <DocumentsStep
            kind={profile.kind}
            documents={profile.documents}
            missing={profile.missing}
            fieldErrors={fieldErrors}
            failedKind={failure?.intent.startsWith('upload:') ? failure.intent.slice(7) : null}
            disabled={!editable}
          />
        ) : null}
        {current?.id === 'review' ? (
          <Stack gap="md">
            {profile.missing.length === 0 && editable ? <Text>{t('kyc.nothingMissing')}</Text> : null}
            <Form method="post">
              <SubmitButton name="intent" value="submit" disabled={!editable || profile.missing.length > 0}>
                {t('kyc.actions.submit')}
              </SubmitButton>
            </Form>
            {profile.id ? (
              <Anchor href={`/api/v1/kyc/export${query ? `?${query}` : ''}`} download size="sm">
                {t('kyc.actions.export')}
              </Anchor>
            ) : null}
          </Stack>
        ) : null}
        {current && current.fields.length === 0 && current.id !== 'review' ? (
          <Group justify="space-between" mt="lg">
            <Button component={Link} to={stepLink(step - 1)} variant="default">
              {t('kyc.actions.back')}
            </Button>
            <Button component={Link} to={stepLink(step + 1)}>
              {t('kyc.actions.next')}
            </Button>
          </Group>
        ) : null}
      </Paper>
    </Stack>
  );
}
