import { Anchor, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { MailMessageView } from '@souk/contracts/mail';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/mail-message';
import { MailStatusBadge } from './mail-status-badge';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const message = unwrapForPage(
    await apiJson<MailMessageView>(context, `/api/v1/admin/mail-messages/${encodeURIComponent(params.id)}`),
    request,
  );
  return { message };
}

function MetadataRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={180}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export default function MailMessage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { message } = loaderData;

  return (
    <Stack gap="lg">
      <PageTitle>{message.subject}</PageTitle>
      <Anchor component={Link} to="/admin/mail">
        {t('mail.back')}
      </Anchor>
      <Title order={1} size="h2">
        {message.subject}
      </Title>

      <section aria-labelledby="mail-details">
        <Title order={2} size="h4" mb="sm" id="mail-details">
          {t('mail.details')}
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder>
            <Table.Tbody>
              <MetadataRow label={t('mail.columns.to')}>
                <span dir="ltr">{message.to}</span>
              </MetadataRow>
              <MetadataRow label={t('mail.columns.status')}>
                <MailStatusBadge status={message.status} />
              </MetadataRow>
              <MetadataRow label={t('mail.columns.template')}>
                <Code>{message.template}</Code>
              </MetadataRow>
              <MetadataRow label={t('mail.columns.locale')}>{message.locale}</MetadataRow>
              <MetadataRow label={t('mail.columns.attempts')}>{message.attempts}</MetadataRow>
              <MetadataRow label={t('paymentsAdmin.attachments')}>
                {message.attachments.length > 0
                  ? message.attachments
                      .map((file) => `${file.filename} (${file.contentType}, ${Math.ceil(file.size / 1024)} KB)`)
                      .join(', ')
                  : t('mail.none')}
              </MetadataRow>
              <MetadataRow label={t('mail.columns.createdAt')}>
                <Timestamp value={message.createdAt} />
              </MetadataRow>
              <MetadataRow label={t('mail.columns.sentAt')}>
                {message.sentAt ? <Timestamp value={message.sentAt} /> : t('mail.none')}
              </MetadataRow>
              <MetadataRow label={t('mail.lastError')}>
                {message.lastError ? (
                  <Text c="red.8" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {message.lastError}
                  </Text>
                ) : (
                  t('mail.none')
                )}
              </MetadataRow>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="mail-html">
        <Title order={2} size="h4" mb="sm" id="mail-html">
          {t('mail.htmlPart')}
        </Title>
        {/* An empty sandbox: no scripts, forms or same-origin access for whatever the mail contains. */}
        <iframe
          title={t('mail.htmlFrameTitle')}
          sandbox=""
          srcDoc={message.html}
          style={{
            display: 'block',
            width: '100%',
            height: 560,
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
            background: 'white',
          }}
        />
      </section>

      <section aria-labelledby="mail-text">
        <Title order={2} size="h4" mb="sm" id="mail-text">
          {t('mail.textPart')}
        </Title>
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {message.text}
        </Code>
      </section>
    </Stack>
  );
}
