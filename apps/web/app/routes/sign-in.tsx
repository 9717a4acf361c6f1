import { Alert, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { PageTitle } from '../components/page-title';
import { SubmitButton } from '../components/submit-button';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { safeRedirectPath } from '../lib/safe-redirect';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import type { Route } from './+types/sign-in';

const afterSignIn = '/dashboard';

type SignInFailure = { ok: false; error: string; fieldErrors: Record<string, string>; email: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), afterSignIn);
  const me = await apiJson<Me>(context, '/api/v1/me');
  if (me.ok) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const redirectTo = safeRedirectPath(form.get('redirectTo'), afterSignIn);
  const text = translations[localeOf(request)].signIn;

  if (!email || !password) {
    const fieldErrors: Record<string, string> = {};
    if (!email) fieldErrors.email = text.required;
    if (!password) fieldErrors.password = text.required;
    return data<SignInFailure>({ ok: false, error: text.missingFields, fieldErrors, email }, { status: 400 });
  }

  const result = await apiJson(context, '/api/auth/sign-in/email', { method: 'POST', json: { email, password } });
  if (result.ok) return redirect(redirectTo, { headers: forwardedCookies(result.headers) });

  // The API says invalid_credentials itself; a generic 401 ("sign in to continue") would read as
  // nonsense on the sign-in page, so it is reworded.
  const error = result.problem.code === 'unauthenticated' ? text.invalidCredentials : result.problem.title;
  return data<SignInFailure>(
    { ok: false, error, fieldErrors: fieldErrorsOf(result.problem), email },
    { status: result.status },
  );
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('signIn.errorTitle') });
  const fieldErrors = actionData?.fieldErrors ?? {};

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={440} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('signIn.intro')}
          </Text>
        </div>
        {actionData && (
          <Alert color="red" title={t('signIn.errorTitle')}>
            {actionData.error}
          </Alert>
        )}
        <Form method="post">
          <Stack gap="md">
            <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
            <TextInput
              label={t('signIn.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={actionData?.email}
              error={fieldErrors.email}
            />
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              error={fieldErrors.password}
            />
            <SubmitButton fullWidth>{t('signIn.submit')}</SubmitButton>
          </Stack>
        </Form>
      </Stack>
    </Paper>
  );
}
