import { Alert, Anchor, Avatar, Badge, Code, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  type ConnectionErrorCode,
  connectionErrorCodes,
  type SocialAccountView,
  type SocialProviderView,
  type socialAccountListSchema,
  type socialProviderListSchema,
  socialProviders,
} from '@souk/contracts/social';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, redirectDocument } from 'react-router';
import type { z } from 'zod';
import { ConfirmSubmit } from '../../components/confirm-submit';
import { PageTitle } from '../../components/page-title';
import { AccountHealthBadge } from '../../components/social/status-badges';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/accounts';
import { failed, requireSocialScope, succeeded } from './social.server';
import { ownerFields, ownerParams, scopedPath } from './social-scope';

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const [providers, accounts] = await Promise.all([
    apiJson<z.infer<typeof socialProviderListSchema>>(context, '/api/v1/social/providers'),
    apiJson<z.infer<typeof socialAccountListSchema>>(context, `/api/v1/social/accounts?${ownerParams(scope)}`),
  ]);
  const url = new URL(request.url);
  const error = url.searchParams.get('error');
  return {
    scope,
    providers: unwrapForPage(providers, request).items,
    accounts: unwrapForPage(accounts, request).items,
    connected: url.searchParams.get('connected'),
    error: connectionErrorCodes.includes(error as ConnectionErrorCode) ? (error as ConnectionErrorCode) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const scope = await requireSocialScope(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const pagePath = scopedPath(scope, '/accounts');
  if (intent === 'disconnect') {
    const id = formText(form, 'accountId');
    const result = await apiJson(context, `/api/v1/social/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) return failed(result, locale, intent, pagePath, id);
    return succeeded(intent, translations[locale].social.accounts.disconnected, id);
  }
  const provider = formText(form, 'provider');
  const result = await apiJson<{ authorizationUrl: string }>(context, '/api/v1/social/connections', {
    method: 'POST',
    json: { provider, ...ownerFields(scope) },
  });
  if (!result.ok) return failed(result, locale, 'connect', pagePath, provider);
  // The consent page is the platform's (or the sandbox's, served outside this app): a full page load.
  return redirectDocument(result.data.authorizationUrl);
}

export default function SocialAccounts({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { providers, accounts, connected, error } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('social.errorTitle'), successMessage: actionData?.message });
  const ordered = socialProviders
    .map((name) => providers.find((provider) => provider.provider === name))
    .filter((provider): provider is SocialProviderView => Boolean(provider));
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.accounts.title')}</PageTitle>
      <div>
        <Title order={1}>{t('social.accounts.title')}</Title>
        <Text c="dimmed">{t('social.accounts.intro')}</Text>
      </div>
      <ConnectionOutcome connected={connected} error={error} />
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {ordered.map((provider) => (
          <ProviderCard
            key={provider.provider}
            provider={provider}
            accounts={accounts.filter((account) => account.provider === provider.provider)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ConnectionOutcome({ connected, error }: { connected: string | null; error: ConnectionErrorCode | null }) {
  const { t } = useTranslation();
  useEffect(() => {
    // The address keeps the outcome only for this view: a reload must not repeat the message.
    if (connected || error) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [connected, error]);
  if (error) {
    return (
      <Alert color="red" role="alert" title={t('social.accounts.connectFailed')} data-testid="connect-error">
        {t(`social.connectionError.${error}`)}
      </Alert>
    );
  }
  if (connected) {
    return (
      <Alert color="green" role="status" data-testid="connect-success">
        {t('social.accounts.connectedNow', { provider: t(`social.provider.${connected as 'sandbox'}`, connected) })}
      </Alert>
    );
  }
  return null;
}

function ProviderCard({ provider, accounts }: { provider: SocialProviderView; accounts: SocialAccountView[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" data-testid="provider" data-provider={provider.provider}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {provider.name}
          </Title>
          {provider.configured ? (
            <Badge color="green" variant="dot">
              {provider.provider === 'sandbox' ? t('social.accounts.builtIn') : t('social.accounts.configured')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" data-testid="not-configured">
              {t('social.accounts.notConfigured')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {provider.rules.linkAdvice}
        </Text>
        {accounts.length === 0 && provider.configured && (
          <Text size="sm" c="dimmed">
            {t('social.accounts.none')}
          </Text>
        )}
        {accounts.map((account) => (
          <AccountRow key={account.id} account={account} />
        ))}
        {provider.configured ? (
          <Form method="post">
            <input type="hidden" name="intent" value="connect" />
            <SubmitButton
              variant={accounts.length ? 'default' : 'filled'}
              data-testid="connect"
              name="provider"
              value={provider.provider}
            >
              {accounts.length
                ? t('social.accounts.connectAnother', { provider: provider.name })
                : t('social.accounts.connect', { provider: provider.name })}
            </SubmitButton>
          </Form>
        ) : (
          provider.setup && <SetupGuide setup={provider.setup} />
        )}
      </Stack>
    </Paper>
  );
}

function SetupGuide({ setup }: { setup: NonNullable<SocialProviderView['setup']> }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm" fw={600}>
          {t('social.accounts.setupGuide')}
        </Text>
      </summary>
      <Stack gap="xs" mt="xs" data-testid="setup-guide">
        <List size="sm" type="ordered">
          {setup.steps.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
        <Text size="sm" fw={600}>
          {t('social.accounts.credentials')}
        </Text>
        <Group gap={6}>
          {setup.credentials.map((name) => (
            <Code key={name} dir="ltr">
              {name}
            </Code>
          ))}
        </Group>
        <Text size="sm" fw={600}>
          {t('social.accounts.redirectUrl')}
        </Text>
        <Code dir="ltr" style={{ overflowWrap: 'anywhere' }}>
          {setup.redirectUrl}
        </Code>
        <Text size="sm" fw={600}>
          {t('social.accounts.scopes')}
        </Text>
        <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
          {setup.scopes.join(', ')}
        </Text>
        <Anchor href={setup.documentationUrl} target="_blank" rel="noopener noreferrer" size="sm">
          {t('social.accounts.documentation')}
        </Anchor>
      </Stack>
    </details>
  );
}

function AccountRow({ account }: { account: SocialAccountView }) {
  const { t } = useTranslation();
  const needsReconnect = account.health === 'reconnect_needed' || account.health === 'token_expiring';
  return (
    <Paper withBorder p="sm" data-testid="social-account" data-account-id={account.id} data-handle={account.handle}>
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar src={account.avatarUrl} alt="" radius="xl">
            {account.displayName.slice(0, 1)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {account.displayName}
              </Text>
              <AccountHealthBadge health={account.health} />
            </Group>
            {account.profileUrl ? (
              <Anchor href={account.profileUrl} target="_blank" rel="noopener noreferrer" size="sm" dir="ltr">
                @{account.handle}
              </Anchor>
            ) : (
              <Text size="sm" dir="ltr">
                @{account.handle}
              </Text>
            )}
          </Stack>
        </Group>
        {account.healthReason && (
          <Text size="sm" c={account.health === 'reconnect_needed' ? 'red.8' : 'dimmed'}>
            {account.healthReason}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="quota">
          {account.quota.limit === null
            ? t('social.accounts.quotaUnlimited', { used: account.quota.usedToday })
            : t('social.accounts.quota', { used: account.quota.usedToday, limit: account.quota.limit })}
        </Text>
        {account.tokenExpiresAt && (
          <Text size="xs" c="dimmed">
            {t('social.accounts.tokenExpires')} <Timestamp value={account.tokenExpiresAt} relative />
          </Text>
        )}
        <Group gap="xs">
          {needsReconnect && (
            <Form method="post">
              <input type="hidden" name="intent" value="connect" />
              <SubmitButton size="compact-sm" color="orange" name="provider" value={account.provider}>
                {t('social.accounts.reconnect')}
              </SubmitButton>
            </Form>
          )}
          <ConfirmSubmit
            fields={{ intent: 'disconnect', accountId: account.id }}
            label={t('social.accounts.disconnect')}
            question={t('social.accounts.disconnectQuestion', { handle: account.handle })}
            size="compact-sm"
            variant="subtle"
            color="red"
            testId="disconnect-form"
          />
        </Group>
      </Stack>
    </Paper>
  );
}
