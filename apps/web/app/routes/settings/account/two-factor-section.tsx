import {
  Alert,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { CopyTextButton } from '../../../components/copy-text-button';
import { SubmitButton } from '../../../components/submit-button';
import { groupedSecret, totpSecretOf } from '../../../lib/two-factor';
import { type AccountActionData, type AccountIntent, resultFor, type TwoFactorSetup } from './account-types';
import { SectionFeedback, SettingsSection } from './settings-section';
import classes from './two-factor.module.css';

interface TwoFactorSectionProps {
  me: Me;
  actionData: AccountActionData | undefined;
  successMessages: Record<AccountIntent, string | undefined>;
}

/**
 * Off → "Turn on" (password) → QR code and a code to confirm → on, with the backup codes shown
 * once. On → new backup codes or "Turn off", both behind the password.
 */
export function TwoFactorSection({ me, actionData, successMessages }: TwoFactorSectionProps) {
  const { t } = useTranslation();
  const result = resultFor(actionData, '2fa-enable', '2fa-confirm', '2fa-disable', '2fa-backup-codes');
  const freshCodes = result?.ok ? result.backupCodes : undefined;
  const setup = !freshCodes ? result?.setup : undefined;

  let body: ReactNode;
  if (freshCodes) {
    body = <BackupCodes codes={freshCodes} email={me.email} />;
  } else if (setup) {
    body = <SetupPanel setup={setup} result={result} />;
  } else if (me.twoFactorEnabled) {
    body = <EnabledPanel result={result} />;
  } else {
    body = <DisabledPanel result={result} />;
  }

  return (
    <SettingsSection
      id="two-factor-title"
      title={t('accountSettings.twoFactor.title')}
      badge={
        <Badge color={me.twoFactorEnabled ? 'green' : 'gray'} variant="light">
          {me.twoFactorEnabled ? t('accountSettings.twoFactor.on') : t('accountSettings.twoFactor.off')}
        </Badge>
      }
      intro={me.twoFactorEnabled ? t('accountSettings.twoFactor.introOn') : t('accountSettings.twoFactor.introOff')}
    >
      {/* The setup panel shows its own error next to the code. */}
      {!setup && (
        <SectionFeedback result={result} successMessage={result ? successMessages[result.intent] : undefined} />
      )}
      {body}
    </SettingsSection>
  );
}

function passwordError(result: AccountActionData | undefined, ...intents: AccountIntent[]): string | undefined {
  return result && !result.ok && intents.includes(result.intent) ? result.fieldErrors.password : undefined;
}

function DisabledPanel({ result }: { result: AccountActionData | undefined }) {
  const { t } = useTranslation();
  return (
    <Form method="post" preventScrollReset>
      <Stack gap="md">
        <input type="hidden" name="intent" value="2fa-enable" />
        <PasswordInput
          label={t('accountSettings.twoFactor.password')}
          description={t('accountSettings.twoFactor.passwordHint')}
          name="password"
          autoComplete="current-password"
          required
          error={passwordError(result, '2fa-enable')}
        />
        <Group>
          <SubmitButton name="intent" value="2fa-enable">
            {t('accountSettings.twoFactor.turnOn')}
          </SubmitButton>
        </Group>
      </Stack>
    </Form>
  );
}

/** One password field for both actions: the button pressed says which (Enter picks the first, harmless one). */
function EnabledPanel({ result }: { result: AccountActionData | undefined }) {
  const { t } = useTranslation();
  return (
    <Form method="post" preventScrollReset>
      <Stack gap="md">
        <PasswordInput
          label={t('accountSettings.twoFactor.password')}
          description={t('accountSettings.twoFactor.passwordHint')}
          name="password"
          autoComplete="current-password"
          required
          error={passwordError(result, '2fa-disable', '2fa-backup-codes')}
        />
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('accountSettings.twoFactor.newCodesHint')}
          </Text>
          <Group gap="sm">
            <SubmitButton name="intent" value="2fa-backup-codes" variant="default">
              {t('accountSettings.twoFactor.newCodes')}
            </SubmitButton>
            <SubmitButton name="intent" value="2fa-disable" variant="light" color="red">
              {t('accountSettings.twoFactor.turnOff')}
            </SubmitButton>
          </Group>
        </Stack>
      </Stack>
    </Form>
  );
}

function SetupPanel({ setup, result }: { setup: TwoFactorSetup; result: AccountActionData | undefined }) {
  const { t } = useTranslation();
  const secret = totpSecretOf(setup.totpURI);
  const codeError = result && !result.ok && result.intent === '2fa-confirm' ? result.fieldErrors.code : undefined;
  return (
    <Stack gap="md">
      <Divider />
      <Title order={3} size="h4">
        {t('accountSettings.twoFactor.setupTitle')}
      </Title>
      <Text>{t('accountSettings.twoFactor.scanStep')}</Text>
      <img src={setup.qrCode} alt={t('accountSettings.twoFactor.qrLabel')} className={classes.qr} />
      <Stack gap={6}>
        <Text size="sm">{t('accountSettings.twoFactor.manualEntry')}</Text>
        <Group gap="sm" wrap="wrap">
          <Code className={classes.secret} dir="ltr" data-testid="totp-secret">
            {groupedSecret(secret)}
          </Code>
          <CopyTextButton
            value={secret}
            label={t('apiKeys.copy')}
            copiedLabel={t('apiKeys.copied')}
            size="compact-sm"
          />
        </Group>
      </Stack>
      <Form method="post" preventScrollReset>
        <Stack gap="md">
          <input type="hidden" name="intent" value="2fa-confirm" />
          <input type="hidden" name="totpURI" value={setup.totpURI} />
          {setup.backupCodes.map((code) => (
            <input key={code} type="hidden" name="backupCode" value={code} />
          ))}
          <Text>{t('accountSettings.twoFactor.confirmStep')}</Text>
          {result && !result.ok && result.intent === '2fa-confirm' && (
            <Alert color="red" title={t('accountSettings.errorTitle')}>
              {result.error}
            </Alert>
          )}
          <TextInput
            label={t('accountSettings.twoFactor.code')}
            name="code"
            required
            dir="ltr"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={12}
            w={{ base: '100%', xs: 220 }}
            error={codeError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
          />
          <Group gap="sm">
            <SubmitButton name="intent" value="2fa-confirm">
              {t('accountSettings.twoFactor.confirm')}
            </SubmitButton>
            <Button component={Link} to="/settings/account" variant="default" preventScrollReset>
              {t('accountSettings.twoFactor.cancel')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Stack>
  );
}

/** Shown once, right after they are made: the API never shows them again. */
function BackupCodes({ codes, email }: { codes: string[]; email: string }) {
  const { t } = useTranslation();
  const fileText = `${t('accountSettings.twoFactor.fileHeader', { email })}\n\n${codes.join('\n')}\n`;
  const fileUrl = `data:text/plain;charset=utf-8,${encodeURIComponent(fileText)}`;
  return (
    <Stack gap="md">
      <Alert color="yellow" title={t('accountSettings.twoFactor.backupTitle')}>
        {t('accountSettings.twoFactor.backupText')}
      </Alert>
      <ol
        className={classes.codes}
        aria-label={t('accountSettings.twoFactor.backupListLabel')}
        data-testid="backup-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Group gap="sm">
        <Button component="a" href={fileUrl} download="souk-backup-codes.txt" variant="default">
          {t('accountSettings.twoFactor.download')}
        </Button>
        <CopyTextButton
          value={codes.join('\n')}
          label={t('accountSettings.twoFactor.copy')}
          copiedLabel={t('accountSettings.twoFactor.copied')}
        />
        <Button component={Link} to="/settings/account" variant="subtle" preventScrollReset>
          {t('accountSettings.twoFactor.backupSaved')}
        </Button>
      </Group>
    </Stack>
  );
}
