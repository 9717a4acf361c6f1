import { Stack, Title } from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import { isLocale } from '@souk/contracts/locales';
import { useTranslation } from 'react-i18next';
import { data, redirect } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { type ApiFailure, adoptedCookies, apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { formSecret, formText, problemMessage } from '../../../lib/auth-feedback.server';
import { translations } from '../../../lib/i18n';
import { localeCookie, localeOf } from '../../../lib/locale.server';
import { qrCodeSvg } from '../../../lib/qr-code.server';
import { signInPath } from '../../../lib/safe-redirect';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import { describeDevice } from '../../../lib/user-agent';
import type { Route } from './+types/route';
import { type AccountActionData, type AccountIntent, accountIntents, type SessionView } from './account-types';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

const pagePath = '/settings/account';

/** A session as better-auth lists it. */
interface ApiSession {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: string;
  expiresAt: string;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const me = unwrapForPage(await apiJson<Me>(context, '/api/v1/me'), request);
  const [list, current] = await Promise.all([
    apiJson<ApiSession[]>(context, '/api/auth/list-sessions'),
    apiJson<{ session: { token: string } } | null>(context, '/api/auth/get-session'),
  ]);
  const currentToken = current.ok ? current.data?.session.token : undefined;
  const sessions: SessionView[] = unwrapForPage(list, request)
    .map((session) => ({
      id: session.id,
      device: describeDevice(session.userAgent),
      ipAddress: session.ipAddress ?? null,
      createdAt: new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
      current: session.token === currentToken,
    }))
    // This device first, then the newest.
    .sort((a, b) => Number(b.current) - Number(a.current) || b.createdAt.localeCompare(a.createdAt));
  return { me, sessions };
}

async function qrCodeDataUrl(totpURI: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrCodeSvg(totpURI)).toString('base64')}`;
}

/**
 * One action for the page's forms, told apart by `intent`. Several of better-auth's answers
 * (turning two-step verification on or off, changing the password) replace the session: their
 * Set-Cookie headers always go back to the browser, or the next page would be signed out.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const intent = accountIntents.find((candidate) => candidate === form.get('intent'));
  if (!intent) {
    return data<AccountActionData>(
      { ok: false, intent: 'profile', error: text.errors.actionFailed, fieldErrors: {} },
      { status: 400 },
    );
  }

  const succeed = (result: { headers: Headers }, extra: Partial<Extract<AccountActionData, { ok: true }>> = {}) =>
    data<AccountActionData>(
      { ok: true, intent, ...extra },
      { headers: adoptedCookies(context, request, result.headers) },
    );
  const fail = (
    result: ApiFailure,
    options: { fieldErrors?: Record<string, string>; error?: string; setup?: AccountActionData['setup'] } = {},
  ) => {
    // Signed out meanwhile (session expired or revoked elsewhere): sign in again and come back.
    if (result.problem.code === 'unauthenticated') throw redirect(signInPath(pagePath));
    return data<AccountActionData>(
      {
        ok: false,
        intent,
        error: options.error ?? problemMessage(result, locale),
        fieldErrors: options.fieldErrors ?? fieldErrorsOf(result.problem),
        ...(options.setup ? { setup: options.setup } : {}),
      },
      { status: result.status, headers: adoptedCookies(context, request, result.headers) },
    );
  };
  const invalid = (fieldErrors: Record<string, string>, error: string = text.auth.required) =>
    data<AccountActionData>({ ok: false, intent, error, fieldErrors }, { status: 400 });
  /** A wrong password is the API's invalid_credentials, worded for a form that only asks the password. */
  const wrongPassword = (result: ApiFailure, field: string, message: string) =>
    result.problem.code === 'invalid_credentials'
      ? fail(result, { error: message, fieldErrors: { [field]: message } })
      : fail(result);

  switch (intent) {
    case 'profile': {
      const name = formText(form, 'name');
      const requestedLocale = form.get('locale');
      if (!name) return invalid({ name: text.auth.required });
      const newLocale = isLocale(requestedLocale) ? requestedLocale : undefined;
      const result = await apiJson(context, '/api/auth/update-user', {
        method: 'POST',
        json: { name, ...(newLocale ? { locale: newLocale } : {}) },
      });
      if (!result.ok) return fail(result);
      const headers = adoptedCookies(context, request, result.headers);
      // The preferred language is also the site's: switch now, as the language menu does. A
      // fresh page load shows the whole site in it (this request's render is in the old one).
      if (newLocale && newLocale !== locale) {
        headers.append('set-cookie', localeCookie(newLocale, request));
        return redirect(pagePath, { headers });
      }
      return data<AccountActionData>({ ok: true, intent }, { headers });
    }

    case 'email': {
      const newEmail = formText(form, 'newEmail');
      if (!newEmail) return invalid({ newEmail: text.auth.required });
      const result = await apiJson(context, '/api/auth/change-email', {
        method: 'POST',
        json: { newEmail, callbackURL: '/settings/account' },
      });
      if (!result.ok) {
        return fail(result, {
          fieldErrors: { newEmail: fieldErrorsOf(result.problem).newEmail ?? problemMessage(result, locale) },
        });
      }
      return succeed(result);
    }

    case 'password': {
      const currentPassword = formSecret(form, 'currentPassword');
      const newPassword = formSecret(form, 'newPassword');
      const confirmPassword = formSecret(form, 'confirmPassword');
      const missing: Record<string, string> = {};
      if (!currentPassword) missing.currentPassword = text.auth.required;
      if (!newPassword) missing.newPassword = text.auth.required;
      if (Object.keys(missing).length) return invalid(missing);
      if (newPassword !== confirmPassword) {
        return invalid({ confirmPassword: text.auth.passwordMismatch }, text.auth.passwordMismatch);
      }
      const result = await apiJson(context, '/api/auth/change-password', {
        method: 'POST',
        json: { currentPassword, newPassword, revokeOtherSessions: true },
      });
      if (!result.ok) return wrongPassword(result, 'currentPassword', text.accountSettings.password.wrongCurrent);
      return succeed(result);
    }

    case '2fa-enable': {
      const password = formSecret(form, 'password');
      if (!password) return invalid({ password: text.auth.required });
      const result = await apiJson<{ totpURI: string; backupCodes: string[] }>(context, '/api/auth/two-factor/enable', {
        method: 'POST',
        json: { password },
      });
      if (!result.ok) return wrongPassword(result, 'password', text.accountSettings.twoFactor.wrongPassword);
      const { totpURI, backupCodes } = result.data;
      return succeed(result, { setup: { qrCode: await qrCodeDataUrl(totpURI), totpURI, backupCodes } });
    }

    case '2fa-confirm': {
      // The setup travels with the form (it is the visitor's own), so a wrong code can show it again.
      const totpURI = formText(form, 'totpURI');
      const backupCodes = form.getAll('backupCode').filter((code): code is string => typeof code === 'string');
      if (!totpURI.startsWith('otpauth://totp/')) {
        return invalid({}, text.errors.actionFailed);
      }
      const setup = { qrCode: await qrCodeDataUrl(totpURI), totpURI, backupCodes };
      const code = formText(form, 'code').replace(/\s+/g, '');
      if (!code) {
        return data<AccountActionData>(
          { ok: false, intent, error: text.auth.required, fieldErrors: { code: text.auth.required }, setup },
          { status: 400 },
        );
      }
      const result = await apiJson(context, '/api/auth/two-factor/verify-totp', { method: 'POST', json: { code } });
      if (!result.ok) {
        const error = problemMessage(result, locale);
        return fail(result, { error, fieldErrors: { code: error }, setup });
      }
      return succeed(result, { backupCodes });
    }

    case '2fa-disable':
    case '2fa-backup-codes': {
      const password = formSecret(form, 'password');
      if (!password) return invalid({ password: text.auth.required });
      const path =
        intent === '2fa-disable' ? '/api/auth/two-factor/disable' : '/api/auth/two-factor/generate-backup-codes';
      const result = await apiJson<{ backupCodes?: string[] }>(context, path, { method: 'POST', json: { password } });
      if (!result.ok) return wrongPassword(result, 'password', text.accountSettings.twoFactor.wrongPassword);
      return succeed(result, result.data?.backupCodes ? { backupCodes: result.data.backupCodes } : {});
    }

    case 'revoke-session': {
      // The page knows sessions by id; the API revokes by token, which never leaves the server.
      const sessionId = formText(form, 'sessionId');
      const list = await apiJson<ApiSession[]>(context, '/api/auth/list-sessions');
      if (!list.ok) return fail(list);
      const session = list.data.find((candidate) => candidate.id === sessionId);
      if (!session) {
        return data<AccountActionData>(
          { ok: false, intent, error: text.accountSettings.sessions.notFound, fieldErrors: {} },
          { status: 404 },
        );
      }
      const result = await apiJson(context, '/api/auth/revoke-session', {
        method: 'POST',
        json: { token: session.token },
      });
      return result.ok ? succeed(result) : fail(result);
    }

    case 'revoke-other-sessions': {
      const result = await apiJson(context, '/api/auth/revoke-other-sessions', { method: 'POST', json: {} });
      return result.ok ? succeed(result) : fail(result);
    }
  }
}

export default function AccountSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const successMessages: Record<AccountIntent, string | undefined> = {
    profile: t('accountSettings.profile.saved'),
    email: t('accountSettings.profile.emailChangeSent'),
    password: t('accountSettings.password.changed'),
    '2fa-enable': undefined,
    '2fa-confirm': t('accountSettings.twoFactor.enabled'),
    '2fa-disable': t('accountSettings.twoFactor.disabled'),
    '2fa-backup-codes': t('accountSettings.twoFactor.newCodesReady'),
    'revoke-session': t('accountSettings.sessions.revoked'),
    'revoke-other-sessions': t('accountSettings.sessions.othersRevoked'),
  };
  useFeedbackToast(actionData, {
    errorTitle: t('accountSettings.errorTitle'),
    successMessage: actionData ? successMessages[actionData.intent] : undefined,
  });

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{t('accountSettings.title')}</PageTitle>
      <Title order={1}>{t('accountSettings.title')}</Title>
      <ProfileSection me={loaderData.me} actionData={actionData} successMessages={successMessages} />
      <PasswordSection actionData={actionData} successMessage={successMessages.password} />
      <TwoFactorSection me={loaderData.me} actionData={actionData} successMessages={successMessages} />
      <SessionsSection sessions={loaderData.sessions} actionData={actionData} successMessages={successMessages} />
    </Stack>
  );
}
