import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import type { ActionFeedback } from '../../lib/action-feedback';
import { apiJson } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { localeOf } from '../../lib/locale.server';
import type { Route } from './+types/token-page';

type Purpose = 'confirm' | 'unsubscribe';

function purposeOf(request: Request): Purpose {
  return new URL(request.url).pathname.endsWith('/unsubscribe') ? 'unsubscribe' : 'confirm';
}

export async function loader({ request }: Route.LoaderArgs) {
  return { purpose: purposeOf(request), token: new URL(request.url).searchParams.get('token') ?? '' };
}

/**
 * Following the mailed link shows a button rather than acting at once: mail scanners open links
 * by themselves, and a person's click is what consent means.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const purpose = purposeOf(request);
  const result = await apiJson(context, `/api/v1/site/newsletter/${purpose}`, {
    method: 'POST',
    json: { token: formText(form, 'token') },
  });
  if (result.ok) return data<ActionFeedback>({ ok: true });
  return data<ActionFeedback>(
    { ok: false, error: problemMessage(result, localeOf(request)) },
    { status: result.status },
  );
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export default function NewsletterTokenPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { purpose, token } = loaderData;
  const title = purpose === 'confirm' ? t('newsletter.confirmTitle') : t('newsletter.unsubscribeTitle');
  return (
    <Stack gap="md" maw={560}>
      <PageTitle>{title}</PageTitle>
      <Title order={1}>{title}</Title>
      {actionData?.ok ? (
        <Alert color="green" role="status">
          {purpose === 'confirm' ? t('newsletter.confirmed') : t('newsletter.unsubscribed')}
        </Alert>
      ) : !token ? (
        <Alert color="red">{t('newsletter.missingToken')}</Alert>
      ) : (
        <>
          {actionData && (
            <Alert color="red" title={t('newsletter.errorTitle')}>
              {actionData.error}
            </Alert>
          )}
          <Text>{purpose === 'confirm' ? t('newsletter.confirmText') : t('newsletter.unsubscribeText')}</Text>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton color={purpose === 'confirm' ? undefined : 'red'}>
              {purpose === 'confirm' ? t('newsletter.confirmButton') : t('newsletter.unsubscribeButton')}
            </SubmitButton>
          </Form>
        </>
      )}
      <Anchor component={Link} to="/">
        {t('newsletter.backHome')}
      </Anchor>
    </Stack>
  );
}
