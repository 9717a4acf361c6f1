import { Badge } from '@mantine/core';
import type { MailStatus } from '@souk/contracts/mail';
import { useTranslation } from 'react-i18next';

const statusColors: Record<MailStatus, string> = {
  queued: 'gray',
  stored: 'blue',
  sent: 'green',
  failed: 'red',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      style={{ overflow: 'visible', flexShrink: 0 }}
      miw="max-content"
    >
      {t(`mail.status.${status}`)}
    </Badge>
  );
}
