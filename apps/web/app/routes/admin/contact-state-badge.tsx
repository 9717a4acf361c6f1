import { Badge } from '@mantine/core';
import type { ContactMessageSummary } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';

/** Where a message stands, most advanced state first. */
export function ContactStateBadge({ message }: { message: ContactMessageSummary }) {
  const { t } = useTranslation();
  if (message.handledAt) return <Badge color="gray">{t('siteAdmin.handled')}</Badge>;
  if (message.answeredAt) return <Badge color="green">{t('siteAdmin.answered')}</Badge>;
  if (!message.readAt) return <Badge color="indigo">{t('siteAdmin.unread')}</Badge>;
  return <Badge color="yellow">{t('siteAdmin.open')}</Badge>;
}
