import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { AdminUserView } from '@souk/contracts/admin';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { type ApiFailure, apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { signInPath } from '../../lib/safe-redirect';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/users';

const pageSize = 25;

interface AdminUserPage {
  items: AdminUserView[];
  nextCursor: string | null;
}

type UsersActionData =
  | { ok: true; intent: 'suspend' | 'reactivate' }
  | {
      ok: false;
      intent: 'suspend' | 'reactivate';
      id: string;
      error: string;
      fieldErrors: Record<string, string>;
      reason?: string;
    };

function listUrl(q: string, cursor?: string | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  const search = query.toString();
  return search ? `/admin/users?${search}` : '/admin/users';
}

/**
 * The API enforces admin access (its 403 is this page's). `?suspend=<id>` opens the suspension
 * form for that account: a link, so it works without JavaScript.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q')?.trim() ?? '';
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  const page = unwrapForPage(await apiJson<AdminUserPage>(context, `/api/v1/admin/users?${query}`), request);
  return { page, q, cursor, suspendId: url.searchParams.get('suspend') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const intent = form.get('intent') === 'reactivate' ? 'reactivate' : 'suspend';
  const id = formText(form, 'id');
  const reason = formText(form, 'reason');
  const fail = (result: ApiFailure) => {
    if (result.problem.code === 'unauthenticated') throw redirect(signInPath('/admin/users'));
    return data<UsersActionData>(
      {
        ok: false,
        intent,
        id,
        error: problemMessage(result, locale),
        fieldErrors: fieldErrorsOf(result.problem),
        reason,
      },
      { status: result.status },
    );
  };

  if (intent === 'suspend' && !reason) {
    const required = translations[locale].auth.required;
    return data<UsersActionData>(
      { ok: false, intent, id, error: required, fieldErrors: { reason: required }, reason },
      { status: 400 },
    );
  }
  const path = `/api/v1/admin/users/${encodeURIComponent(id)}/${intent}`;
  const result = await apiJson(context, path, { method: 'POST', json: intent === 'suspend' ? { reason } : {} });
  return result.ok ? data<UsersActionData>({ ok: true, intent }) : fail(result);
}

export default function AdminUsers({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const { page, q, cursor } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('adminUsers.errorTitle'),
    successMessage: actionData?.ok
      ? actionData.intent === 'suspend'
        ? t('adminUsers.suspended')
        : t('adminUsers.reactivated')
      : undefined,
  });
  const failure = actionData && !actionData.ok ? actionData : null;
  // After a failed suspension the form stays open, with the reason typed so far.
  const suspendId = loaderData.suspendId ?? (failure?.intent === 'suspend' ? failure.id : null);
  const suspending = page.items.find((user) => user.id === suspendId && !user.banned) ?? null;
  // Posting to the list's URL (without ?suspend=) closes the form once done.
  const formAction = listUrl(q, cursor);

  return (
    <Stack gap="lg">
      <PageTitle>{t('adminUsers.title')}</PageTitle>
      <Title order={1}>{t('adminUsers.title')}</Title>

      <Form method="get" role="search">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('adminUsers.searchLabel')}
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('adminUsers.searchPlaceholder')}
            w={{ base: '100%', xs: 320 }}
          />
          <SubmitButton variant="default">{t('adminUsers.search')}</SubmitButton>
          {q && (
            <Anchor component={Link} to="/admin/users" py={8}>
              {t('adminUsers.clear')}
            </Anchor>
          )}
        </Group>
      </Form>

      {actionData?.ok && (
        <Alert color="green">
          {actionData.intent === 'suspend' ? t('adminUsers.suspended') : t('adminUsers.reactivated')}
        </Alert>
      )}
      {failure && !(failure.intent === 'suspend' && suspending) && (
        <Alert color="red" title={t('adminUsers.errorTitle')}>
          {failure.error}
        </Alert>
      )}

      {suspending && (
        <SuspendForm
          user={suspending}
          action={formAction}
          cancelTo={formAction}
          failure={failure?.intent === 'suspend' && failure.id === suspending.id ? failure : null}
        />
      )}

      {page.items.length === 0 ? (
        <Text c="dimmed">{q ? t('adminUsers.emptyFiltered') : t('adminUsers.empty')}</Text>
      ) : (
        <>
          {/* Wide screens get a table, narrow ones a card per account: both in the HTML, CSS picks. */}
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table striped withTableBorder verticalSpacing="sm" data-testid="admin-users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('adminUsers.columns.user')}</Table.Th>
                  <Table.Th scope="col">{t('adminUsers.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('adminUsers.columns.created')}</Table.Th>
                  <Table.Th scope="col">{t('adminUsers.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((user) => (
                  <Table.Tr key={user.id} data-user-id={user.id}>
                    <Table.Td>
                      <UserIdentity user={user} isViewer={user.id === viewer?.id} />
                    </Table.Td>
                    <Table.Td>
                      <UserBadges user={user} />
                    </Table.Td>
                    <Table.Td>
                      <Timestamp value={user.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <UserActions
                        user={user}
                        isViewer={user.id === viewer?.id}
                        formAction={formAction}
                        suspendTo={listUrl(q, cursor, { suspend: user.id })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
            {page.items.map((user) => (
              <Paper component="li" key={user.id} withBorder p="sm">
                <Stack gap="xs">
                  <UserIdentity user={user} isViewer={user.id === viewer?.id} />
                  <UserBadges user={user} />
                  <Text size="sm" c="dimmed">
                    {t('adminUsers.columns.created')} <Timestamp value={user.createdAt} />
                  </Text>
                  <UserActions
                    user={user}
                    isViewer={user.id === viewer?.id}
                    formAction={formAction}
                    suspendTo={listUrl(q, cursor, { suspend: user.id })}
                  />
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}

      <Group justify="space-between">
        {cursor ? (
          <Anchor component={Link} to={listUrl(q)}>
            {t('adminUsers.first')}
          </Anchor>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Button component={Link} to={listUrl(q, page.nextCursor)} variant="default">
            {t('adminUsers.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function UserIdentity({ user, isViewer }: { user: AdminUserView; isViewer: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text fw={600}>
        {user.name}
        {isViewer && (
          <Text span c="dimmed" fw={400}>
            {' '}
            ({t('adminUsers.you')})
          </Text>
        )}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        <span dir="ltr">{user.email}</span>
      </Text>
    </div>
  );
}

interface UserActionsProps {
  user: AdminUserView;
  isViewer: boolean;
  formAction: string;
  suspendTo: string;
}

/** Reactivating is a direct POST; suspending opens the form that asks the reason. Nobody suspends themselves. */
function UserActions({ user, isViewer, formAction, suspendTo }: UserActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      {user.banned ? (
        <Form method="post" action={formAction}>
          <input type="hidden" name="intent" value="reactivate" />
          <input type="hidden" name="id" value={user.id} />
          <SubmitButton
            action={formAction}
            name="id"
            value={user.id}
            size="xs"
            variant="light"
            aria-label={t('adminUsers.reactivateLabel', { name: user.name })}
          >
            {t('adminUsers.reactivate')}
          </SubmitButton>
        </Form>
      ) : (
        !isViewer && (
          <Button
            component={Link}
            to={suspendTo}
            preventScrollReset
            size="xs"
            variant="light"
            color="red"
            aria-label={t('adminUsers.suspendLabel', { name: user.name })}
          >
            {t('adminUsers.suspend')}
          </Button>
        )
      )}
      <Button
        component={Link}
        to={`/admin/audit?${new URLSearchParams({ userId: user.id })}`}
        size="xs"
        variant="subtle"
        aria-label={t('adminUsers.auditLabel', { name: user.name })}
      >
        {t('adminUsers.audit')}
      </Button>
    </Group>
  );
}

function UserBadges({ user }: { user: AdminUserView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap={4}>
        {user.role === 'admin' && (
          <Badge color="grape" variant="filled">
            {t('adminUsers.badges.admin')}
          </Badge>
        )}
        {user.accountType && (
          <Badge color={user.accountType === 'merchant' ? 'blue' : 'pink'} variant="light">
            {t(`adminUsers.badges.${user.accountType}`)}
          </Badge>
        )}
        <Badge color={user.emailVerified ? 'green' : 'yellow'} variant="outline">
          {user.emailVerified ? t('adminUsers.badges.verified') : t('adminUsers.badges.unverified')}
        </Badge>
        {user.twoFactorEnabled && (
          <Badge color="teal" variant="outline">
            {t('adminUsers.badges.twoFactor')}
          </Badge>
        )}
        {user.banned && (
          <Badge color="red" variant="filled">
            {t('adminUsers.badges.suspended')}
          </Badge>
        )}
      </Group>
      {user.banned && user.banReason && (
        <Text size="xs" c="red.8">
          {t('adminUsers.reason', { reason: user.banReason })}
        </Text>
      )}
    </Stack>
  );
}

interface SuspendFormProps {
  user: AdminUserView;
  action: string;
  cancelTo: string;
  failure: Extract<UsersActionData, { ok: false }> | null;
}

function SuspendForm({ user, action, cancelTo, failure }: SuspendFormProps) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      role="alertdialog"
      aria-labelledby="suspend-title"
      aria-describedby="suspend-text"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
      maw={640}
    >
      <Form method="post" action={action}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="suspend-title">
            {t('adminUsers.suspendTitle', { name: user.name })}
          </Title>
          <Text id="suspend-text">
            <span dir="ltr">{user.email}</span> — {t('adminUsers.suspendText')}
          </Text>
          {failure && (
            <Alert color="red" title={t('adminUsers.errorTitle')}>
              {failure.error}
            </Alert>
          )}
          <input type="hidden" name="intent" value="suspend" />
          <input type="hidden" name="id" value={user.id} />
          <Textarea
            label={t('adminUsers.reasonLabel')}
            description={t('adminUsers.reasonHint')}
            name="reason"
            required
            minLength={3}
            maxLength={500}
            autosize
            minRows={2}
            defaultValue={failure?.reason}
            error={failure?.fieldErrors.reason}
          />
          <Group gap="sm">
            <SubmitButton action={action} name="intent" value="suspend" color="red">
              {t('adminUsers.confirmSuspend')}
            </SubmitButton>
            <Button component={Link} to={cancelTo} variant="default" preventScrollReset>
              {t('adminUsers.cancel')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
