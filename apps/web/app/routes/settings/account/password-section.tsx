import { Group, PasswordInput, Stack } from '@mantine/core';
import { passwordMinLength } from '@souk/contracts/identity';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../../../components/submit-button';
import { type AccountActionData, resultFor } from './account-types';
import { SectionFeedback, SettingsSection } from './settings-section';

interface PasswordSectionProps {
  actionData: AccountActionData | undefined;
  successMessage: string | undefined;
}

export function PasswordSection({ actionData, successMessage }: PasswordSectionProps) {
  const { t } = useTranslation();
  const result = resultFor(actionData, 'password');
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  const formRef = useRef<HTMLFormElement>(null);

  // Passwords must not linger in the page once changed.
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);

  return (
    <SettingsSection
      id="password-title"
      title={t('accountSettings.password.title')}
      intro={t('accountSettings.password.intro')}
    >
      <SectionFeedback result={result} successMessage={successMessage} />
      <Form method="post" preventScrollReset ref={formRef}>
        <Stack gap="md">
          <input type="hidden" name="intent" value="password" />
          <PasswordInput
            label={t('accountSettings.password.current')}
            name="currentPassword"
            autoComplete="current-password"
            required
            error={fieldErrors.currentPassword}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            name="newPassword"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            maxLength={200}
            error={fieldErrors.newPassword}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            name="confirmPassword"
            autoComplete="new-password"
            required
            minLength={passwordMinLength}
            maxLength={200}
            error={fieldErrors.confirmPassword}
          />
          <Group>
            <SubmitButton name="intent" value="password">
              {t('accountSettings.password.submit')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </SettingsSection>
  );
}
