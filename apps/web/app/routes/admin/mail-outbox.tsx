import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/mail-outbox';
import { MailStatusBadge } from './mail-status-badge';
import type { MailMessagePage } from './mail-types';

const pageSize = 25;

/** The API enforces admin access: its 403 becomes this page's 403, its 401 a sign-in redirect. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to')?.trim() ?? '';
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (to) query.set('to', to);
  if (cursor) query.set('cursor', cursor);
  const page = unwrapForPage(await apiJson<MailMessagePage>(context, `/api/v1/admin/mail-messages?${query}`), request);
  return { page, to, cursor };
}

function listUrl(to: string, cursor?: string): string {
  const query = new URLSearchParams();
  if (to) query.set('to', to);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/admin/mail?${search}` : '/admin/mail';
}

export default function MailOutbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, to, cursor } = loaderData;

  return (
    <Stack gap="lg">
      <PageTitle>{t('mail.title')}</PageTitle>
      <Title order={1}>{t('mail.title')}</Title>

      <Form method="get" role="search">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('mail.filterLabel')}
            name="to"
            type="search"
            defaultValue={to}
            placeholder={t('mail.filterPlaceholder')}
            w={{ base: '100%', xs: 320 }}
          />
          <SubmitButton variant="default">{t('mail.filter')}</SubmitButton>
          {to && (
            <Anchor component={Link} to="/admin/mail" py={8}>
              {t('mail.clearFilter')}
            </Anchor>
          )}
        </Group>
      </Form>

      {page.items.length === 0 ? (
        <Text c="dimmed">{to ? t('mail.emptyFiltered') : t('mail.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mail.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.to')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.template')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.locale')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.attempts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td>
                    <Timestamp value={message.createdAt} />
                  </Table.Td>
                  <Table.Td dir="ltr">{message.to}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/mail/${message.id}`}>
                      {message.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {message.template}
                    </Text>
                  </Table.Td>
                  <Table.Td>{message.locale}</Table.Td>
                  <Table.Td>
                    <MailStatusBadge status={message.status} />
                  </Table.Td>
                  <Table.Td>{message.attempts}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group justify="space-between">
        {cursor ? (
          <Anchor component={Link} to={listUrl(to)}>
            {t('mail.newest')}
          </Anchor>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Button component={Link} to={listUrl(to, page.nextCursor)} variant="default">
            {t('mail.older')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
