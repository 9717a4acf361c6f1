import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { NotificationList, NotificationView } from '@souk/contracts/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Link, redirect, useFetcher } from 'react-router';
import { PageTitle } from '../../components/page-title';
import type { ActionFeedback } from '../../lib/action-feedback';
import { apiJson } from '../../lib/api.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/route';
import { NotificationCard } from './notification-card';

const pageSize = 20;

export async function loader({ request, context }: Route.LoaderArgs) {
  const cursor = new URL(request.url).searchParams.get('cursor') || null;
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  const list = unwrapForPage(await apiJson<NotificationList>(context, `/api/v1/notifications?${query}`), request);
  return { list, cursor };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get('intent');
  const id = form.get('id');
  const failedText = translations[localeOf(request)].errors.actionFailed;

  let path: string;
  if (intent === 'mark-read' && typeof id === 'string' && id) {
    path = `/api/v1/notifications/${encodeURIComponent(id)}/read`;
  } else if (intent === 'mark-all-read') {
    path = '/api/v1/notifications/read-all';
  } else {
    return data<ActionFeedback>({ ok: false, error: failedText }, { status: 400 });
  }

  const result = await apiJson(context, path, { method: 'POST' });
  if (result.ok) return data<ActionFeedback>({ ok: true });
  if (result.status === 401) throw redirect(signInPath('/notifications'));
  return data<ActionFeedback>({ ok: false, error: result.problem.title }, { status: result.status });
}

function mergeById(current: NotificationView[], incoming: NotificationView[]): NotificationView[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()];
}

export default function NotificationsPage({ loaderData }: Route.ComponentProps) {
  // A new starting cursor is a new list: appended pages of the previous one must go.
  return (
    <NotificationFeed key={loaderData.cursor ?? 'latest'} firstPage={loaderData.list} cursor={loaderData.cursor} />
  );
}

interface NotificationFeedProps {
  firstPage: NotificationList;
  cursor: string | null;
}

/**
 * Without JavaScript "Load more" is a link to the next page; with it, the next page is fetched
 * and appended below the current one.
 */
function NotificationFeed({ firstPage, cursor }: NotificationFeedProps) {
  const { t } = useTranslation();
  const more = useFetcher<typeof loader>();
  const markAll = useFetcher<typeof action>();
  const [appended, setAppended] = useState<NotificationView[]>([]);
  const [appendedCursor, setAppendedCursor] = useState<string | null | undefined>(undefined);
  useFeedbackToast(markAll.data, { errorTitle: t('errors.actionFailed') });

  useEffect(() => {
    const page = more.data?.list;
    if (!page) return;
    setAppended((current) => mergeById(current, page.items));
    setAppendedCursor(page.nextCursor);
  }, [more.data]);

  const nextCursor = appendedCursor === undefined ? firstPage.nextCursor : appendedCursor;
  const markingAll = markAll.state !== 'idle';
  // The first page is revalidated after "mark all"; appended pages are not, so they rely on this.
  const markedAll = markingAll || markAll.data?.ok === true;
  const firstIds = new Set(firstPage.items.map((item) => item.id));
  const appendedOnly = appended.filter((item) => !firstIds.has(item.id));
  const isEmpty = firstPage.items.length === 0 && appendedOnly.length === 0;

  return (
    <Stack gap="lg">
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Group justify="space-between" align="center">
        <Title order={1}>{t('notifications.title')}</Title>
        <Group gap="sm">
          {firstPage.unreadCount > 0 && (
            <markAll.Form method="post">
              <input type="hidden" name="intent" value="mark-all-read" />
              <Button type="submit" variant="light" loading={markingAll}>
                {t('notifications.markAllRead')}
              </Button>
            </markAll.Form>
          )}
          <Anchor component={Link} to="/settings/notifications">
            {t('notifications.settingsLink')}
          </Anchor>
        </Group>
      </Group>

      {cursor && (
        <Anchor component={Link} to="/notifications">
          {t('notifications.backToLatest')}
        </Anchor>
      )}

      {isEmpty ? (
        <Paper withBorder p="xl" ta="center">
          <Title order={2} size="h4" mb="xs">
            {t('notifications.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('notifications.emptyText')}</Text>
        </Paper>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {firstPage.items.map((item) => (
            <NotificationCard key={item.id} notification={item} shownAsRead={markingAll} />
          ))}
          {appendedOnly.map((item) => (
            <NotificationCard key={item.id} notification={item} shownAsRead={markedAll} />
          ))}
        </Stack>
      )}

      {nextCursor && (
        <Group justify="center">
          <Button
            component={Link}
            to={`/notifications?cursor=${encodeURIComponent(nextCursor)}`}
            variant="default"
            loading={more.state === 'loading'}
            onClick={(event) => {
              event.preventDefault();
              more.load(`/notifications?cursor=${encodeURIComponent(nextCursor)}`);
            }}
          >
            {t('notifications.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
