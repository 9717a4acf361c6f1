import { ActionIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BellIcon } from './icons';
import classes from './notification-bell.module.css';

/** The count is in the link's name for screen readers; the badge repeats it for the eye. */
export function NotificationBell({ unreadCount }: { unreadCount: number }) {
  const { t } = useTranslation();
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
