import { Alert, Anchor, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { formText, problemMessage } from '../lib/auth-feedback.server';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import type { Route } from './+types/forgot-password';

type ForgotResult =
  | { ok: true; email: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; email: string };

/** The mail's link goes through the API, which checks the token and lands on /reset-password. */
const resetPage = '/reset-password';

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const email = formText(form, 'email');
  if (!email) {
    const required = translations[locale].auth.required;
    return data<ForgotResult>({ ok: false, error: required, fieldErrors: { email: required }, email }, { status: 400 });
  }
  // The same answer whether or not the address has an account.
  const result = await apiJson(context, '/api/auth/request-password-reset', {
    method: 'POST',
    json: { email, redirectTo: resetPage },
  });
  if (result.ok) return data<ForgotResult>({ ok: true, email });
  return data<ForgotResult>(
    { ok: false, error: problemMessage(result, locale), fieldErrors: fieldErrorsOf(result.problem), email },
    { status: result.status, headers: forwardedCookies(result.headers) },
  );
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('forgotPassword.errorTitle') });

  if (actionData?.ok) {
    return (
      <AuthCard title={t('forgotPassword.sentTitle')}>
        <Alert color="green">{t('forgotPassword.sent', { email: actionData.email })}</Alert>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('forgotPassword.title')} intro={t('forgotPassword.intro')}>
      {actionData && (
        <Alert color="red" title={t('forgotPassword.errorTitle')}>
          {actionData.error}
        </Alert>
      )}
      <Form method="post">
        <Stack gap="md">
          <TextInput
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="email"
            dir="ltr"
            required
            defaultValue={actionData?.email}
            error={actionData?.fieldErrors.email}
          />
          <SubmitButton fullWidth>{t('forgotPassword.submit')}</SubmitButton>
        </Stack>
      </Form>
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
