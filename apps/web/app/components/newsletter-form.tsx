import { Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import type { ActionFeedback } from '../lib/action-feedback';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import { SubmitButton } from './submit-button';

/**
 * Footer sign-up. A fetcher keeps the visitor on their page with JavaScript; without it the form
 * posts to /newsletter, which answers with a page of its own.
 */
export function NewsletterForm() {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionFeedback>();
  useFeedbackToast(fetcher.data, {
    errorTitle: t('siteFooter.errorTitle'),
    successMessage: t('siteFooter.subscribed'),
  });
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const done = fetcher.data?.ok === true;
  return (
    <Stack gap="xs" component="section" aria-labelledby="newsletter-title" maw={420}>
      <Title order={2} size="h5" id="newsletter-title">
        {t('siteFooter.newsletterTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('siteFooter.newsletterText')}
      </Text>
      {done ? (
        <Text size="sm" c="green.9" role="status">
          {t('siteFooter.subscribed')}
        </Text>
      ) : (
        <fetcher.Form method="post" action="/newsletter">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              name="email"
              type="email"
              required
              autoComplete="email"
              dir="ltr"
              aria-label={t('siteFooter.emailLabel')}
              placeholder={t('siteFooter.emailLabel')}
              error={failure?.fieldErrors?.email ?? failure?.error}
              style={{ flex: 1 }}
            />
            <input
              type="text"
              name="website"
              tabIndex={-1}
              autoComplete="off"
              aria-hidden="true"
              aria-label={t('siteFooter.honeypot')}
              style={{ position: 'absolute', insetInlineStart: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
            />
            <SubmitButton action="/newsletter">{t('siteFooter.subscribe')}</SubmitButton>
          </Group>
        </fetcher.Form>
      )}
    </Stack>
  );
}
