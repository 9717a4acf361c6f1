import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type PostStatus, type PostView, postStatuses, type SocialAccountView } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { PostStatusBadge, TargetStatusBadge } from '../../components/social/status-badges';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { unwrapForPage } from '../../lib/session.server';
import { postMoment } from '../../lib/social/post-time';
import type { Route } from './+types/posts';
import { loadAccounts } from './compose.server';
import { requireSocialScope } from './social.server';
import { ownerParams, scopedPath } from './social-scope';

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const accountId = url.searchParams.get('accountId');
  const filters: Record<string, string> = { limit: '200' };
  if (status && postStatuses.includes(status as PostStatus)) filters.status = status;
  if (accountId && /^[0-9a-f-]{36}$/.test(accountId)) filters.accountId = accountId;
  const [posts, accounts] = await Promise.all([
    apiJson<{ items: PostView[] }>(context, `/api/v1/social/posts?${ownerParams(scope, filters)}`),
    loadAccounts(context, scope),
  ]);
  return {
    scope,
    posts: unwrapForPage(posts, request).items,
    accounts,
    status: filters.status ?? '',
    accountId: filters.accountId ?? '',
  };
}

export default function PublicationHistory({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { scope, posts, accounts, status, accountId } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.posts.title')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('social.posts.title')}</Title>
          <Text c="dimmed">{t('social.posts.intro')}</Text>
        </div>
        <Button component={Link} to={scopedPath(scope, '/compose')}>
          {t('social.nav.compose')}
        </Button>
      </Group>
      <PostFilters accounts={accounts} status={status} accountId={accountId} scope={scope} />
      {posts.length === 0 ? (
        <Paper withBorder p="xl" data-testid="posts-empty">
          <Text fw={600}>{status || accountId ? t('social.posts.emptyFiltered') : t('social.posts.empty')}</Text>
          <Text c="dimmed" size="sm">
            {t('social.posts.emptyText')}
          </Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('social.posts.when')}</Table.Th>
                <Table.Th>{t('social.posts.what')}</Table.Th>
                <Table.Th>{t('social.posts.status')}</Table.Th>
                <Table.Th>{t('social.posts.accounts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {posts.map((post) => (
                <Table.Tr key={post.id} data-testid="post-row" data-post-id={post.id} data-status={post.status}>
                  <Table.Td>
                    <Timestamp value={postMoment(post)} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={scopedPath(scope, `/posts/${post.id}`)} dir="auto">
                      {post.productTitle ?? post.targets[0]?.caption.slice(0, 60) ?? post.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PostStatusBadge status={post.status} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {post.targets.map((target) => (
                        <Group key={target.id} gap={6} wrap="nowrap">
                          <Text size="xs" dir="ltr">
                            {t(`social.provider.${target.provider}`)} · @{target.accountHandle}
                          </Text>
                          <TargetStatusBadge status={target.status} />
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function PostFilters({
  accounts,
  status,
  accountId,
  scope,
}: {
  accounts: SocialAccountView[];
  status: string;
  accountId: string;
  scope: Route.ComponentProps['loaderData']['scope'];
}) {
  const { t } = useTranslation();
  return (
    <Form method="get">
      {scope.owner === 'team' && scope.teamId && <input type="hidden" name="team" value={scope.teamId} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          name="status"
          label={t('social.posts.status')}
          defaultValue={status}
          data={[
            { value: '', label: t('social.posts.allStatuses') },
            ...postStatuses.map((value) => ({ value, label: t(`social.postStatus.${value}`) })),
          ]}
        />
        <NativeSelect
          name="accountId"
          label={t('social.posts.account')}
          defaultValue={accountId}
          data={[
            { value: '', label: t('social.posts.allAccounts') },
            ...accounts.map((account) => ({
              value: account.id,
              label: `${t(`social.provider.${account.provider}`)} · @${account.handle}`,
            })),
          ]}
        />
        <Button type="submit" variant="default">
          {t('social.posts.filter')}
        </Button>
      </Group>
    </Form>
  );
}
