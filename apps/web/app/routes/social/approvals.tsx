import { Alert, Anchor, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { PostView, teamSocialSettingsSchema } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import type { z } from 'zod';
import { PageTitle } from '../../components/page-title';
import { ApprovalActions } from '../../components/social/approval-actions';
import { TargetStatusBadge } from '../../components/social/status-badges';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/approvals';
import { decideOnPost, failed, requireSocialScope, succeeded } from './social.server';
import { ownerParams, type SocialScope, scopedPath, teamSettingsPath } from './social-scope';

type TeamSettings = z.infer<typeof teamSocialSettingsSchema>;

async function requireTeamScope(context: Route.LoaderArgs['context'], request: Request): Promise<SocialScope> {
  const scope = await requireSocialScope(context, request);
  if (scope.owner !== 'team' || !scope.teamId) throw data(null, { status: 403 });
  return scope;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireTeamScope(context, request);
  const [posts, settings] = await Promise.all([
    apiJson<{ items: PostView[] }>(
      context,
      `/api/v1/social/posts?${ownerParams(scope, { status: 'pending_approval', limit: '200' })}`,
    ),
    apiJson<TeamSettings>(context, teamSettingsPath(scope.teamId ?? '')),
  ]);
  return {
    scope,
    posts: unwrapForPage(posts, request).items,
    settings: settings.ok ? settings.data : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const words = translations[locale].social.approvals;
  const scope = await requireTeamScope(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const pagePath = scopedPath(scope, '/approvals');
  if (intent === 'settings') {
    const requireApproval = formText(form, 'requireApproval') === 'true';
    const result = await apiJson(context, teamSettingsPath(scope.teamId ?? ''), {
      method: 'PUT',
      json: { requireApproval },
    });
    if (!result.ok) return failed(result, locale, intent, pagePath);
    return succeeded(intent, requireApproval ? words.requiredOn : words.requiredOff);
  }
  if (intent === 'approve' || intent === 'reject') {
    return decideOnPost(context, locale, intent, formText(form, 'postId'), formText(form, 'reason'), pagePath);
  }
  throw data(null, { status: 400 });
}

export default function Approvals({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { scope, posts, settings } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('social.errorTitle'), successMessage: actionData?.message });
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.approvals.title')}</PageTitle>
      <div>
        <Title order={1}>{t('social.approvals.title')}</Title>
        <Text c="dimmed">{t('social.approvals.intro', { team: scope.teamName })}</Text>
      </div>
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      {settings && <ApprovalSetting settings={settings} canChange={scope.canApprove} />}
      {!scope.canApprove && <Alert color="blue">{t('social.approvals.readOnly')}</Alert>}
      {posts.length === 0 ? (
        <Paper withBorder p="xl" data-testid="approvals-empty">
          <Text fw={600}>{t('social.approvals.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('social.approvals.emptyText')}
          </Text>
        </Paper>
      ) : (
        posts.map((post) => <PendingPost key={post.id} post={post} scope={scope} />)
      )}
    </Stack>
  );
}

function ApprovalSetting({ settings, canChange }: { settings: TeamSettings; canChange: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Form method="post">
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="requireApproval" value={settings.requireApproval ? 'false' : 'true'} />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Switch
            checked={settings.requireApproval}
            readOnly
            label={t('social.approvals.require')}
            description={t('social.approvals.requireHint')}
            tabIndex={-1}
            aria-hidden
          />
          {canChange && (
            <SubmitButton variant="default" size="sm" data-testid="toggle-approval">
              {settings.requireApproval ? t('social.approvals.turnOff') : t('social.approvals.turnOn')}
            </SubmitButton>
          )}
        </Group>
      </Form>
    </Paper>
  );
}

function PendingPost({ post, scope }: { post: PostView; scope: SocialScope }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article" data-testid="pending-post" data-post-id={post.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={scopedPath(scope, `/posts/${post.id}`)} fw={600} dir="auto">
            {post.productTitle ?? t('social.post.title')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('social.post.by', { name: post.authorName })}
            {post.scheduledAt && (
              <>
                {' · '}
                {t('social.post.scheduledFor')} <Timestamp value={post.scheduledAt} />
              </>
            )}
          </Text>
        </Group>
        {post.targets.map((target) => (
          <Stack key={target.id} gap={2}>
            <Group gap="xs">
              <Text size="sm" fw={600} dir="ltr">
                {t(`social.provider.${target.provider}`)} · @{target.accountHandle}
              </Text>
              <TargetStatusBadge status={target.status} />
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
              {target.caption}
            </Text>
          </Stack>
        ))}
        {scope.canApprove && <ApprovalActions postId={post.id} />}
      </Stack>
    </Paper>
  );
}
