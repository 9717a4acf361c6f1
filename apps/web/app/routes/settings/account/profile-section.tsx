import { Badge, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import { locales } from '@souk/contracts/locales';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { languageNames } from '../../../components/language-switch';
import { SubmitButton } from '../../../components/submit-button';
import { useRootData } from '../../../lib/root-data';
import { type AccountActionData, type AccountIntent, resultFor } from './account-types';
import { SectionFeedback, SettingsSection } from './settings-section';

interface ProfileSectionProps {
  me: Me;
  actionData: AccountActionData | undefined;
  successMessages: Record<AccountIntent, string | undefined>;
}

export function ProfileSection({ me, actionData, successMessages }: ProfileSectionProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const result = resultFor(actionData, 'profile', 'email');
  const successMessage = result ? successMessages[result.intent] : undefined;
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  const accountTypeLabel = me.accountType
    ? t(`accountSettings.accountTypes.${me.accountType}`)
    : me.role === 'admin'
      ? t('accountSettings.accountTypes.admin')
      : null;

  return (
    <SettingsSection id="profile-title" title={t('accountSettings.profile.title')}>
      <SectionFeedback result={result} successMessage={successMessage} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('accountSettings.profile.email')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text dir="ltr" style={{ overflowWrap: 'anywhere' }}>
            {me.email}
          </Text>
          <Badge color={me.emailVerified ? 'green' : 'yellow'} variant="light">
            {me.emailVerified
              ? t('accountSettings.profile.emailVerified')
              : t('accountSettings.profile.emailUnverified')}
          </Badge>
        </Group>
      </Stack>
      <Form method="post" preventScrollReset>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <input type="hidden" name="intent" value="email" />
          <TextInput
            label={t('accountSettings.profile.newEmail')}
            description={t('accountSettings.profile.newEmailHint')}
            name="newEmail"
            type="email"
            autoComplete="email"
            dir="ltr"
            required
            maxLength={320}
            error={fieldErrors.newEmail}
            style={{ flex: '1 1 16rem' }}
          />
          <SubmitButton name="intent" value="email" variant="light">
            {t('accountSettings.profile.changeEmail')}
          </SubmitButton>
        </Group>
      </Form>
      {accountTypeLabel && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('accountSettings.profile.accountType')}
          </Text>
          <Text>{accountTypeLabel}</Text>
        </Stack>
      )}
      <Form method="post" preventScrollReset>
        <Stack gap="md">
          <input type="hidden" name="intent" value="profile" />
          <TextInput
            label={t('accountSettings.profile.name')}
            name="name"
            autoComplete="name"
            required
            minLength={2}
            maxLength={120}
            defaultValue={me.name}
            error={fieldErrors.name}
          />
          <NativeSelect
            label={t('accountSettings.profile.language')}
            description={t('accountSettings.profile.languageHint')}
            name="locale"
            defaultValue={me.locale ?? locale}
            data={locales.map((code) => ({ value: code, label: languageNames[code] }))}
            error={fieldErrors.locale}
          />
          <Group>
            <SubmitButton name="intent" value="profile">
              {t('accountSettings.profile.save')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </SettingsSection>
  );
}
