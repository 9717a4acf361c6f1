import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHydrated } from '../../../lib/use-hydrated';
import type { AccountActionData } from './account-types';

interface SettingsSectionProps {
  id: string;
  title: string;
  badge?: ReactNode;
  intro?: string | undefined;
  children: ReactNode;
}

export function SettingsSection({ id, title, badge, intro, children }: SettingsSectionProps) {
  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={id}>
      <Stack gap="md">
        <div>
          <Group gap="sm" wrap="wrap">
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {badge}
          </Group>
          {intro && (
            <Text c="dimmed" size="sm" mt={4}>
              {intro}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A section's outcome in the page: failures always (the toast is the enhancement), success only
 * without JavaScript, when there is no toast to say it.
 */
export function SectionFeedback({
  result,
  successMessage,
}: {
  result: AccountActionData | undefined;
  successMessage?: string | undefined;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  if (!result) return null;
  if (!result.ok) {
    return (
      <Alert color="red" title={t('accountSettings.errorTitle')}>
        {result.error}
      </Alert>
    );
  }
  if (!hydrated && successMessage) return <Alert color="green">{successMessage}</Alert>;
  return null;
}
