import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type socialAnalyticsSchema, templateKinds, type templateSchema } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import type { z } from 'zod';
import { StatCard } from '../../components/affiliation/stat-card';
import { ConfirmSubmit } from '../../components/confirm-submit';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/manager';
import { failed, requireSocialScope, succeeded } from './social.server';
import { ownerParams, scopedPath } from './social-scope';

type Template = z.infer<typeof templateSchema>;
type Analytics = z.infer<typeof socialAnalyticsSchema>;
const templatesPath = '/api/v1/admin/social/templates';
const pagePath = '/admin/social';

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const [templates, analytics] = await Promise.all([
    apiJson<{ items: Template[] }>(context, templatesPath),
    apiJson<Analytics>(context, `/api/v1/social/analytics?${ownerParams(scope)}`),
  ]);
  return {
    scope,
    templates: unwrapForPage(templates, request).items,
    analytics: analytics.ok ? analytics.data : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const words = translations[locale].social.manager;
  await requireSocialScope(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  if (intent === 'delete') {
    const id = formText(form, 'templateId');
    const result = await apiJson(context, `${templatesPath}/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) return failed(result, locale, intent, pagePath, id);
    return succeeded(intent, words.deleted, id);
  }
  const result = await apiJson(context, templatesPath, {
    method: 'POST',
    json: {
      kind: formText(form, 'kind'),
      name: formText(form, 'name'),
      locale: formText(form, 'locale'),
      body: formText(form, 'body'),
      hashtags: formText(form, 'hashtags')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`)),
    },
  });
  if (!result.ok) return failed(result, locale, 'create', pagePath);
  return succeeded('create', words.created);
}

export default function SocialManager({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { scope, templates, analytics } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('social.errorTitle'), successMessage: actionData?.message });
  const fieldErrors =
    actionData && !actionData.ok && actionData.intent === 'create' ? (actionData.fieldErrors ?? {}) : {};
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.manager.title')}</PageTitle>
      <div>
        <Title order={1}>{t('social.manager.title')}</Title>
        <Text c="dimmed">{t('social.manager.intro')}</Text>
      </div>
      <Group gap="xs">
        <Button component={Link} to={scopedPath(scope, '/compose')}>
          {t('social.nav.compose')}
        </Button>
        <Button component={Link} to={scopedPath(scope, '/calendar')} variant="default">
          {t('social.nav.calendar')}
        </Button>
        <Button component={Link} to={scopedPath(scope, '/accounts')} variant="default">
          {t('social.nav.accounts')}
        </Button>
      </Group>

      <section>
        <Title order={2} size="h4" mb="sm">
          {t('social.manager.analytics')}
        </Title>
        {analytics ? (
          <Stack gap="sm" data-testid="social-analytics">
            <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
              <StatCard label={t('social.postStatus.published')} value={String(analytics.posts.published)} />
              <StatCard label={t('social.postStatus.scheduled')} value={String(analytics.posts.scheduled)} />
              <StatCard label={t('social.postStatus.failed')} value={String(analytics.posts.failed)} />
              <StatCard label={t('social.post.clicks')} value={String(analytics.clicks)} />
              <StatCard label={t('social.post.conversions')} value={String(analytics.conversions)} />
            </SimpleGrid>
            {analytics.byAccount.length > 0 && (
              <Table.ScrollContainer minWidth={320}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('social.post.account')}</Table.Th>
                      <Table.Th>{t('social.postStatus.published')}</Table.Th>
                      <Table.Th>{t('social.post.clicks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {analytics.byAccount.map((row) => (
                      <Table.Tr key={row.accountId}>
                        <Table.Td dir="ltr">
                          {t(`social.provider.${row.provider}`)} · @{row.handle}
                        </Table.Td>
                        <Table.Td>{row.published}</Table.Td>
                        <Table.Td>{row.clicks}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        ) : (
          <Text c="dimmed">{t('social.manager.noAnalytics')}</Text>
        )}
      </section>

      <section>
        <Title order={2} size="h4" mb="sm">
          {t('social.manager.templates')}
        </Title>
        {templates.length === 0 ? (
          <Text c="dimmed" mb="sm">
            {t('social.manager.noTemplates')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
            {templates.map((template) => (
              <Paper key={template.id} withBorder p="md" data-testid="template">
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={600}>{template.name}</Text>
                    <Badge variant="light">{t(`social.templateKind.${template.kind}`)}</Badge>
                    <Badge variant="outline">{template.locale.toUpperCase()}</Badge>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {template.body}
                  </Text>
                  {template.hashtags.length > 0 && (
                    <Text size="xs" c="dimmed" dir="auto">
                      {template.hashtags.join(' ')}
                    </Text>
                  )}
                  <Group gap="xs">
                    <Button
                      component={Link}
                      to={scopedPath(scope, '/compose', { templateId: template.id })}
                      size="compact-sm"
                      variant="light"
                    >
                      {t('social.manager.useTemplate')}
                    </Button>
                    <ConfirmSubmit
                      fields={{ intent: 'delete', templateId: template.id }}
                      label={t('social.manager.delete')}
                      question={t('social.manager.deleteQuestion', { name: template.name })}
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                    />
                  </Group>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <Paper withBorder p="md">
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('social.manager.newTemplate')}
              </Title>
              {actionData && !actionData.ok && actionData.intent === 'create' && !Object.keys(fieldErrors).length && (
                <Alert color="red" role="alert">
                  {actionData.error}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  name="kind"
                  label={t('social.manager.kind')}
                  data={templateKinds.map((kind) => ({ value: kind, label: t(`social.templateKind.${kind}`) }))}
                  error={fieldErrors.kind}
                />
                <TextInput
                  name="name"
                  label={t('social.manager.name')}
                  required
                  maxLength={120}
                  error={fieldErrors.name}
                />
                <NativeSelect
                  name="locale"
                  label={t('social.manager.language')}
                  data={[
                    { value: 'fr', label: 'Français' },
                    { value: 'en', label: 'English' },
                    { value: 'ar', label: 'العربية' },
                  ]}
                  error={fieldErrors.locale}
                />
              </SimpleGrid>
              <Textarea
                name="body"
                label={t('social.manager.body')}
                description={t('social.manager.placeholders')}
                required
                autosize
                minRows={4}
                maxLength={5000}
                dir="auto"
                error={fieldErrors.body}
              />
              <TextInput
                name="hashtags"
                label={t('social.manager.hashtags')}
                description={t('social.manager.hashtagsHint')}
                dir="auto"
                error={fieldErrors.hashtags}
              />
              <SubmitButton style={{ alignSelf: 'flex-start' }} data-testid="create-template">
                {t('social.manager.create')}
              </SubmitButton>
            </Stack>
          </Form>
        </Paper>
      </section>
    </Stack>
  );
}
