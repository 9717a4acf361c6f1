import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type ContactMessageFilter, type ContactMessageList, contactMessageStatuses } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/contact-messages';
import { ContactStateBadge } from './contact-state-badge';

function isFilter(value: string | null): value is ContactMessageFilter {
  return (contactMessageStatuses as readonly string[]).includes(value ?? '');
}

function listUrl(status: ContactMessageFilter, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (status !== 'all') query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/admin/messages?${search}` : '/admin/messages';
}

/** The API enforces admin access: its 403 becomes this page's, its 401 a sign-in redirect. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get('status');
  const status: ContactMessageFilter = isFilter(requested) ? requested : 'all';
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = new URLSearchParams({ status, limit: '25' });
  if (cursor) query.set('cursor', cursor);
  const page = unwrapForPage(
    await apiJson<ContactMessageList>(context, `/api/v1/site/admin/messages?${query}`),
    request,
  );
  return { page, status, cursor };
}

export default function ContactMessages({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page, status, cursor } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('siteAdmin.inboxTitle')}</PageTitle>
      <Title order={1}>{t('siteAdmin.inboxTitle')}</Title>
      <nav aria-label={t('siteAdmin.filterLabel')}>
        {/* Links without JavaScript; the segmented control is the same choice with it. */}
        <noscript>
          <Group gap="sm">
            {contactMessageStatuses.map((filter) => (
              <Anchor key={filter} component={Link} to={listUrl(filter)}>
                {t(`siteAdmin.filters.${filter}`)}
              </Anchor>
            ))}
          </Group>
        </noscript>
        <SegmentedControl
          value={status}
          onChange={(value) => navigate(listUrl(value as ContactMessageFilter))}
          data={contactMessageStatuses.map((filter) => ({ value: filter, label: t(`siteAdmin.filters.${filter}`) }))}
        />
      </nav>
      {page.items.length === 0 ? (
        <Text c="dimmed">{t('siteAdmin.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('siteAdmin.columns.received')}</Table.Th>
                <Table.Th scope="col">{t('siteAdmin.columns.from')}</Table.Th>
                <Table.Th scope="col">{t('siteAdmin.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('siteAdmin.columns.preview')}</Table.Th>
                <Table.Th scope="col">{t('siteAdmin.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((message) => (
                <Table.Tr key={message.id} fw={message.readAt ? undefined : 600}>
                  <Table.Td>
                    <Timestamp value={message.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/messages/${message.id}`}>
                      {message.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {message.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`contact.subjects.${message.subject}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {message.preview}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ContactStateBadge message={message} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between">
        {cursor ? (
          <Anchor component={Link} to={listUrl(status)}>
            {t('siteAdmin.newest')}
          </Anchor>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Button component={Link} to={listUrl(status, page.nextCursor)} variant="default">
            {t('siteAdmin.older')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
