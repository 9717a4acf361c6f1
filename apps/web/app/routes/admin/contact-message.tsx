import { Alert, Anchor, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ContactMessageView } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/contact-message';
import { ContactStateBadge } from './contact-state-badge';

type MessageActionData =
  | { ok: true; intent: 'reply' | 'handled' }
  | { ok: false; intent: 'reply' | 'handled'; error: string; fieldErrors: Record<string, string>; body: string };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const path = `/api/v1/site/admin/messages/${encodeURIComponent(params.id)}`;
  return { message: unwrapForPage(await apiJson<ContactMessageView>(context, path), request) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get('intent') === 'handled' ? 'handled' : 'reply';
  const base = `/api/v1/site/admin/messages/${encodeURIComponent(params.id)}`;
  const body = formText(form, 'body');
  const result =
    intent === 'reply'
      ? await apiJson(context, `${base}/replies`, { method: 'POST', json: { body } })
      : await apiJson(context, `${base}/handled`, { method: 'PUT', json: { handled: form.get('handled') === 'true' } });
  if (result.ok) return data<MessageActionData>({ ok: true, intent });
  if (result.problem.code === 'unauthenticated') throw redirect(signInPath(`/admin/messages/${params.id}`));
  return data<MessageActionData>(
    {
      ok: false,
      intent,
      error: problemMessage(result, localeOf(request)),
      fieldErrors: fieldErrorsOf(result.problem),
      body,
    },
    { status: result.status },
  );
}

export default function ContactMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { message } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('siteAdmin.errorTitle'),
    successMessage: actionData?.ok
      ? actionData.intent === 'reply'
        ? t('siteAdmin.replySent')
        : t('siteAdmin.stateChanged')
      : undefined,
  });
  const failure = actionData && !actionData.ok ? actionData : null;
  const title = t('siteAdmin.messageTitle', { name: message.name });
  return (
    <Stack gap="lg" maw={860}>
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to="/admin/messages" size="sm">
        {t('siteAdmin.backToInbox')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            <span dir="ltr">{message.email}</span> · {t(`contact.subjects.${message.subject}`)} · {message.locale} ·{' '}
            <Timestamp value={message.createdAt} />
          </Text>
        </Stack>
        <ContactStateBadge message={message} />
      </Group>
      <Card withBorder padding="lg">
        <Text style={{ whiteSpace: 'pre-line' }} data-testid="contact-message-body">
          {message.message}
        </Text>
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="thread-title">
        <Title order={2} size="h4" id="thread-title">
          {t('siteAdmin.thread')}
        </Title>
        {message.replies.length === 0 ? (
          <Text c="dimmed">{t('siteAdmin.noReplies')}</Text>
        ) : (
          message.replies.map((reply) => (
            <Card key={reply.id} withBorder padding="md" bg="gray.0">
              <Text size="xs" c="dimmed" mb={4}>
                <Timestamp value={reply.createdAt} />
              </Text>
              <Text style={{ whiteSpace: 'pre-line' }}>{reply.body}</Text>
            </Card>
          ))
        )}
      </Stack>
      {failure && (
        <Alert color="red" title={t('siteAdmin.errorTitle')}>
          {failure.error}
        </Alert>
      )}
      <Form method="post">
        <Stack gap="sm">
          <Textarea
            label={t('siteAdmin.replyLabel')}
            name="body"
            required
            autosize
            minRows={4}
            maxLength={10_000}
            defaultValue={failure?.intent === 'reply' ? failure.body : ''}
            key={message.replies.length}
            error={failure?.fieldErrors.body}
          />
          <Group>
            <SubmitButton name="intent" value="reply">
              {t('siteAdmin.sendReply')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
      <Form method="post">
        <input type="hidden" name="handled" value={message.handledAt ? 'false' : 'true'} />
        <SubmitButton name="intent" value="handled" variant="default">
          {message.handledAt ? t('siteAdmin.reopen') : t('siteAdmin.markHandled')}
        </SubmitButton>
      </Form>
    </Stack>
  );
}
