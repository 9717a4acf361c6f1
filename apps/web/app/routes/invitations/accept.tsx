import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { apiJson } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { getViewer } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/accept';

const pagePath = '/invitations/accept';

type Reason = 'invalid' | 'wrongAccount' | 'alreadyMember' | 'other';
type AcceptActionData = { ok: false; error: string; reason: Reason };

function returnPath(token: string): string {
  return token ? `${pagePath}?${new URLSearchParams({ token })}` : pagePath;
}

/** Opening the link never joins by itself (mail scanners open links too): the button does. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token')?.trim() ?? '';
  const viewer = await getViewer(context);
  if (!viewer) throw redirect(signInPath(returnPath(token)));
  return { token, email: viewer.email };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale].invitation;
  const token = formText(form, 'token');
  const fail = (reason: Reason, error: string, status: number) =>
    data<AcceptActionData>({ ok: false, reason, error }, { status });
  if (!token) return fail('invalid', text.missingToken, 400);

  const result = await apiJson<{ teamId: string; role: string }>(context, '/api/v1/invitations/accept', {
    method: 'POST',
    json: { token },
  });
  if (result.ok) throw redirect(`/settings/team?${new URLSearchParams({ team: result.data.teamId, joined: '1' })}`);
  const { code } = result.problem;
  if (code === 'unauthenticated') throw redirect(signInPath(returnPath(token)));
  // A malformed token fails validation before the API looks it up: to the person it is the same bad link.
  if (code === 'invalid_token' || code === 'validation_failed') return fail('invalid', text.invalid, result.status);
  if (code === 'forbidden') return fail('wrongAccount', text.wrongAccount, result.status);
  if (code === 'conflict') return fail('alreadyMember', text.alreadyMember, result.status);
  return fail('other', problemMessage(result, locale), result.status);
}

export default function AcceptInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { token, email } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('invitation.errorTitle') });
  const reason = actionData?.reason;

  return (
    <Stack gap="lg" maw={560} mx="auto" w="100%">
      <PageTitle>{t('invitation.title')}</PageTitle>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Title order={1}>{t('invitation.title')}</Title>
          {!token ? (
            <Alert color="red">{t('invitation.missingToken')}</Alert>
          ) : (
            <>
              <Text>{t('invitation.intro')}</Text>
              <Text size="sm" c="dimmed">
                {t('invitation.signedInAs', { email })}
              </Text>
              {actionData && (
                <Alert color="red" title={t('invitation.errorTitle')} role="alert">
                  {actionData.error}
                </Alert>
              )}
              {reason === 'wrongAccount' ? (
                <Form method="post" action="/sign-out">
                  <Button type="submit" variant="default">
                    {t('invitation.signOut')}
                  </Button>
                </Form>
              ) : reason === 'alreadyMember' ? (
                <Group>
                  <Button component={Link} to="/settings/team">
                    {t('invitation.goToTeam')}
                  </Button>
                </Group>
              ) : reason === 'invalid' ? null : (
                <Form method="post" action={returnPath(token)}>
                  <input type="hidden" name="token" value={token} />
                  <SubmitButton action={returnPath(token)}>{t('invitation.join')}</SubmitButton>
                </Form>
              )}
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
