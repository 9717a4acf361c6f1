import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { NotificationView } from '@souk/contracts/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useFetcher } from 'react-router';
import { Timestamp } from '../../components/timestamp';
import type { ActionFeedback } from '../../lib/action-feedback';
import { safeRedirectPath } from '../../lib/safe-redirect';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import classes from './notification-card.module.css';

interface NotificationCardProps {
  notification: NotificationView;
  /** Set while "mark all as read" is on its way, so the list reacts at once. */
  shownAsRead: boolean;
}

/**
 * One notification. Marking it read goes through its own fetcher, so the card updates in place
 * (also for cards appended by "Load more", which no loader revalidates).
 */
export function NotificationCard({ notification, shownAsRead }: NotificationCardProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionFeedback>();
  useFeedbackToast(fetcher.data, { errorTitle: t('errors.actionFailed') });

  const markedHere = fetcher.state !== 'idle' || fetcher.data?.ok === true;
  const read = notification.readAt !== null || shownAsRead || markedHere;
  // The link comes from the API; only paths inside this site are followed.
  const link = notification.link ? safeRedirectPath(notification.link, '') : '';

  return (
    <Paper component="li" withBorder p="md" className={classes.card} data-unread={read ? undefined : true}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} className={classes.content}>
          <Group gap="xs" wrap="wrap">
            {!read && (
              <Badge size="sm" variant="filled">
                {t('notifications.unread')}
              </Badge>
            )}
            <Text component="h2" fw={read ? 500 : 700} size="md">
              {notification.title}
            </Text>
          </Group>
          <Text size="sm">{notification.body}</Text>
          <Group gap="md">
            <Text size="xs" c="dimmed">
              <Timestamp value={notification.createdAt} relative />
            </Text>
            {link && (
              <Anchor component={Link} to={link} size="sm">
                {t('notifications.open')}
              </Anchor>
            )}
          </Group>
        </Stack>
        {!read && (
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="mark-read" />
            <input type="hidden" name="id" value={notification.id} />
            <Button type="submit" size="xs" variant="default">
              {t('notifications.markRead')}
            </Button>
          </fetcher.Form>
        )}
      </Group>
    </Paper>
  );
}
