import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { auditActionLabel, auditActions, isAuditAction } from '../../lib/audit-actions';
import { unwrapForPage } from '../../lib/session.server';
import { describeDevice } from '../../lib/user-agent';
import type { Route } from './+types/audit';

const pageSize = 50;

/** A row of GET /api/v1/admin/audit-events (the contracts' AuditEvent schema). */
interface AuditEvent {
  id: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetId: string | null;
  targetEmail: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

interface Filters {
  userId: string;
  action: string;
}

function auditUrl(filters: Filters, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (filters.userId) query.set('userId', filters.userId);
  if (filters.action) query.set('action', filters.action);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/admin/audit?${search}` : '/admin/audit';
}

/** Newest first; filtered by account (`userId`, as actor or target) and by action. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const userId = url.searchParams.get('userId')?.trim() ?? '';
  const requestedAction = url.searchParams.get('action') ?? '';
  // An unknown action would be the API's 422; it is ignored instead, like an empty filter.
  const action = isAuditAction(requestedAction) ? requestedAction : '';
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (userId) query.set('userId', userId);
  if (action) query.set('action', action);
  if (cursor) query.set('cursor', cursor);
  const page = unwrapForPage(await apiJson<AuditEventPage>(context, `/api/v1/admin/audit-events?${query}`), request);
  // The filtered account's address, when an event names it.
  const userEmail =
    (userId &&
      page.items
        .map((item) => (item.actorId === userId ? item.actorEmail : item.targetId === userId ? item.targetEmail : null))
        .find(Boolean)) ||
    null;
  return { page, filters: { userId, action } satisfies Filters, cursor, userEmail };
}

function detailValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(detailValue).join(', ');
  return JSON.stringify(value);
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, filters, cursor, userEmail } = loaderData;
  const actionLabel = (action: string) => (isAuditAction(action) ? auditActionLabel(t, action) : action);

  const person = (id: string | null, email: string | null) => {
    if (!id) return t('audit.nobody');
    return (
      <Anchor component={Link} to={auditUrl({ ...filters, userId: id })} size="sm" dir="ltr">
        {email ?? id}
      </Anchor>
    );
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('audit.title')}</PageTitle>
      <Title order={1}>{t('audit.title')}</Title>

      <Form method="get" role="search">
        <Group align="flex-end" gap="sm">
          {filters.userId && <input type="hidden" name="userId" value={filters.userId} />}
          <NativeSelect
            label={t('audit.actionFilter')}
            name="action"
            defaultValue={filters.action}
            data={[
              { value: '', label: t('audit.allActions') },
              ...auditActions.map((action) => ({ value: action, label: auditActionLabel(t, action) })),
            ]}
            w={{ base: '100%', xs: 320 }}
          />
          <SubmitButton variant="default">{t('audit.filter')}</SubmitButton>
          {(filters.userId || filters.action) && (
            <Anchor component={Link} to="/admin/audit" py={8}>
              {t('audit.clear')}
            </Anchor>
          )}
        </Group>
      </Form>

      {filters.userId && (
        <Group gap="xs">
          <Badge variant="light" size="lg" tt="none" style={{ maxWidth: '100%' }}>
            {t('audit.userFilter', { user: userEmail ?? filters.userId })}
          </Badge>
          <Anchor component={Link} to={auditUrl({ ...filters, userId: '' })} size="sm">
            {t('audit.clear')}
          </Anchor>
        </Group>
      )}

      {page.items.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1120}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.target')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.userAgent')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((event) => (
                <Table.Tr key={event.id} data-action={event.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Timestamp value={event.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={event.action === 'sign_in_failed' ? 'red.8' : undefined}>
                      {actionLabel(event.action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{person(event.actorId, event.actorEmail)}</Table.Td>
                  <Table.Td>{person(event.targetId, event.targetEmail)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" ff="monospace" dir="ltr">
                      {event.ipAddress ?? t('audit.nobody')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={event.userAgent ?? undefined}>
                      {describeDevice(event.userAgent) ?? event.userAgent ?? t('audit.nobody')}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={220}>
                    {Object.entries(event.details).map(([key, value]) => (
                      <Text key={key} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {key}: <span dir="ltr">{detailValue(value)}</span>
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group justify="space-between">
        {cursor ? (
          <Anchor component={Link} to={auditUrl(filters)}>
            {t('audit.newest')}
          </Anchor>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Button component={Link} to={auditUrl(filters, page.nextCursor)} variant="default">
            {t('audit.older')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
