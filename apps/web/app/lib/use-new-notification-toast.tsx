import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const toastId = 'new-notification';

/**
 * A toast when the unread count goes up while the page is open (not for the count the page
 * opened with). One at a time: a second arrival while it shows adds nothing.
 */
export function useNewNotificationToast(unreadCount: number): void {
  const { t } = useTranslation();
  const previous = useRef(unreadCount);

  useEffect(() => {
    const grew = unreadCount > previous.current;
    previous.current = unreadCount;
    if (!grew) return;
    notifications.show({
      id: toastId,
      color: 'blue',
      title: t('bell.newNotification'),
      message: (
        <Anchor component={Link} to="/notifications" size="sm" onClick={() => notifications.hide(toastId)}>
          {t('bell.openNotifications')}
        </Anchor>
      ),
    });
  }, [unreadCount, t]);
}
