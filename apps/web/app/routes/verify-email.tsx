import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { ResendVerificationForm } from '../components/resend-verification-form';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { formText, problemMessage } from '../lib/auth-feedback.server';
import { afterEmailVerified, type ResendResult } from '../lib/auth-paths';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { getViewer } from '../lib/session.server';
import type { Route } from './+types/verify-email';

/**
 * "Check your inbox", and a way to get a new link. The links themselves go to the API
 * (/api/auth/verify-email), which redirects to the dashboard, or back here with ?error= when the
 * link is no longer valid.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const viewer = await getViewer(context);
  return {
    invalidLink: url.searchParams.has('error'),
    verifiedEmail: viewer?.emailVerified ? viewer.email : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const email = formText(form, 'email');
  if (!email) {
    const required = translations[locale].auth.required;
    return data<ResendResult>({ ok: false, error: required, fieldErrors: { email: required }, email }, { status: 400 });
  }
  // The same answer whether or not the address has an account waiting: nothing to enumerate.
  const result = await apiJson(context, '/api/auth/send-verification-email', {
    method: 'POST',
    json: { email, callbackURL: afterEmailVerified },
  });
  if (result.ok) return data<ResendResult>({ ok: true, email });
  return data<ResendResult>(
    { ok: false, error: problemMessage(result, locale), fieldErrors: fieldErrorsOf(result.problem), email },
    { status: result.status, headers: forwardedCookies(result.headers) },
  );
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();

  if (loaderData.verifiedEmail) {
    return (
      <AuthCard title={t('verifyEmail.title')}>
        <Alert color="green">{t('verifyEmail.alreadyVerified', { email: loaderData.verifiedEmail })}</Alert>
        <Button component={Link} to="/dashboard">
          {t('verifyEmail.toDashboard')}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('verifyEmail.title')} intro={t('verifyEmail.intro')}>
      {loaderData.invalidLink && <Alert color="yellow">{t('verifyEmail.invalidLink')}</Alert>}
      <Text size="sm">{t('checkEmail.validity')}</Text>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('verifyEmail.resendTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('checkEmail.notReceived')}
        </Text>
      </Stack>
      <ResendVerificationForm fallback={actionData} />
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
