import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { passwordMinLength } from '@souk/contracts/identity';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { formSecret, formText, problemMessage } from '../lib/auth-feedback.server';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import type { Route } from './+types/reset-password';

type ResetFailure = { ok: false; error: string; fieldErrors: Record<string, string>; invalidToken: boolean };

/** Reached from the mail's link through the API: `?token=…`, or `?error=INVALID_TOKEN`. */
export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get('token') ?? '';
  return { token, invalid: !token || url.searchParams.has('error') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const token = formText(form, 'token');
  const newPassword = formSecret(form, 'newPassword');
  const confirmPassword = formSecret(form, 'confirmPassword');

  if (!newPassword || newPassword !== confirmPassword) {
    const message = newPassword ? text.auth.passwordMismatch : text.auth.required;
    const fieldErrors: Record<string, string> = { [newPassword ? 'confirmPassword' : 'newPassword']: message };
    return data<ResetFailure>({ ok: false, error: message, fieldErrors, invalidToken: false }, { status: 400 });
  }
  const result = await apiJson(context, '/api/auth/reset-password', { method: 'POST', json: { newPassword, token } });
  // Every session was closed with the old password: the person signs in with the new one.
  if (result.ok) return redirect('/sign-in?notice=password-reset', { headers: forwardedCookies(result.headers) });
  return data<ResetFailure>(
    {
      ok: false,
      error: problemMessage(result, locale),
      fieldErrors: fieldErrorsOf(result.problem),
      invalidToken: result.problem.code === 'invalid_token',
    },
    { status: result.status, headers: forwardedCookies(result.headers) },
  );
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('resetPassword.errorTitle') });

  if (loaderData.invalid || actionData?.invalidToken) {
    return (
      <AuthCard title={t('resetPassword.invalidTitle')}>
        <Alert color="yellow">{t('resetPassword.invalidLink')}</Alert>
        <Button component={Link} to="/forgot-password">
          {t('resetPassword.requestNew')}
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }

  const fieldErrors = actionData?.fieldErrors ?? {};
  return (
    <AuthCard title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      {actionData && (
        <Alert color="red" title={t('resetPassword.errorTitle')}>
          {actionData.error}
        </Alert>
      )}
      <Form method="post">
        <Stack gap="md">
          <input type="hidden" name="token" value={loaderData.token} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            name="newPassword"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            maxLength={200}
            error={fieldErrors.newPassword}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            name="confirmPassword"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            maxLength={200}
            error={fieldErrors.confirmPassword}
          />
          <SubmitButton fullWidth>{t('resetPassword.submit')}</SubmitButton>
        </Stack>
      </Form>
    </AuthCard>
  );
}
