import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import { isLocale } from '@souk/contracts/locales';
import { validateMoroccanPhone } from '@souk/contracts/moroccan-identifiers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../../../components/submit-button';

/** Phone number, then the code texted to it; a verified number is shown as such. */
export function PhoneStep(props: {
  verifiedNumber: string | null;
  sentTo: string | null;
  fieldErrors: Record<string, string>;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'fr';
  const [phone, setPhone] = useState(props.sentTo ?? props.verifiedNumber ?? '');
  const checked = phone.trim() ? validateMoroccanPhone(phone) : null;
  const liveError = checked && !checked.ok ? identifierProblemMessages[locale][checked.problem] : undefined;

  return (
    <Stack gap="md">
      {props.verifiedNumber ? (
        <Alert color="green">{t('kyc.phone.verified', { phone: props.verifiedNumber })}</Alert>
      ) : null}
      <Form method="post">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="phone"
            type="tel"
            dir="ltr"
            autoComplete="tel"
            label={t('kyc.phone.label')}
            placeholder={t('kyc.phone.placeholder')}
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={liveError ?? props.fieldErrors.phone}
            disabled={props.disabled}
            style={{ flex: '1 1 14rem' }}
          />
          <SubmitButton name="intent" value="send-code" variant="light" disabled={props.disabled}>
            {t('kyc.phone.send')}
          </SubmitButton>
        </Group>
      </Form>
      {props.sentTo ? (
        <Form method="post">
          <Text size="sm" c="dimmed" mb="xs">
            {t('kyc.phone.sent', { phone: props.sentTo })}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              name="code"
              label={t('kyc.phone.codeLabel')}
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              maxLength={6}
              error={props.fieldErrors.code}
              style={{ flex: '1 1 10rem' }}
            />
            <SubmitButton name="intent" value="verify-code">
              {t('kyc.phone.verify')}
            </SubmitButton>
          </Group>
        </Form>
      ) : null}
    </Stack>
  );
}
