import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../../../components/submit-button';
import { Timestamp } from '../../../components/timestamp';
import { type AccountActionData, type AccountIntent, resultFor, type SessionView } from './account-types';
import { SectionFeedback, SettingsSection } from './settings-section';

interface SessionsSectionProps {
  sessions: SessionView[];
  actionData: AccountActionData | undefined;
  successMessages: Record<AccountIntent, string | undefined>;
}

export function SessionsSection({ sessions, actionData, successMessages }: SessionsSectionProps) {
  const { t } = useTranslation();
  const result = resultFor(actionData, 'revoke-session', 'revoke-other-sessions');
  const hasOthers = sessions.some((session) => !session.current);

  return (
    <SettingsSection
      id="sessions-title"
      title={t('accountSettings.sessions.title')}
      intro={t('accountSettings.sessions.intro')}
    >
      <SectionFeedback result={result} successMessage={result ? successMessages[result.intent] : undefined} />
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {sessions.map((session) => {
          const device = session.device ?? t('accountSettings.sessions.unknownDevice');
          return (
            <Paper component="li" key={session.id} withBorder p="sm" data-current={session.current || undefined}>
              <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                <Stack gap={2} miw={0}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{device}</Text>
                    {session.current && (
                      <Badge color="green" variant="light">
                        {t('accountSettings.sessions.current')}
                      </Badge>
                    )}
                  </Group>
                  {session.ipAddress && (
                    <Text size="sm" c="dimmed">
                      {t('accountSettings.sessions.ipAddress', { ip: session.ipAddress })}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {t('accountSettings.sessions.started')} <Timestamp value={session.createdAt} /> ·{' '}
                    {t('accountSettings.sessions.expires')} <Timestamp value={session.expiresAt} />
                  </Text>
                </Stack>
                {!session.current && (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="revoke-session" />
                    <SubmitButton
                      name="sessionId"
                      value={session.id}
                      variant="light"
                      color="red"
                      size="xs"
                      aria-label={t('accountSettings.sessions.revokeLabel', { device })}
                    >
                      {t('accountSettings.sessions.revoke')}
                    </SubmitButton>
                  </Form>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {hasOthers && (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="revoke-other-sessions" />
          <SubmitButton name="intent" value="revoke-other-sessions" variant="default" color="red">
            {t('accountSettings.sessions.revokeOthers')}
          </SubmitButton>
        </Form>
      )}
    </SettingsSection>
  );
}
