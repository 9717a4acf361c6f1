import { Box, Text } from '@mantine/core';
import type { PostView } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../../../lib/intl';
import { postMoment } from '../../../lib/social/post-time';
import { useHydrated } from '../../../lib/use-hydrated';
import { statusColor } from '../status-badges';

/**
 * One post in the calendar: its time, accounts and status. A scheduled post can be dragged to
 * another day or hour; everything else opens the post.
 */
export function PostChip({ post, href }: { post: PostView; href: string }) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const draggable = post.status === 'scheduled';
  const moment = postMoment(post);
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    hour: '2-digit',
    minute: '2-digit',
    ...(hydrated ? {} : { timeZone: 'UTC' }),
  }).format(new Date(moment));
  const accounts = post.targets.map((target) => `@${target.accountHandle}`).join(', ');
  const status = t(`social.postStatus.${post.status}`);
  return (
    <Box
      component={Link}
      to={href}
      draggable={draggable}
      onDragStart={(event: React.DragEvent) => {
        event.dataTransfer.setData('text/plain', post.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="calendar-post"
      data-post-id={post.id}
      data-status={post.status}
      aria-label={`${time} · ${post.productTitle ?? ''} · ${accounts} · ${status}`}
      title={draggable ? t('social.calendar.dragHint') : undefined}
      style={{
        display: 'block',
        borderInlineStart: `4px solid var(--mantine-color-${statusColor(post.status)}-6)`,
        background: `var(--mantine-color-${statusColor(post.status)}-0)`,
        borderRadius: 4,
        padding: '2px 6px',
        color: 'inherit',
        textDecoration: 'none',
        cursor: draggable ? 'grab' : 'pointer',
        overflow: 'hidden',
      }}
    >
      <Text size="xs" fw={600} truncate suppressHydrationWarning>
        {time} · {status}
      </Text>
      <Text size="xs" truncate dir="auto">
        {post.productTitle ?? accounts}
      </Text>
      <Text size="xs" c="dimmed" truncate dir="ltr">
        {accounts}
      </Text>
    </Box>
  );
}
