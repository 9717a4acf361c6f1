import { Group, Stack, Text, Title } from '@mantine/core';
import type { PostView } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { EditorialCalendar } from '../../components/social/calendar/editorial-calendar';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { type CalendarView, calendarViews, isDayKey, rangeOfView, todayKey } from '../../lib/social/calendar-days';
import { scheduledInstantFrom } from '../../lib/social/zoned-time';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/calendar';
import { failed, requireSocialScope, succeeded } from './social.server';
import { ownerParams, scopedPath } from './social-scope';

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const url = new URL(request.url);
  const wanted = url.searchParams.get('view');
  const view: CalendarView = calendarViews.includes(wanted as CalendarView) ? (wanted as CalendarView) : 'month';
  const dateParam = url.searchParams.get('date');
  const date = isDayKey(dateParam) ? dateParam : todayKey(false);
  const range = rangeOfView(view, date);
  const posts = await apiJson<{ items: PostView[] }>(
    context,
    `/api/v1/social/posts?${ownerParams(scope, { ...range, limit: '500' })}`,
  );
  return { scope, view, date, posts: unwrapForPage(posts, request).items };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const words = translations[locale].social.post;
  const scope = await requireSocialScope(context, request);
  const form = await request.formData();
  const postId = formText(form, 'postId');
  // A drop and the keyboard form both send the instant the browser computed.
  const scheduledAt = scheduledInstantFrom(form);
  if (!scheduledAt || Date.parse(scheduledAt) <= Date.now()) {
    const error = scheduledAt ? words.pastTime : words.chooseTime;
    return data({ ok: false as const, intent: 'reschedule', id: postId, error }, { status: 422 });
  }
  const result = await apiJson(context, `/api/v1/social/posts/${encodeURIComponent(postId)}`, {
    method: 'PATCH',
    json: { scheduledAt, mode: 'schedule' },
  });
  if (!result.ok) return failed(result, locale, 'reschedule', scopedPath(scope, '/calendar'), postId);
  return succeeded('reschedule', words.rescheduled, postId);
}

export default function Calendar({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, {
    errorTitle: t('social.errorTitle'),
    successMessage: actionData && 'message' in actionData ? actionData.message : undefined,
  });
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.calendar.title')}</PageTitle>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('social.calendar.title')}</Title>
          <Text c="dimmed">{t('social.calendar.intro')}</Text>
        </div>
      </Group>
      <EditorialCalendar {...loaderData} />
    </Stack>
  );
}
