import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import type { PostView, postStatsSchema, TargetView } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import type { z } from 'zod';
import { StatCard } from '../../components/affiliation/stat-card';
import { ConfirmSubmit } from '../../components/confirm-submit';
import { PageTitle } from '../../components/page-title';
import { ApprovalActions } from '../../components/social/approval-actions';
import { ScheduleField } from '../../components/social/schedule-field';
import { PostStatusBadge, TargetStatusBadge } from '../../components/social/status-badges';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { formatMoney } from '../../lib/format-money';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { unwrapForPage } from '../../lib/session.server';
import { scheduledInstantFrom } from '../../lib/social/zoned-time';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/post';
import { decideOnPost, failed, requireSocialScope, succeeded } from './social.server';
import { scopedPath } from './social-scope';

type PostStats = z.infer<typeof postStatsSchema>;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const id = encodeURIComponent(params.id);
  const [post, stats] = await Promise.all([
    apiJson<PostView>(context, `/api/v1/social/posts/${id}`),
    apiJson<PostStats>(context, `/api/v1/social/posts/${id}/stats`),
  ]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    scope,
    post: unwrapForPage(post, request),
    stats: stats.ok ? stats.data : null,
    done: done === 'now' || done === 'schedule' || done === 'draft' ? (done as 'now' | 'schedule' | 'draft') : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const words = translations[locale].social.post;
  const scope = await requireSocialScope(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const base = `/api/v1/social/posts/${encodeURIComponent(params.id)}`;
  const pagePath = scopedPath(scope, `/posts/${params.id}`);
  switch (intent) {
    case 'retry': {
      const targetId = formText(form, 'targetId');
      const result = await apiJson(context, `${base}/targets/${encodeURIComponent(targetId)}/retry`, {
        method: 'POST',
      });
      return result.ok
        ? succeeded(intent, words.retried, targetId)
        : failed(result, locale, intent, pagePath, targetId);
    }
    case 'reschedule': {
      const scheduledAt = scheduledInstantFrom(form);
      if (!scheduledAt || new Date(scheduledAt).getTime() <= Date.now()) {
        const error = scheduledAt ? words.pastTime : words.chooseTime;
        return data({ ok: false as const, intent, error, fieldErrors: { scheduledAt: error } }, { status: 422 });
      }
      const result = await apiJson(context, base, { method: 'PATCH', json: { scheduledAt, mode: 'schedule' } });
      return result.ok ? succeeded(intent, words.rescheduled) : failed(result, locale, intent, pagePath);
    }
    case 'editCaption': {
      // The API replaces the whole list of targets: the others are sent back as they are.
      const current = await apiJson<PostView>(context, base);
      if (!current.ok) return failed(current, locale, intent, pagePath);
      const targetId = formText(form, 'targetId');
      const targets = current.data.targets.map((target) => ({
        accountId: target.accountId,
        caption: target.id === targetId ? String(form.get('caption') ?? '') : target.caption,
        options: target.options,
      }));
      const result = await apiJson(context, base, { method: 'PATCH', json: { targets } });
      const accounts = targets.map((target) => target.accountId);
      if (!result.ok) return failed(result, locale, intent, pagePath, targetId, accounts);
      return succeeded(intent, words.captionSaved, targetId);
    }
    case 'publishNow': {
      const result = await apiJson(context, base, { method: 'PATCH', json: { mode: 'now' } });
      return result.ok ? succeeded(intent, words.publishing) : failed(result, locale, intent, pagePath);
    }
    case 'approve':
    case 'reject':
      return decideOnPost(context, locale, intent, params.id, formText(form, 'reason'), pagePath);
    case 'delete': {
      const result = await apiJson(context, base, { method: 'DELETE' });
      if (!result.ok) return failed(result, locale, intent, pagePath);
      throw redirect(scopedPath(scope, '/posts'));
    }
    default:
      throw data(null, { status: 400 });
  }
}

export default function PostDetails({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { scope, post, stats, done } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('social.errorTitle'),
    successMessage: actionData && 'message' in actionData ? actionData.message : undefined,
  });
  const fieldErrors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {};
  const editable = post.status === 'scheduled' || post.status === 'draft';
  return (
    <Stack gap="lg" data-testid="post-details" data-status={post.status}>
      <PageTitle>{t('social.post.title')}</PageTitle>
      <div>
        <Anchor component={Link} to={scopedPath(scope, '/posts')} size="sm">
          {t('social.post.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>{post.productTitle ?? t('social.post.title')}</Title>
          <PostStatusBadge status={post.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('social.post.by', { name: post.authorName })} · <Timestamp value={post.createdAt} />
          {post.scheduledAt && (
            <>
              {' · '}
              {t('social.post.scheduledFor')} <Timestamp value={post.scheduledAt} />
            </>
          )}
        </Text>
        {post.linkUrl && (
          <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
            {post.linkUrl}
          </Text>
        )}
      </div>
      {done && (
        <Alert color="green" role="status" data-testid="post-done">
          {t(`social.post.done.${done}`)}
        </Alert>
      )}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      {post.status === 'pending_approval' && <ApprovalBox canApprove={scope.canApprove} postId={post.id} />}
      {post.approval?.reason && (
        <Alert color={post.status === 'rejected' ? 'red' : 'gray'}>
          {t('social.post.approvalReason', { reason: post.approval.reason })}
        </Alert>
      )}
      {stats && <PostStatistics stats={stats} post={post} />}
      <Title order={2} size="h4">
        {t('social.post.perAccount')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {post.targets.map((target) => (
          <TargetCard
            key={target.id}
            target={target}
            editable={editable}
            error={actionData && 'targetErrors' in actionData ? actionData.targetErrors?.[target.accountId] : undefined}
          />
        ))}
      </SimpleGrid>
      {editable && (
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h5" mb="xs">
            {t('social.post.reschedule')}
          </Title>
          <Form method="post">
            <input type="hidden" name="intent" value="reschedule" />
            <ScheduleField defaultValue={post.scheduledAt} error={fieldErrors.scheduledAt} required />
            <Group mt="sm" gap="sm">
              <SubmitButton name="intent" value="reschedule" data-testid="reschedule">
                {t('social.post.saveTime')}
              </SubmitButton>
            </Group>
          </Form>
          <Group mt="sm" gap="sm">
            <Form method="post">
              <SubmitButton name="intent" value="publishNow" variant="light" data-testid="publish-now">
                {t('social.compose.publishNow')}
              </SubmitButton>
            </Form>
          </Group>
        </Paper>
      )}
      {post.status !== 'publishing' && (
        <ConfirmSubmit
          fields={{ intent: 'delete' }}
          label={t('social.post.delete')}
          question={
            post.status === 'published' || post.status === 'partially_published'
              ? t('social.post.deletePublishedQuestion')
              : t('social.post.deleteQuestion')
          }
          color="red"
          variant="subtle"
          style={{ alignSelf: 'flex-start' }}
          testId="delete-form"
        />
      )}
    </Stack>
  );
}

function ApprovalBox({ canApprove, postId }: { canApprove: boolean; postId: string }) {
  const { t } = useTranslation();
  if (!canApprove) {
    return <Alert color="violet">{t('social.post.waitingApproval')}</Alert>;
  }
  return (
    <Paper withBorder p="md" data-testid="approval-box">
      <Stack gap="sm">
        <Text fw={600}>{t('social.post.needsYourApproval')}</Text>
        <ApprovalActions postId={postId} />
      </Stack>
    </Paper>
  );
}

function TargetCard({ target, editable, error }: { target: TargetView; editable: boolean; error?: string }) {
  const { t } = useTranslation();
  const problem = target.status === 'failed' || target.status === 'unconfirmed';
  return (
    <Paper withBorder p="md" data-testid="target" data-target-id={target.id} data-status={target.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} dir="ltr">
            {t(`social.provider.${target.provider}`)} · @{target.accountHandle}
          </Text>
          <TargetStatusBadge status={target.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`social.targetStatusHelp.${target.status}`)}
        </Text>
        {target.externalUrl && (
          <Anchor href={target.externalUrl} target="_blank" rel="noopener noreferrer" data-testid="external-url">
            {t('social.post.viewOnPlatform')}
          </Anchor>
        )}
        {target.publishedAt && (
          <Text size="xs" c="dimmed">
            {t('social.post.publishedAt')} <Timestamp value={target.publishedAt} />
          </Text>
        )}
        {problem && (target.errorMessage || target.advice) && (
          <Alert color={target.status === 'unconfirmed' ? 'orange' : 'red'} data-testid="target-problem">
            {target.errorMessage && <Text size="sm">{target.errorMessage}</Text>}
            {target.advice && (
              <Text size="sm" fw={600}>
                {t('social.post.whatToDo')} {target.advice}
              </Text>
            )}
          </Alert>
        )}
        {target.retryable && problem && (
          <Form method="post">
            <input type="hidden" name="targetId" value={target.id} />
            <SubmitButton name="intent" value="retry" size="compact-sm" data-testid="retry">
              {t('social.post.retry')}
            </SubmitButton>
          </Form>
        )}
        {editable ? (
          <Form method="post">
            <input type="hidden" name="targetId" value={target.id} />
            <Textarea
              name="caption"
              label={t('social.post.caption')}
              defaultValue={target.caption}
              autosize
              minRows={3}
              maxRows={12}
              dir="auto"
              error={error}
              data-testid="edit-caption"
            />
            <SubmitButton name="intent" value="editCaption" size="compact-sm" variant="light" mt="xs">
              {t('social.post.saveCaption')}
            </SubmitButton>
          </Form>
        ) : (
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm">
                {t('social.post.caption')}
              </Text>
            </summary>
            <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
              {target.caption}
            </Text>
          </details>
        )}
        {target.transitions.length > 0 && (
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm">
                {t('social.post.history', { count: target.transitions.length })}
              </Text>
            </summary>
            <Timeline mt="sm" bulletSize={14} lineWidth={2} active={target.transitions.length - 1}>
              {target.transitions.map((transition) => (
                <Timeline.Item
                  key={`${transition.at}-${transition.to}`}
                  title={t(`social.targetStatus.${transition.to}`)}
                >
                  <Text size="xs" c="dimmed">
                    <Timestamp value={transition.at} />
                  </Text>
                  <Text size="sm">{transition.reason}</Text>
                  {transition.advice && (
                    <Text size="sm" c="dimmed">
                      {transition.advice}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </details>
        )}
      </Stack>
    </Paper>
  );
}

function PostStatistics({ stats, post }: { stats: PostStats; post: PostView }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const metrics = stats.platforms.filter((platform) => platform.metrics && Object.keys(platform.metrics).length > 0);
  return (
    <Stack gap="sm" data-testid="post-stats">
      {stats.link && (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <StatCard label={t('social.post.clicks')} value={String(stats.link.clicks)} testId="post-clicks" />
          <StatCard label={t('social.post.conversions')} value={String(stats.link.conversions)} />
          <StatCard
            label={t('social.post.commissions')}
            value={formatMoney(stats.link.commissionsMinor, stats.link.currency, locale)}
          />
        </SimpleGrid>
      )}
      {metrics.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('social.post.account')}</Table.Th>
                <Table.Th>{t('social.post.platformMetrics')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {metrics.map((platform) => {
                const target = post.targets.find((item) => item.id === platform.targetId);
                return (
                  <Table.Tr key={platform.targetId}>
                    <Table.Td dir="ltr">
                      {t(`social.provider.${platform.provider}`)} · @{target?.accountHandle}
                    </Table.Td>
                    <Table.Td>
                      {Object.entries(platform.metrics ?? {})
                        .map(([name, value]) => `${name}: ${value}`)
                        .join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
