import { Alert, Anchor, Divider, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type AccountType, accountTypes, passwordMinLength } from '@souk/contracts/identity';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { ResendVerificationForm } from '../components/resend-verification-form';
import { SubmitButton } from '../components/submit-button';
import { apiJson, fieldErrorsOf, forwardedCookies } from '../lib/api.server';
import { formSecret, formText, problemMessage } from '../lib/auth-feedback.server';
import { afterEmailVerified } from '../lib/auth-paths';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { getViewer } from '../lib/session.server';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import type { Route } from './+types/sign-up';

type SignUpValues = { name: string; email: string; accountType: AccountType | ''; referralCode: string };

/** A referral code as links carry it (`/join/<code>` lands here with `?ref=`); anything else is dropped. */
function referralCodeOf(value: string | null | undefined): string {
  return value && /^[A-Za-z0-9]{4,16}$/.test(value) ? value.toUpperCase() : '';
}
type SignUpResult =
  | { ok: true; email: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: SignUpValues };

export async function loader({ context, request }: Route.LoaderArgs) {
  if (await getViewer(context)) throw redirect('/dashboard');
  // A guest's order page offers an account with the name and address given at checkout.
  const url = new URL(request.url);
  const prefill: SignUpValues = {
    name: url.searchParams.get('name')?.slice(0, 120) ?? '',
    email: url.searchParams.get('email')?.slice(0, 254) ?? '',
    accountType: '',
    referralCode: referralCodeOf(url.searchParams.get('ref')),
  };
  return { prefill };
}

/**
 * The API answers a taken address exactly like a new one (no account enumeration) and opens no
 * session: either way the next step is the link in the mail.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const accountType = accountTypes.find((type) => type === form.get('accountType')) ?? '';
  const values: SignUpValues = {
    name: formText(form, 'name'),
    email: formText(form, 'email'),
    accountType,
    referralCode: referralCodeOf(formText(form, 'referralCode')),
  };
  const password = formSecret(form, 'password');

  const fieldErrors: Record<string, string> = {};
  if (!values.name) fieldErrors.name = text.auth.required;
  if (!values.email) fieldErrors.email = text.auth.required;
  if (!password) fieldErrors.password = text.auth.required;
  if (!accountType) fieldErrors.accountType = text.auth.required;
  if (Object.keys(fieldErrors).length > 0) {
    return data<SignUpResult>({ ok: false, error: text.signIn.required, fieldErrors, values }, { status: 400 });
  }

  const result = await apiJson(context, '/api/auth/sign-up/email', {
    method: 'POST',
    json: {
      name: values.name,
      email: values.email,
      password,
      accountType,
      locale,
      callbackURL: afterEmailVerified,
      ...(values.referralCode ? { referralCode: values.referralCode } : {}),
    },
  });
  if (result.ok) return data<SignUpResult>({ ok: true, email: values.email });
  return data<SignUpResult>(
    { ok: false, error: problemMessage(result, locale), fieldErrors: fieldErrorsOf(result.problem), values },
    { status: result.status, headers: forwardedCookies(result.headers) },
  );
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('signUp.errorTitle') });

  if (actionData?.ok) {
    return (
      <AuthCard title={t('checkEmail.title')}>
        <Text>{t('checkEmail.sentTo', { email: actionData.email })}</Text>
        <Text size="sm" c="dimmed">
          {t('checkEmail.validity')} {t('checkEmail.notReceived')}
        </Text>
        <ResendVerificationForm email={actionData.email} />
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }

  const fieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? loaderData?.prefill;
  return (
    <AuthCard title={t('signUp.title')} intro={t('signUp.intro')}>
      {actionData && (
        <Alert color="red" title={t('signUp.errorTitle')}>
          {actionData.error}
        </Alert>
      )}
      <Form method="post">
        {values?.referralCode && <input type="hidden" name="referralCode" value={values.referralCode} />}
        <Stack gap="md">
          {values?.referralCode && (
            <Text size="sm" c="dimmed" data-testid="referral-code">
              {t('money.referrals.invitedWith', { code: values.referralCode })}
            </Text>
          )}
          <TextInput
            label={t('signUp.name')}
            description={t('signUp.nameHint')}
            name="name"
            autoComplete="name"
            required
            minLength={2}
            maxLength={120}
            defaultValue={values?.name}
            error={fieldErrors.name}
          />
          <TextInput
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="email"
            dir="ltr"
            required
            defaultValue={values?.email}
            error={fieldErrors.email}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            name="password"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            maxLength={200}
            error={fieldErrors.password}
          />
          <Radio.Group
            name="accountType"
            label={t('signUp.accountType')}
            withAsterisk
            defaultValue={values?.accountType || undefined}
            error={fieldErrors.accountType}
          >
            <Stack gap="sm" mt="xs">
              <Radio value="merchant" label={t('signUp.merchant')} description={t('signUp.merchantHint')} required />
              <Radio
                value="influencer"
                label={t('signUp.influencer')}
                description={t('signUp.influencerHint')}
                required
              />
            </Stack>
          </Radio.Group>
          <SubmitButton fullWidth>{t('signUp.submit')}</SubmitButton>
        </Stack>
      </Form>
      <Divider />
      <Text size="sm" ta="center">
        {t('signUp.haveAccount')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('signIn.submit')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
