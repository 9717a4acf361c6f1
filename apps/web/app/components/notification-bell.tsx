import { ActionIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveUnreadCount } from '../lib/use-live-unread-count';
import { useNewNotificationToast } from '../lib/use-new-notification-toast';
import { BellIcon } from './icons';
import classes from './notification-bell.module.css';

/**
 * The count is in the link's name for screen readers; the badge repeats it for the eye. Rendered
 * for signed-in people only; once in the browser it follows the live stream, so the count moves
 * (and a toast says so) without a reload.
 */
export function NotificationBell({ unreadCount: loaderCount }: { unreadCount: number }) {
  const { t } = useTranslation();
  const unreadCount = useLiveUnreadCount(loaderCount);
  useNewNotificationToast(unreadCount);
  const label = unreadCount > 0 ? t('bell.labelWithUnread', { unread: unreadCount }) : t('bell.label');
  return (
    <span className={classes.root}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label}>
        <BellIcon />
      </ActionIcon>
      {unreadCount > 0 && (
        <span className={classes.badge} aria-hidden="true">
          {unreadCount > 99 ? '99+' : unreadCount}
        </span>
      )}
    </span>
  );
}
