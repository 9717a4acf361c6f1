import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type ApiKeyScope, type ApiKeyView, apiKeyScopes } from '@souk/contracts/api-keys';
import type { ParseKeys } from 'i18next';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { CopyTextButton } from '../../components/copy-text-button';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { type ApiFailure, apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/api-keys';

const pagePath = '/settings/api-keys';

/** A Record, so a scope added to the contracts fails the type check until it has a label. */
const scopeLabelKeys: Record<ApiKeyScope, ParseKeys> = {
  'products:read': 'apiKeys.scopeLabels.productsRead',
  'products:write': 'apiKeys.scopeLabels.productsWrite',
  'conversions:write': 'apiKeys.scopeLabels.conversionsWrite',
  'orders:read': 'apiKeys.scopeLabels.ordersRead',
  'analytics:read': 'apiKeys.scopeLabels.analyticsRead',
  'kyc:write': 'kyc.apiScope',
  'social:read': 'socialApiScopes.read',
  'social:write': 'socialApiScopes.write',
};

const expiryChoices = [
  { days: '', labelKey: 'apiKeys.expiryNever' },
  { days: '30', labelKey: 'apiKeys.expiry30' },
  { days: '90', labelKey: 'apiKeys.expiry90' },
  { days: '365', labelKey: 'apiKeys.expiry365' },
] as const satisfies readonly { days: string; labelKey: ParseKeys }[];

type KeyStatus = 'active' | 'revoked' | 'expired';
const statusColors: Record<KeyStatus, string> = { active: 'green', revoked: 'gray', expired: 'orange' };

type CreateValues = { name: string; scopes: ApiKeyScope[]; expiresInDays: string };
type ApiKeysActionData =
  | { ok: true; intent: 'create'; created: { key: string; name: string } }
  | { ok: true; intent: 'revoke' }
  | {
      ok: false;
      intent: 'create' | 'revoke';
      error: string;
      fieldErrors: Record<string, string>;
      values?: CreateValues;
    };

/** `?revoke=<id>` asks for confirmation first: a link, so it works without JavaScript. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const list = unwrapForPage(await apiJson<{ items: ApiKeyView[] }>(context, '/api/v1/api-keys'), request);
  const now = Date.now();
  const keys = list.items.map((key) => {
    const status: KeyStatus = key.revokedAt
      ? 'revoked'
      : key.expiresAt && Date.parse(key.expiresAt) <= now
        ? 'expired'
        : 'active';
    return { ...key, status };
  });
  const revokeId = new URL(request.url).searchParams.get('revoke');
  const revoking = keys.find((key) => key.id === revokeId && key.status === 'active') ?? null;
  return { keys, revoking };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const fail = (intent: 'create' | 'revoke', result: ApiFailure, values?: CreateValues) => {
    if (result.problem.code === 'unauthenticated') throw redirect(signInPath(pagePath));
    return data<ApiKeysActionData>(
      {
        ok: false,
        intent,
        error: problemMessage(result, locale),
        fieldErrors: fieldErrorsOf(result.problem),
        ...(values ? { values } : {}),
      },
      { status: result.status },
    );
  };

  if (form.get('intent') === 'revoke') {
    const id = formText(form, 'id');
    const result = await apiJson(context, `/api/v1/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) return fail('revoke', result);
    return data<ApiKeysActionData>({ ok: true, intent: 'revoke' });
  }

  const scopes = apiKeyScopes.filter((scope) => form.getAll('scopes').includes(scope));
  const expiresInDays = expiryChoices.find((choice) => choice.days === form.get('expiresInDays'))?.days ?? '';
  const values: CreateValues = { name: formText(form, 'name'), scopes, expiresInDays };
  const fieldErrors: Record<string, string> = {};
  if (!values.name) fieldErrors.name = text.auth.required;
  if (scopes.length === 0) fieldErrors.scopes = text.apiKeys.scopesRequired;
  if (Object.keys(fieldErrors).length) {
    const error = fieldErrors.name ?? fieldErrors.scopes ?? text.auth.required;
    return data<ApiKeysActionData>({ ok: false, intent: 'create', error, fieldErrors, values }, { status: 400 });
  }
  const result = await apiJson<{ key: string; apiKey: ApiKeyView }>(context, '/api/v1/api-keys', {
    method: 'POST',
    json: { name: values.name, scopes, ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}) },
  });
  if (!result.ok) return fail('create', result, values);
  return data<ApiKeysActionData>({
    ok: true,
    intent: 'create',
    created: { key: result.data.key, name: result.data.apiKey.name },
  });
}

export default function ApiKeys({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { keys, revoking } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('apiKeys.errorTitle'),
    successMessage: actionData?.ok && actionData.intent === 'revoke' ? t('apiKeys.revoked') : undefined,
  });
  const created = actionData?.ok && actionData.intent === 'create' ? actionData.created : null;
  const createFailure = actionData && !actionData.ok && actionData.intent === 'create' ? actionData : null;
  const revokeFailure = actionData && !actionData.ok && actionData.intent === 'revoke' ? actionData : null;

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('apiKeys.title')}</PageTitle>
      <div>
        <Title order={1}>{t('apiKeys.title')}</Title>
        <Text c="dimmed" mt={4} maw={720}>
          {t('apiKeys.intro')}
        </Text>
      </div>

      {created && <CreatedKey name={created.name} secret={created.key} />}
      {actionData?.ok && actionData.intent === 'revoke' && <Alert color="green">{t('apiKeys.revoked')}</Alert>}
      {revokeFailure && (
        <Alert color="red" title={t('apiKeys.errorTitle')}>
          {revokeFailure.error}
        </Alert>
      )}
      {revoking && <RevokeConfirmation id={revoking.id} name={revoking.name} />}

      <section aria-labelledby="api-keys-list">
        <Title order={2} size="h3" mb="sm" id="api-keys-list">
          {t('apiKeys.listTitle')}
        </Title>
        {keys.length === 0 ? (
          <Text c="dimmed">{t('apiKeys.empty')}</Text>
        ) : (
          <>
            {/* Wide screens get a table, narrow ones a card per key: both in the HTML, CSS picks. */}
            <Table.ScrollContainer minWidth={820} visibleFrom="sm">
              <Table withTableBorder verticalSpacing="sm" data-testid="api-keys-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('apiKeys.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.prefix')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.scopes')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.lastUsed')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.created')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.expires')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {keys.map((key) => (
                    <Table.Tr key={key.id}>
                      <Table.Th scope="row" fw={600}>
                        {key.name}
                      </Table.Th>
                      <Table.Td>
                        <Code dir="ltr">{key.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <ScopeBadges scopes={key.scopes} />
                      </Table.Td>
                      <Table.Td>
                        {key.lastUsedAt ? <Timestamp value={key.lastUsedAt} relative /> : t('apiKeys.neverUsed')}
                      </Table.Td>
                      <Table.Td>
                        <Timestamp value={key.createdAt} />
                      </Table.Td>
                      <Table.Td>{key.expiresAt ? <Timestamp value={key.expiresAt} /> : t('apiKeys.noExpiry')}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={key.status} />
                      </Table.Td>
                      <Table.Td>{key.status === 'active' && <RevokeLink id={key.id} name={key.name} />}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
              {keys.map((key) => (
                <Paper component="li" key={key.id} withBorder p="sm">
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text fw={600}>{key.name}</Text>
                      <StatusBadge status={key.status} />
                    </Group>
                    <Code dir="ltr" w="fit-content">
                      {key.prefix}…
                    </Code>
                    <ScopeBadges scopes={key.scopes} />
                    <MetaLine label={t('apiKeys.columns.lastUsed')}>
                      {key.lastUsedAt ? <Timestamp value={key.lastUsedAt} relative /> : t('apiKeys.neverUsed')}
                    </MetaLine>
                    <MetaLine label={t('apiKeys.columns.created')}>
                      <Timestamp value={key.createdAt} />
                    </MetaLine>
                    <MetaLine label={t('apiKeys.columns.expires')}>
                      {key.expiresAt ? <Timestamp value={key.expiresAt} /> : t('apiKeys.noExpiry')}
                    </MetaLine>
                    {key.status === 'active' && (
                      <Group>
                        <RevokeLink id={key.id} name={key.name} />
                      </Group>
                    )}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </section>

      <CreateKeyForm failure={createFailure} succeeded={created !== null} />
    </Stack>
  );
}

function MetaLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={8} wrap="wrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function StatusBadge({ status }: { status: KeyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      miw="max-content"
      style={{ overflow: 'visible', flexShrink: 0 }}
    >
      {t(`apiKeys.status.${status}`)}
    </Badge>
  );
}

function ScopeBadges({ scopes }: { scopes: ApiKeyScope[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {scopes.map((scope) => (
        <Badge key={scope} variant="outline" color="gray" tt="none" title={t(scopeLabelKeys[scope])}>
          {scope}
        </Badge>
      ))}
    </Group>
  );
}

function RevokeLink({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`${pagePath}?${new URLSearchParams({ revoke: id })}`}
      preventScrollReset
      variant="light"
      color="red"
      size="xs"
      aria-label={t('apiKeys.revokeLabel', { name })}
    >
      {t('apiKeys.revoke')}
    </Button>
  );
}

/** The secret exists only in this response: the API keeps a hash. */
function CreatedKey({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('apiKeys.createdTitle', { name })}>
      <Stack gap="sm">
        <Text size="sm">{t('apiKeys.createdWarning')}</Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code
            dir="ltr"
            aria-label={t('apiKeys.secretLabel')}
            data-testid="api-key-secret"
            style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}
          >
            {secret}
          </Code>
          <CopyTextButton value={secret} label={t('apiKeys.copy')} copiedLabel={t('apiKeys.copied')} size="xs" />
        </Group>
      </Stack>
    </Alert>
  );
}

function RevokeConfirmation({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      role="alertdialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-text"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      {/* The action drops ?revoke=, so the confirmation closes once done. */}
      <Form method="post" action={pagePath}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="revoke-title">
            {t('apiKeys.revokeTitle', { name })}
          </Title>
          <Text id="revoke-text">{t('apiKeys.revokeText')}</Text>
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="id" value={id} />
          <Group gap="sm">
            <SubmitButton action={pagePath} name="intent" value="revoke" color="red">
              {t('apiKeys.confirmRevoke')}
            </SubmitButton>
            <Button component={Link} to={pagePath} variant="default" preventScrollReset>
              {t('apiKeys.cancel')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

function CreateKeyForm({
  failure,
  succeeded,
}: {
  failure: Extract<ApiKeysActionData, { ok: false }> | null;
  succeeded: boolean;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const values = failure?.values;
  const fieldErrors = failure?.fieldErrors ?? {};

  useEffect(() => {
    if (succeeded) formRef.current?.reset();
  }, [succeeded]);

  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby="create-key-title" maw={720}>
      <Form method="post" action={pagePath} ref={formRef}>
        <Stack gap="md">
          <Title order={2} size="h3" id="create-key-title">
            {t('apiKeys.createTitle')}
          </Title>
          {failure && (
            <Alert color="red" title={t('apiKeys.errorTitle')}>
              {failure.error}
            </Alert>
          )}
          <input type="hidden" name="intent" value="create" />
          <TextInput
            label={t('apiKeys.name')}
            placeholder={t('apiKeys.namePlaceholder')}
            name="name"
            required
            maxLength={80}
            defaultValue={values?.name}
            error={fieldErrors.name}
          />
          <Checkbox.Group
            label={t('apiKeys.scopes')}
            withAsterisk
            defaultValue={values?.scopes ?? []}
            error={fieldErrors.scopes}
          >
            <Stack gap="xs" mt="xs">
              {apiKeyScopes.map((scope) => (
                <Checkbox
                  key={scope}
                  name="scopes"
                  value={scope}
                  label={
                    <>
                      {t(scopeLabelKeys[scope])}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace" dir="ltr">
                        ({scope})
                      </Text>
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <NativeSelect
            label={t('apiKeys.expiry')}
            name="expiresInDays"
            defaultValue={values?.expiresInDays ?? '90'}
            data={expiryChoices.map((choice) => ({ value: choice.days, label: t(choice.labelKey) }))}
            error={fieldErrors.expiresInDays}
            w={{ base: '100%', xs: 240 }}
          />
          <Group>
            <SubmitButton action={pagePath} name="intent" value="create">
              {t('apiKeys.create')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
