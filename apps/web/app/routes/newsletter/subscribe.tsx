import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import type { ActionFeedback } from '../../lib/action-feedback';
import { apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { localeOf } from '../../lib/locale.server';
import type { Route } from './+types/subscribe';

/** The footer form's target. With JavaScript the footer shows the answer; without, this page does. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await apiJson(context, '/api/v1/site/newsletter/subscriptions', {
    method: 'POST',
    json: { email: formText(form, 'email'), website: formText(form, 'website') || undefined },
  });
  if (result.ok) return data<ActionFeedback>({ ok: true });
  return data<ActionFeedback>(
    { ok: false, error: problemMessage(result, localeOf(request)), fieldErrors: fieldErrorsOf(result.problem) },
    { status: result.status },
  );
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export default function NewsletterSubscribe({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={560}>
      <PageTitle>{t('siteFooter.newsletterTitle')}</PageTitle>
      <Title order={1}>{actionData?.ok === false ? t('siteFooter.errorTitle') : t('newsletter.sentTitle')}</Title>
      {actionData?.ok === false ? (
        <Alert color="red">{actionData.error}</Alert>
      ) : (
        <Alert color="green">{t('newsletter.sentText')}</Alert>
      )}
      <Anchor component={Link} to="/">
        {t('newsletter.backHome')}
      </Anchor>
    </Stack>
  );
}
