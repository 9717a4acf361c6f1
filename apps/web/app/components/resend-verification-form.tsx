import { Alert, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import type { ResendResult } from '../lib/auth-paths';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import { SubmitButton } from './submit-button';

interface ResendVerificationFormProps {
  /** Known address (just signed up): sent as a hidden field instead of asked for. */
  email?: string | undefined;
  /** The page's own action result, for when the form was posted without JavaScript. */
  fallback?: ResendResult | undefined;
}

/**
 * Asks the API for a new confirmation link. Posts to /verify-email: with JavaScript it stays on
 * the page; without, that page shows the outcome.
 */
export function ResendVerificationForm({ email, fallback }: ResendVerificationFormProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ResendResult>();
  const feedback = fetcher.data ?? fallback;
  useFeedbackToast(fetcher.data, { errorTitle: t('verifyEmail.errorTitle'), successMessage: t('checkEmail.resent') });
  const fieldErrors = feedback && !feedback.ok ? feedback.fieldErrors : {};

  return (
    <fetcher.Form method="post" action="/verify-email">
      <Stack gap="sm">
        {feedback?.ok && <Alert color="green">{t('checkEmail.resent')}</Alert>}
        {feedback && !feedback.ok && (
          <Alert color="red" title={t('verifyEmail.errorTitle')}>
            {feedback.error}
          </Alert>
        )}
        {email ? (
          <input type="hidden" name="email" value={email} />
        ) : (
          <TextInput
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="email"
            dir="ltr"
            required
            defaultValue={feedback?.email}
            error={fieldErrors.email}
          />
        )}
        <SubmitButton action="/verify-email" variant={email ? 'default' : 'filled'} fullWidth>
          {t('checkEmail.resend')}
        </SubmitButton>
      </Stack>
    </fetcher.Form>
  );
}
