import { Alert, Center, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import {
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreferences,
  notificationChannels,
  notificationEventNames,
  notificationEvents,
} from '@souk/contracts/notifications';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { PageTitle } from '../components/page-title';
import { SubmitButton } from '../components/submit-button';
import type { ActionFeedback } from '../lib/action-feedback';
import { apiJson } from '../lib/api.server';
import { signInPath } from '../lib/safe-redirect';
import { unwrapForPage } from '../lib/session.server';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import { useHydrated } from '../lib/use-hydrated';
import type { Route } from './+types/notification-settings';

/** A Record, so adding an event to the contracts fails the type check until it has a label. */
const eventLabelKeys: Record<NotificationEvent, ParseKeys> = {
  'account.welcome': 'settings.events.accountWelcome',
  'platform.announcement': 'settings.events.platformAnnouncement',
  'kyc.decided': 'kyc.events.decided',
  'kyc.bank_account_changed': 'kyc.events.bankAccountChanged',
  'catalog.product_unpublished': 'catalogEvents.productUnpublished',
  'affiliation.requested': 'affiliationEvents.requested',
  'affiliation.decided': 'affiliationEvents.decided',
  'social.reconnect_needed': 'socialEvents.reconnectNeeded',
  'social.approval_requested': 'socialEvents.approvalRequested',
  'social.post_trouble': 'socialEvents.postTrouble',
};

function fieldName(event: NotificationEvent, channel: NotificationChannel): string {
  return `${event}:${channel}`;
}

/**
 * The grid lists every event and channel the platform knows; a pair the API has no row for
 * shows the event's default.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const saved = unwrapForPage(
    await apiJson<NotificationPreferences>(context, '/api/v1/notification-preferences'),
    request,
  );
  const rows = notificationEventNames.map((event) => ({
    event,
    cells: notificationChannels.map((channel) => ({
      channel,
      enabled:
        saved.preferences.find((preference) => preference.event === event && preference.channel === channel)?.enabled ??
        notificationEvents[event].defaults[channel],
    })),
  }));
  return { channels: [...notificationChannels], rows };
}

/** An unchecked box sends nothing, so every pair is rebuilt here and sent in full. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const preferences = notificationEventNames.flatMap((event) =>
    notificationChannels.map((channel) => ({ event, channel, enabled: form.get(fieldName(event, channel)) === 'on' })),
  );
  const result = await apiJson(context, '/api/v1/notification-preferences', { method: 'PUT', json: { preferences } });
  if (result.ok) return data<ActionFeedback>({ ok: true });
  if (result.status === 401) throw redirect(signInPath('/settings/notifications'));
  return data<ActionFeedback>({ ok: false, error: result.problem.title }, { status: result.status });
}

export default function NotificationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  useFeedbackToast(actionData, { errorTitle: t('settings.saveFailed'), successMessage: t('settings.saved') });

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{t('settings.title')}</PageTitle>
      <div>
        <Title order={1}>{t('settings.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('settings.description')}
        </Text>
      </div>

      {actionData && !actionData.ok && (
        <Alert color="red" title={t('settings.saveFailed')}>
          {actionData.error}
        </Alert>
      )}
      {/* Without JavaScript there is no toast, so success is confirmed in the page. */}
      {actionData?.ok && !hydrated && <Alert color="green">{t('settings.saved')}</Alert>}

      <Form method="post">
        <Stack gap="lg">
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.event')}</Table.Th>
                  {loaderData.channels.map((channel) => (
                    <Table.Th key={channel} scope="col" ta="center">
                      {t(`settings.channels.${channel}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaderData.rows.map((row) => {
                  const eventLabel = t(eventLabelKeys[row.event]);
                  return (
                    <Table.Tr key={row.event}>
                      <Table.Th scope="row" fw={500}>
                        {eventLabel}
                      </Table.Th>
                      {row.cells.map((cell) => (
                        <Table.Td key={cell.channel}>
                          <Center>
                            <Checkbox
                              name={fieldName(row.event, cell.channel)}
                              defaultChecked={cell.enabled}
                              aria-label={`${eventLabel} — ${t(`settings.channels.${cell.channel}`)}`}
                            />
                          </Center>
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <SubmitButton>{t('settings.save')}</SubmitButton>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}
