import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoicesApi } from '../../lib/billing/billing-api';
import type { InvoiceItem, InvoiceStatus } from '../../lib/billing/billing-types';
import { formatDay } from '../../lib/billing/format';
import { formatMoney } from '../../lib/format-money';

const statusColors: Record<InvoiceStatus, string> = { paid: 'teal', due: 'orange' };

function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" miw="max-content">
      {t(`invoices.statuses.${status}`)}
    </Badge>
  );
}

function Actions({ invoice }: { invoice: InvoiceItem }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {/* A file answer: a plain link, the browser downloads it with the session cookie. */}
      {invoice.pdfReady ? (
        <Button
          component="a"
          href={invoicesApi.pdf(invoice.id)}
          size="xs"
          variant="default"
          aria-label={t('invoices.pdfLabel', { number: invoice.number })}
          data-testid="invoice-pdf"
          download
        >
          {t('invoices.pdf')}
        </Button>
      ) : (
        <Text size="xs" c="dimmed" data-testid="invoice-pdf-pending">
          {t('invoices.pdfPending')}
        </Text>
      )}
      {invoice.status === 'due' && invoice.payUrl && (
        <Button
          component="a"
          href={invoice.payUrl}
          size="xs"
          color="orange"
          aria-label={t('invoices.payLabel', { number: invoice.number })}
          data-testid="invoice-pay"
        >
          {t('invoices.pay')}
        </Button>
      )}
    </Group>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="end">
        {children}
      </Text>
    </Group>
  );
}

/**
 * Invoices and credit notes: a table on wide screens, a card each on phones (both in the HTML,
 * CSS picks), with the PDF and, for a due invoice, its pay link. `showBuyer` for admins.
 */
export function InvoiceTable({
  invoices,
  showBuyer = false,
  empty,
}: {
  invoices: InvoiceItem[];
  showBuyer?: boolean;
  empty: { title: string; text: string };
}) {
  const { t, i18n } = useTranslation();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, i18n.language);
  if (invoices.length === 0) {
    return (
      <Paper withBorder p="xl" data-testid="invoices-empty">
        <Title order={2} size="h4">
          {empty.title}
        </Title>
        <Text c="dimmed">{empty.text}</Text>
      </Paper>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={860} visibleFrom="md">
        <Table withTableBorder striped verticalSpacing="sm" data-testid="invoices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invoices.columns.number')}</Table.Th>
              <Table.Th scope="col">{t('invoices.columns.date')}</Table.Th>
              {showBuyer && <Table.Th scope="col">{t('invoices.buyer')}</Table.Th>}
              <Table.Th scope="col">{t('invoices.columns.type')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('invoices.columns.excl')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('invoices.columns.vat')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('invoices.columns.total')}
              </Table.Th>
              <Table.Th scope="col">{t('invoices.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('invoices.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => (
              <Table.Tr key={invoice.id} data-invoice={invoice.number}>
                <Table.Th scope="row" dir="ltr" ta="start">
                  {invoice.number}
                </Table.Th>
                <Table.Td>{formatDay(invoice.issuedAt, i18n.language)}</Table.Td>
                {showBuyer && <Table.Td dir="auto">{invoice.buyerName ?? ''}</Table.Td>}
                <Table.Td>
                  {t(`invoices.types.${invoice.type}`)}
                  {invoice.creditedInvoiceNumber && (
                    <Text size="xs" c="dimmed" dir="ltr" ta="start">
                      {t('invoices.credits', { number: invoice.creditedInvoiceNumber })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">{money(invoice.subtotalMinor, invoice.currency)}</Table.Td>
                <Table.Td ta="end">{money(invoice.vatMinor, invoice.currency)}</Table.Td>
                <Table.Td ta="end" fw={600}>
                  {money(invoice.totalMinor, invoice.currency)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={invoice.status} />
                  {invoice.status === 'due' && invoice.dueAt && (
                    <Text size="xs" c="dimmed">
                      {t('invoices.dueOn', { date: formatDay(invoice.dueAt, i18n.language) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Actions invoice={invoice} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="md" style={{ listStyle: 'none' }}>
        {invoices.map((invoice) => (
          <Paper component="li" key={invoice.id} withBorder p="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} dir="ltr">
                  {invoice.number}
                </Text>
                <StatusBadge status={invoice.status} />
              </Group>
              <Line label={t('invoices.columns.date')}>{formatDay(invoice.issuedAt, i18n.language)}</Line>
              {showBuyer && <Line label={t('invoices.buyer')}>{invoice.buyerName ?? ''}</Line>}
              <Line label={t('invoices.columns.type')}>{t(`invoices.types.${invoice.type}`)}</Line>
              <Line label={t('invoices.columns.excl')}>{money(invoice.subtotalMinor, invoice.currency)}</Line>
              <Line label={t('invoices.columns.vat')}>{money(invoice.vatMinor, invoice.currency)}</Line>
              <Line label={t('invoices.columns.total')}>
                <strong>{money(invoice.totalMinor, invoice.currency)}</strong>
              </Line>
              {invoice.status === 'due' && invoice.dueAt && (
                <Text size="xs" c="dimmed">
                  {t('invoices.dueOn', { date: formatDay(invoice.dueAt, i18n.language) })}
                </Text>
              )}
              <Actions invoice={invoice} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
