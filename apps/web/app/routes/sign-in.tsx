import { Alert, Anchor, Checkbox, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { formSecret, formText, problemMessage } from '../lib/auth-feedback.server';
import { afterEmailVerified, afterSignIn } from '../lib/auth-paths';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { safeRedirectPath } from '../lib/safe-redirect';
import { isTwoFactorMethod, type TwoFactorMethod, twoFactorMethods } from '../lib/two-factor';
import { hasPendingTwoFactor } from '../lib/two-factor.server';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import type { Route } from './+types/sign-in';

const intents = ['password', 'totp', 'backup', 'send-otp', 'otp'] as const;
type Intent = (typeof intents)[number];

type SignInFailure = {
  ok: false;
  intent: Intent;
  error: string;
  fieldErrors: Record<string, string>;
  email?: string;
  /** The account exists but its address is not confirmed: the API has just re-sent the link. */
  notVerified?: boolean;
};

const codeEndpoints: Record<'totp' | 'backup' | 'otp', string> = {
  totp: '/api/auth/two-factor/verify-totp',
  backup: '/api/auth/two-factor/verify-backup-code',
  otp: '/api/auth/two-factor/verify-otp',
};

/** The second step's URL: a real page, so reloading it or going back keeps the person there. */
function secondStepPath(redirectTo: string, method: TwoFactorMethod, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ step: 'two-factor', method, ...extra });
  if (redirectTo !== afterSignIn) query.set('redirectTo', redirectTo);
  return `/sign-in?${query}`;
}

function firstStepPath(redirectTo: string): string {
  return redirectTo === afterSignIn ? '/sign-in' : `/sign-in?${new URLSearchParams({ redirectTo })}`;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'), afterSignIn);
  const me = await apiJson<Me>(context, '/api/v1/me');
  if (me.ok) throw redirect(redirectTo);

  // The second step needs the API's pending cookie; without it (expired, other browser) the
  // codes cannot work, so the person starts again with their password.
  const wantsSecondStep = url.searchParams.get('step') === 'two-factor';
  const pending = hasPendingTwoFactor(request);
  const method = url.searchParams.get('method');
  return {
    redirectTo,
    step: wantsSecondStep && pending ? ('two-factor' as const) : ('password' as const),
    method: isTwoFactorMethod(method) ? method : ('totp' as const),
    expired: wantsSecondStep && !pending,
    emailCodeSent: url.searchParams.get('sent') === '1',
    passwordReset: url.searchParams.get('notice') === 'password-reset',
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const requestedIntent = form.get('intent');
  const intent: Intent = intents.find((candidate) => candidate === requestedIntent) ?? 'password';
  const redirectTo = safeRedirectPath(form.get('redirectTo'), afterSignIn);

  if (intent === 'password') {
    const email = formText(form, 'email');
    const password = formSecret(form, 'password');
    if (!email || !password) {
      const fieldErrors: Record<string, string> = {};
      if (!email) fieldErrors.email = text.signIn.required;
      if (!password) fieldErrors.password = text.signIn.required;
      return data<SignInFailure>(
        { ok: false, intent, error: text.signIn.missingFields, fieldErrors, email },
        { status: 400 },
      );
    }
    const result = await apiJson<{ twoFactorRedirect?: boolean }>(context, '/api/auth/sign-in/email', {
      method: 'POST',
      json: { email, password, callbackURL: afterEmailVerified },
    });
    // Either the session cookie (done) or the pending second-step cookie: both go to the browser.
    if (result.ok) {
      const next = result.data?.twoFactorRedirect ? secondStepPath(redirectTo, 'totp') : redirectTo;
      return redirect(next, { headers: forwardedCookies(result.headers) });
    }
    // A generic 401 ("sign in to continue") would read as nonsense on the sign-in page.
    const error =
      result.problem.code === 'unauthenticated' ? text.signIn.invalidCredentials : problemMessage(result, locale);
    return data<SignInFailure>(
      {
        ok: false,
        intent,
        error,
        fieldErrors: fieldErrorsOf(result.problem),
        email,
        notVerified: result.problem.code === 'email_not_verified',
      },
      { status: result.status, headers: forwardedCookies(result.headers) },
    );
  }

  if (intent === 'send-otp') {
    const result = await apiJson(context, '/api/auth/two-factor/send-otp', { method: 'POST', json: {} });
    if (result.ok) {
      return redirect(secondStepPath(redirectTo, 'email', { sent: '1' }), {
        headers: forwardedCookies(result.headers),
      });
    }
    return data<SignInFailure>(
      { ok: false, intent, error: problemMessage(result, locale), fieldErrors: {} },
      { status: result.status, headers: forwardedCookies(result.headers) },
    );
  }

  // Authenticator codes are typed or pasted with spaces ("123 456"); backup codes are exact.
  const code = intent === 'backup' ? formText(form, 'code') : formText(form, 'code').replace(/\s+/g, '');
  if (!code) {
    return data<SignInFailure>(
      { ok: false, intent, error: text.auth.required, fieldErrors: { code: text.auth.required } },
      { status: 400 },
    );
  }
  const trustDevice = form.get('trustDevice') === 'on';
  const result = await apiJson(context, codeEndpoints[intent], {
    method: 'POST',
    json: intent === 'backup' ? { code } : { code, trustDevice },
  });
  if (result.ok) return redirect(redirectTo, { headers: forwardedCookies(result.headers) });
  const error = problemMessage(result, locale);
  return data<SignInFailure>(
    { ok: false, intent, error, fieldErrors: result.problem.code === 'invalid_code' ? { code: error } : {} },
    { status: result.status, headers: forwardedCookies(result.headers) },
  );
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('signIn.errorTitle') });
  if (loaderData.step === 'two-factor') {
    return (
      <SecondStep
        method={loaderData.method}
        redirectTo={loaderData.redirectTo}
        emailCodeSent={loaderData.emailCodeSent}
        failure={actionData}
      />
    );
  }
  return <PasswordStep loaderData={loaderData} failure={actionData} />;
}

function PasswordStep({
  loaderData,
  failure,
}: {
  loaderData: Route.ComponentProps['loaderData'];
  failure: SignInFailure | undefined;
}) {
  const { t } = useTranslation();
  const fieldErrors = failure?.fieldErrors ?? {};

  return (
    <AuthCard title={t('signIn.title')} intro={t('signIn.intro')}>
      {loaderData.passwordReset && !failure && <Alert color="green">{t('signIn.passwordResetDone')}</Alert>}
      {loaderData.expired && !failure && <Alert color="yellow">{t('signIn.twoFactorExpired')}</Alert>}
      {failure && (
        <Alert color="red" title={t('signIn.errorTitle')}>
          <Stack gap={4}>
            <span>{failure.error}</span>
            {failure.notVerified && (
              <Anchor component={Link} to="/verify-email" size="sm">
                {t('signIn.notVerifiedHelp')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      <Form method="post">
        <Stack gap="md">
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextInput
            label={t('signIn.email')}
            name="email"
            type="email"
            autoComplete="email"
            dir="ltr"
            required
            defaultValue={failure?.email}
            error={fieldErrors.email}
          />
          <div>
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              error={fieldErrors.password}
            />
            <Group justify="flex-end" mt={6}>
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('signIn.forgotPassword')}
              </Anchor>
            </Group>
          </div>
          <SubmitButton fullWidth>{t('signIn.submit')}</SubmitButton>
        </Stack>
      </Form>
      <Divider />
      <Text size="sm" ta="center">
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to="/sign-up">
          {t('signIn.createAccount')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}

interface SecondStepProps {
  method: TwoFactorMethod;
  redirectTo: string;
  emailCodeSent: boolean;
  failure: SignInFailure | undefined;
}

const methodLinkKeys = {
  totp: 'signIn.useAuthenticator',
  backup: 'signIn.useBackupCode',
  email: 'signIn.useEmailCode',
} as const;

function SecondStep({ method, redirectTo, emailCodeSent, failure }: SecondStepProps) {
  const { t } = useTranslation();
  const intro =
    method === 'totp' ? t('signIn.totpIntro') : method === 'backup' ? t('signIn.backupIntro') : t('signIn.emailIntro');
  const codeIntent = method === 'totp' ? 'totp' : method === 'backup' ? 'backup' : 'otp';
  const codeError = failure?.intent === codeIntent ? failure.fieldErrors.code : undefined;
  const showCodeForm = method !== 'email' || emailCodeSent || failure?.intent === 'otp';

  return (
    <AuthCard title={t('signIn.twoFactorTitle')} intro={intro}>
      {failure && (
        <Alert color="red" title={t('signIn.errorTitle')}>
          {failure.error}
        </Alert>
      )}
      {method === 'email' && emailCodeSent && !failure && <Alert color="green">{t('signIn.emailCodeSent')}</Alert>}

      {showCodeForm && (
        <Form method="post">
          <Stack gap="md">
            <input type="hidden" name="intent" value={codeIntent} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <TextInput
              label={method === 'backup' ? t('signIn.backupCode') : t('signIn.code')}
              name="code"
              required
              dir="ltr"
              autoComplete={method === 'backup' ? 'off' : 'one-time-code'}
              inputMode={method === 'backup' ? 'text' : 'numeric'}
              spellCheck={false}
              autoCapitalize="off"
              maxLength={method === 'backup' ? 40 : 12}
              error={codeError}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
            />
            {method !== 'backup' && <Checkbox name="trustDevice" label={t('signIn.trustDevice')} />}
            <SubmitButton fullWidth name="intent" value={codeIntent}>
              {t('signIn.verify')}
            </SubmitButton>
          </Stack>
        </Form>
      )}

      {method === 'email' && (
        <Form method="post">
          <input type="hidden" name="intent" value="send-otp" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <SubmitButton fullWidth variant={showCodeForm ? 'subtle' : 'filled'} name="intent" value="send-otp">
            {showCodeForm ? t('signIn.resendEmailCode') : t('signIn.sendEmailCode')}
          </SubmitButton>
        </Form>
      )}

      <Divider label={t('signIn.otherMethods')} labelPosition="center" />
      <Stack gap="xs" align="center">
        {twoFactorMethods
          .filter((other) => other !== method)
          .map((other) => (
            <Anchor key={other} component={Link} to={secondStepPath(redirectTo, other)} size="sm">
              {t(methodLinkKeys[other])}
            </Anchor>
          ))}
        <Anchor component={Link} to={firstStepPath(redirectTo)} size="sm" c="dimmed">
          {t('signIn.startOver')}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
