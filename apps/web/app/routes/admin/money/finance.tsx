import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { formatMoney } from '../../../lib/format-money';
import { monthOf } from '../../../lib/money/money-action.server';
import { moneyApi } from '../../../lib/money/money-api';
import type { FinanceSummary, LedgerCheck } from '../../../lib/money/types';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import type { Route } from './+types/finance';

/** The last day of a `yyyy-mm` month, as `yyyy-mm-dd`. */
function monthEnd(month: string): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** Revenue, VAT and gateway fees by month from the ledger, and the proof that it balances. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const from = monthOf(url.searchParams.get('from'));
  const to = monthOf(url.searchParams.get('to'));
  const range = new URLSearchParams();
  if (from) range.set('from', `${from}-01`);
  if (to) range.set('to', monthEnd(to));
  const [summary, check] = await Promise.all([
    apiJson<FinanceSummary>(context, moneyApi.financeSummary(range)),
    apiJson<LedgerCheck>(context, moneyApi.ledgerCheck),
  ]);
  return {
    summary: unwrapForPage(summary, request),
    check: unwrapForPage(check, request),
    filters: { from: from ?? '', to: to ?? '' },
    journalHref: moneyApi.journalExport(range),
  };
}

export default function AdminFinance({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { summary, check, filters, journalHref } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.finance.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.finance.title')}</Title>
        <Text c="dimmed">{t('money.finance.intro')}</Text>
      </div>
      <Form method="get">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="month" name="from" label={t('money.finance.from')} defaultValue={filters.from} />
          <TextInput type="month" name="to" label={t('money.finance.to')} defaultValue={filters.to} />
          <Button type="submit" variant="light">
            {t('money.finance.filter')}
          </Button>
          <Button component="a" href={journalHref} download variant="default" data-testid="export-journal">
            {t('money.finance.exportJournal')}
          </Button>
        </Group>
      </Form>
      {summary.months.length === 0 ? (
        <Paper withBorder p="xl" data-testid="finance-empty">
          <Text>{t('money.finance.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="finance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.finance.month')}</Table.Th>
                <Table.Th>{t('money.finance.revenue')}</Table.Th>
                <Table.Th>{t('money.finance.vat')}</Table.Th>
                <Table.Th>{t('money.finance.gatewayFees')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.months.map((month) => (
                <Table.Tr key={`${month.month}-${month.currency}`} data-testid="finance-month">
                  <Table.Td dir="ltr">{month.month}</Table.Td>
                  <Table.Td>{formatMoney(month.platformRevenueMinor, month.currency, locale)}</Table.Td>
                  <Table.Td>{formatMoney(month.vatCollectedMinor, month.currency, locale)}</Table.Td>
                  <Table.Td>{formatMoney(month.gatewayFeesMinor, month.currency, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {summary.totals.map((total) => (
                <Table.Tr key={total.currency} fw={700}>
                  <Table.Td>{t('money.settlements.totals')}</Table.Td>
                  <Table.Td>{formatMoney(total.platformRevenueMinor, total.currency, locale)}</Table.Td>
                  <Table.Td>{formatMoney(total.vatCollectedMinor, total.currency, locale)}</Table.Td>
                  <Table.Td>{formatMoney(total.gatewayFeesMinor, total.currency, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      <LedgerCheckReport check={check} />
    </Stack>
  );
}

function LedgerCheckReport({ check }: { check: LedgerCheck }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const mismatched = check.balances.filter((balance) => !balance.matches);
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="ledger-check-title"
      data-testid="ledger-check"
      data-ok={check.ok}
    >
      <Title order={2} size="h4" id="ledger-check-title">
        {t('money.finance.checkTitle')}
      </Title>
      {check.ok ? (
        <Alert color="green" title={t('money.finance.balanced')}>
          {t('money.finance.balancedText', { count: check.transactions })}
        </Alert>
      ) : (
        <Alert color="red" title={t('money.finance.unbalanced')}>
          {check.unbalanced.length > 0 && <Text size="sm">{t('money.finance.unbalancedText')}</Text>}
          {mismatched.length > 0 && (
            <Text size="sm">{t('money.finance.mismatchedText', { count: mismatched.length })}</Text>
          )}
        </Alert>
      )}
      {check.unbalanced.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="unbalanced-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.finance.transaction')}</Table.Th>
                <Table.Th>{t('money.finance.kind')}</Table.Th>
                <Table.Th>{t('money.finance.reference')}</Table.Th>
                <Table.Th>{t('money.finance.sum')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.unbalanced.map((row) => (
                <Table.Tr key={`${row.transactionId}-${row.currency}`}>
                  <Table.Td ff="monospace" dir="ltr">
                    {row.transactionId}
                  </Table.Td>
                  <Table.Td dir="ltr">{row.kind}</Table.Td>
                  <Table.Td dir="ltr">{row.reference}</Table.Td>
                  <Table.Td>{formatMoney(row.sumMinor, row.currency, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('money.finance.checkedAt')} <Timestamp value={check.checkedAt} />
      </Text>
    </Stack>
  );
}
