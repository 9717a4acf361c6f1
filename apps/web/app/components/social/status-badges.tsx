import { Badge } from '@mantine/core';
import type { AccountHealth, PostStatus, TargetStatus } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';

const healthColors: Record<AccountHealth, string> = {
  connected: 'green',
  token_expiring: 'yellow',
  reconnect_needed: 'red',
  disconnected: 'gray',
};

const statusColors: Record<PostStatus | TargetStatus, string> = {
  draft: 'gray',
  pending_approval: 'violet',
  scheduled: 'blue',
  publishing: 'cyan',
  waiting_for_platform: 'cyan',
  published: 'green',
  partially_published: 'orange',
  failed: 'red',
  unconfirmed: 'orange',
  rejected: 'red',
  cancelled: 'gray',
};

export function AccountHealthBadge({ health }: { health: AccountHealth }) {
  const { t } = useTranslation();
  return (
    <Badge color={healthColors[health]} variant="light" data-testid="account-health" data-health={health}>
      {t(`social.health.${health}`)}
    </Badge>
  );
}

export function PostStatusBadge({ status }: { status: PostStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-testid="post-status" data-status={status}>
      {t(`social.postStatus.${status}`)}
    </Badge>
  );
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="outline" data-testid="target-status" data-status={status}>
      {t(`social.targetStatus.${status}`)}
    </Badge>
  );
}

/** The colour of a status, for calendar chips. */
export function statusColor(status: PostStatus | TargetStatus): string {
  return statusColors[status];
}
