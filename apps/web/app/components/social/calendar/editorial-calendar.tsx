import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PostView } from '@souk/contracts/social';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useFetcher } from 'react-router';
import { intlLocale } from '../../../lib/intl';
import {
  type CalendarView,
  calendarViews,
  dayKeyOf,
  daysOfView,
  hourOf,
  keyDate,
  monthOf,
  movedInstant,
  stepView,
  todayKey,
} from '../../../lib/social/calendar-days';
import { postMoment } from '../../../lib/social/post-time';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import { useHydrated } from '../../../lib/use-hydrated';
import { type SocialScope, scopedPath } from '../../../routes/social/social-scope';
import { ScheduleField } from '../schedule-field';
import { PostStatusBadge } from '../status-badges';
import { PostChip } from './post-chip';

interface CalendarProps {
  scope: SocialScope;
  view: CalendarView;
  date: string;
  posts: PostView[];
}

const hoursOfDay = Array.from({ length: 24 }, (_, hour) => hour);

type Reschedule = (postId: string, day: string, hour?: number) => void;

/** A place a scheduled post can be dropped on: a day (keeps the time) or an hour of a day. */
function DropZone({
  day,
  hour,
  onDrop,
  children,
  testId,
  minHeight,
}: {
  day: string;
  hour?: number;
  onDrop: Reschedule;
  children: ReactNode;
  testId: string;
  minHeight: number;
}) {
  const [over, setOver] = useState(false);
  return (
    <Box
      data-testid={testId}
      data-day={day}
      data-hour={hour}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const postId = event.dataTransfer.getData('text/plain');
        if (postId) onDrop(postId, day, hour);
      }}
      style={{
        minHeight,
        padding: 4,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
        outline: over ? '2px dashed var(--mantine-color-blue-5)' : undefined,
      }}
    >
      {children}
    </Box>
  );
}

/**
 * The editorial calendar: month, week, day and list views of drafts, scheduled, published and
 * failed posts. Dragging a scheduled post reschedules it; the list view (and each post's page)
 * offers the same with a form, for keyboards and screen readers.
 */
export function EditorialCalendar({ scope, view, date, posts }: CalendarProps) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const fetcher = useFetcher<{ ok: boolean; error?: string; message?: string }>();
  useFeedbackToast(fetcher.data as Parameters<typeof useFeedbackToast>[0], {
    errorTitle: t('social.errorTitle'),
    successMessage: fetcher.data?.message,
  });
  const language = intlLocale(i18n.language);
  const days = daysOfView(view, date);
  const postsOn = (day: string) =>
    posts
      .filter((post) => dayKeyOf(postMoment(post), hydrated) === day)
      .sort((a, b) => postMoment(a).localeCompare(postMoment(b)));
  const href = (post: PostView) => scopedPath(scope, `/posts/${post.id}`);
  const link = (nextView: CalendarView, nextDate: string) =>
    scopedPath(scope, '/calendar', { view: nextView, date: nextDate });

  const reschedule: Reschedule = (postId, day, hour) => {
    const post = posts.find((item) => item.id === postId);
    if (post?.status !== 'scheduled' || !post.scheduledAt) return;
    const moved = movedInstant(day, post.scheduledAt, hour);
    if (moved.getTime() === new Date(post.scheduledAt).getTime()) return;
    void fetcher.submit({ postId, scheduledAt: moved.toISOString() }, { method: 'post' });
  };

  const title =
    view === 'day'
      ? new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(keyDate(date))
      : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(keyDate(date));
  const weekdayName = (day: string, width: 'short' | 'long' = 'short') =>
    new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(keyDate(day));
  const dayNumber = (day: string) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', timeZone: 'UTC' }).format(keyDate(day));

  return (
    <Stack gap="sm" data-testid="calendar" data-view={view}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={4} role="group" aria-label={t('social.calendar.views')}>
          {calendarViews.map((name) => (
            <Button
              key={name}
              component={Link}
              to={link(name, date)}
              size="compact-sm"
              variant={name === view ? 'filled' : 'default'}
              aria-current={name === view ? 'page' : undefined}
              data-testid={`view-${name}`}
            >
              {t(`social.calendar.view.${name}`)}
            </Button>
          ))}
        </Group>
        <Group gap={4}>
          <Button
            component={Link}
            to={link(view, stepView(view, date, -1))}
            size="compact-sm"
            variant="default"
            aria-label={t('social.calendar.previous')}
          >
            <span aria-hidden="true">‹</span>
          </Button>
          <Button component={Link} to={link(view, todayKey(hydrated))} size="compact-sm" variant="default">
            {t('social.calendar.today')}
          </Button>
          <Button
            component={Link}
            to={link(view, stepView(view, date, 1))}
            size="compact-sm"
            variant="default"
            aria-label={t('social.calendar.next')}
          >
            <span aria-hidden="true">›</span>
          </Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <Title order={2} size="h4" data-testid="calendar-title">
          {title}
        </Title>
        {fetcher.state !== 'idle' && (
          <Text size="sm" c="dimmed" role="status">
            {t('social.calendar.saving')}
          </Text>
        )}
      </Group>
      {view !== 'list' && (
        <Text size="xs" c="dimmed">
          {t('social.calendar.dragHelp')}
        </Text>
      )}

      {(view === 'month' || view === 'week') && (
        <Box style={{ overflowX: 'auto' }}>
          <SimpleGrid cols={7} spacing={2} miw={560}>
            {days.slice(0, 7).map((day) => (
              <Text key={`head-${day}`} size="xs" fw={600} ta="center" c="dimmed">
                {weekdayName(day)}
              </Text>
            ))}
            {days.map((day) => (
              <Paper
                key={day}
                withBorder
                radius={0}
                style={{ opacity: view === 'month' && monthOf(day) !== monthOf(date) ? 0.55 : 1 }}
              >
                <DropZone day={day} onDrop={reschedule} testId="calendar-day" minHeight={view === 'week' ? 220 : 96}>
                  <Text
                    size="xs"
                    fw={day === todayKey(hydrated) ? 700 : 400}
                    c={day === todayKey(hydrated) ? 'blue' : undefined}
                    component={Link}
                    to={link('day', day)}
                    style={{ textDecoration: 'none', color: 'inherit' }}
                  >
                    {dayNumber(day)}
                  </Text>
                  <Stack gap={2} mt={2}>
                    {postsOn(day).map((post) => (
                      <PostChip key={post.id} post={post} href={href(post)} />
                    ))}
                  </Stack>
                </DropZone>
              </Paper>
            ))}
          </SimpleGrid>
        </Box>
      )}

      {view === 'day' && (
        <Stack gap={0}>
          {hoursOfDay.map((hour) => {
            const inHour = postsOn(date).filter((post) => hourOf(postMoment(post), hydrated) === hour);
            return (
              <Group
                key={hour}
                gap="xs"
                wrap="nowrap"
                align="stretch"
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Text size="xs" c="dimmed" w={48} pt={4} dir="ltr">
                  {String(hour).padStart(2, '0')}:00
                </Text>
                <Box style={{ flex: 1 }}>
                  <DropZone day={date} hour={hour} onDrop={reschedule} testId="calendar-hour" minHeight={32}>
                    <Stack gap={2}>
                      {inHour.map((post) => (
                        <PostChip key={post.id} post={post} href={href(post)} />
                      ))}
                    </Stack>
                  </DropZone>
                </Box>
              </Group>
            );
          })}
        </Stack>
      )}

      {view === 'list' && (
        <ListView days={days} postsOn={postsOn} href={href} weekdayName={weekdayName} dayNumber={dayNumber} />
      )}
    </Stack>
  );
}

function ListView({
  days,
  postsOn,
  href,
  weekdayName,
  dayNumber,
}: {
  days: string[];
  postsOn: (day: string) => PostView[];
  href: (post: PostView) => string;
  weekdayName: (day: string, width?: 'short' | 'long') => string;
  dayNumber: (day: string) => string;
}) {
  const { t } = useTranslation();
  const withPosts = days.filter((day) => postsOn(day).length > 0);
  if (withPosts.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid="calendar-empty">
        <Text c="dimmed">{t('social.calendar.empty')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      {withPosts.map((day) => (
        <Stack key={day} gap={6} component="section">
          <Title order={3} size="h5">
            {weekdayName(day, 'long')} {dayNumber(day)}
          </Title>
          {postsOn(day).map((post) => (
            <Paper key={post.id} withBorder p="sm" data-testid="list-post" data-post-id={post.id}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Box style={{ flex: 1, minWidth: 200 }}>
                  <PostChip post={post} href={href(post)} />
                </Box>
                <PostStatusBadge status={post.status} />
              </Group>
              {post.status === 'scheduled' && <RescheduleForm post={post} />}
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** The keyboard way to move a scheduled post. */
function RescheduleForm({ post }: { post: PostView }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ ok: boolean; error?: string; message?: string }>();
  useFeedbackToast(fetcher.data as Parameters<typeof useFeedbackToast>[0], {
    errorTitle: t('social.errorTitle'),
    successMessage: fetcher.data?.message,
  });
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="postId" value={post.id} />
      <Group align="flex-end" gap="sm" mt="xs">
        <ScheduleField
          defaultValue={post.scheduledAt}
          required
          error={fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined}
        />
        <Button type="submit" variant="light" size="sm" loading={fetcher.state !== 'idle'} data-testid="reschedule">
          {t('social.post.saveTime')}
        </Button>
      </Group>
    </fetcher.Form>
  );
}
