import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { SettlementList, SettlementRunResult } from '@souk/contracts/settlements';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { ConfirmSubmit } from '../../../components/confirm-submit';
import { EmptyState } from '../../../components/money/empty-state';
import { SettlementStatusBadge } from '../../../components/money/money-badges';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { formatMoney } from '../../../lib/format-money';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { moneyFailed, moneySucceeded, monthOf, previousMonth } from '../../../lib/money/money-action.server';
import { moneyApi } from '../../../lib/money/money-api';
import type { CommissionInvoice, SettlementSummary } from '../../../lib/money/types';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/settlements';

/** Every merchant's settlements, by month: run a month, then record the bank's outcome of each. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const url = new URL(request.url);
  const period = monthOf(url.searchParams.get('period'));
  const query = new URLSearchParams();
  if (period) query.set('period', period);
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  const invoiceQuery = new URLSearchParams(period ? { period } : {});
  const [settlements, invoices] = await Promise.all([
    apiJson<SettlementList>(context, moneyApi.adminSettlements(query)),
    apiJson<{ items: CommissionInvoice[] }>(context, moneyApi.adminCommissionInvoices(invoiceQuery)),
  ]);
  const list = unwrapForPage(settlements, request);
  const next = new URLSearchParams(url.searchParams);
  if (list.nextCursor) next.set('cursor', list.nextCursor);
  return {
    period: period ?? '',
    defaultPeriod: previousMonth(),
    settlements: list.items,
    invoices: unwrapForPage(invoices, request).items,
    exportQuery: period ? new URLSearchParams({ period }).toString() : '',
    nextHref: list.nextCursor ? `${url.pathname}?${next}` : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const text = translations[locale].money.adminSettlements;
  const form = await request.formData();
  const intent = formText(form, 'intent');
  if (intent === 'run') {
    const period = monthOf(formText(form, 'period'));
    if (!period) return { ok: false as const, intent, error: translations[locale].money.adminPayouts.badMonth };
    const result = await apiJson<SettlementRunResult>(context, moneyApi.runSettlements, {
      method: 'POST',
      json: { period },
    });
    if (!result.ok) return moneyFailed(result, locale, intent, '/admin/settlements');
    return moneySucceeded(intent, text.ran);
  }
  if (intent === 'run-invoices') {
    const period = monthOf(formText(form, 'period'));
    if (!period) return { ok: false as const, intent, error: translations[locale].money.adminPayouts.badMonth };
    const result = await apiJson(context, moneyApi.runCommissionInvoices, { method: 'POST', json: { period } });
    if (!result.ok) return moneyFailed(result, locale, intent, '/admin/settlements');
    return moneySucceeded(intent, text.invoicesRan);
  }
  const id = formText(form, 'id');
  if (intent === 'invoice-paid') {
    const bankReference = formText(form, 'bankReference');
    const result = await apiJson<CommissionInvoice>(context, moneyApi.commissionInvoicePaid(id), {
      method: 'POST',
      json: bankReference ? { bankReference } : {},
    });
    if (!result.ok) return moneyFailed(result, locale, intent, '/admin/settlements', id);
    return moneySucceeded(intent, text.invoiceMarkedPaid, id);
  }
  const outcome = intent === 'paid' ? 'paid' : 'failed';
  const bankReference = formText(form, 'bankReference');
  const result = await apiJson<SettlementSummary>(context, moneyApi.settlementOutcome(id, outcome), {
    method: 'POST',
    json: outcome === 'paid' ? (bankReference ? { bankReference } : {}) : { reason: formText(form, 'reason') },
  });
  if (!result.ok) return moneyFailed(result, locale, outcome, '/admin/settlements', id);
  return moneySucceeded(outcome, outcome === 'paid' ? text.markedPaid : text.markedFailed, id);
}

export default function AdminSettlements({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settlements, period, defaultPeriod, exportQuery, nextHref } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('money.errorTitle'),
    successMessage: actionData && 'message' in actionData ? actionData.message : undefined,
  });
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.adminSettlements.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.adminSettlements.title')}</Title>
        <Text c="dimmed">{t('money.adminSettlements.intro')}</Text>
      </div>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <Group gap="sm" align="flex-end">
            <TextInput
              type="month"
              name="period"
              label={t('money.adminSettlements.runTitle')}
              defaultValue={defaultPeriod}
              required
            />
            <SubmitButton name="intent" value="run">
              {t('money.adminSettlements.run')}
            </SubmitButton>
          </Group>
        </Form>
        <Form method="get">
          <Group gap="sm" align="flex-end">
            <TextInput type="month" name="period" label={t('money.period')} defaultValue={period} />
            <Button type="submit" variant="light">
              {t('money.finance.filter')}
            </Button>
            <Button
              component="a"
              href={moneyApi.adminSettlementsExport(new URLSearchParams(exportQuery))}
              download
              variant="default"
            >
              {t('money.adminPayouts.exportCsv')}
            </Button>
          </Group>
        </Form>
      </Group>
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      {settlements.length === 0 ? (
        <EmptyState
          title={t('money.adminSettlements.empty')}
          text={t('money.adminSettlements.emptyText')}
          testId="admin-settlements-empty"
        />
      ) : (
        <Stack gap="sm">
          {settlements.map((settlement) => (
            <SettlementRow key={settlement.id} settlement={settlement} />
          ))}
        </Stack>
      )}
      {nextHref && (
        <Button component={Link} to={nextHref} variant="default" style={{ alignSelf: 'flex-start' }}>
          →
        </Button>
      )}
      <CommissionInvoicesAdmin invoices={loaderData.invoices} defaultPeriod={defaultPeriod} />
    </Stack>
  );
}

/** Commissions owed on merchants' reported sales: invoiced monthly, paid by card or by transfer. */
function CommissionInvoicesAdmin({
  invoices,
  defaultPeriod,
}: {
  invoices: CommissionInvoice[];
  defaultPeriod: string;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <Stack gap="sm" component="section" aria-labelledby="admin-invoices-title">
      <Title order={2} size="h3" id="admin-invoices-title">
        {t('money.adminSettlements.invoicesTitle')}
      </Title>
      <Form method="post">
        <input type="hidden" name="intent" value="run-invoices" />
        <Group gap="sm" align="flex-end">
          <TextInput
            type="month"
            name="period"
            label={t('money.adminSettlements.invoicesRun')}
            defaultValue={defaultPeriod}
            required
          />
          <SubmitButton name="intent" value="run-invoices">
            {t('money.adminSettlements.run')}
          </SubmitButton>
        </Group>
      </Form>
      {invoices.length === 0 ? (
        <Text data-testid="admin-invoices-empty">{t('money.settlements.invoicesEmpty')}</Text>
      ) : (
        invoices.map((invoice) => {
          const total = formatMoney(invoice.totalMinor, invoice.currency, locale);
          return (
            <Paper
              key={invoice.id}
              withBorder
              p="sm"
              data-testid="admin-commission-invoice"
              data-status={invoice.status}
            >
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2}>
                  <Text fw={600}>
                    {invoice.organizationName} · <span dir="ltr">{invoice.period}</span>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('money.settlements.invoiceNumber')}{' '}
                    <span dir="ltr">{invoice.invoiceNumber ?? t('money.none')}</span>
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Text fw={700}>{total}</Text>
                  <Text size="sm" c={invoice.status === 'due' ? 'orange.8' : 'green.8'}>
                    {t(`money.settlements.invoiceStatus.${invoice.status}`)}
                  </Text>
                </Group>
              </Group>
              {invoice.status === 'due' && (
                <ConfirmSubmit
                  fields={{ intent: 'invoice-paid', id: invoice.id }}
                  label={t('money.adminSettlements.invoiceMarkPaid')}
                  question={t('money.adminSettlements.invoiceMarkPaidQuestion', {
                    amount: total,
                    name: invoice.organizationName,
                  })}
                  color="green"
                  size="compact-sm"
                >
                  <TextInput
                    name="bankReference"
                    label={t('money.adminSettlements.bankReference')}
                    maxLength={120}
                    size="xs"
                  />
                </ConfirmSubmit>
              )}
            </Paper>
          );
        })
      )}
    </Stack>
  );
}

function SettlementRow({ settlement }: { settlement: SettlementSummary }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const money = (minor: number) => formatMoney(minor, settlement.currency, locale);
  const net = money(settlement.netMinor);
  return (
    <Paper withBorder p="sm" data-testid="admin-settlement" data-status={settlement.status}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600}>
            {settlement.organizationName} · <span dir="ltr">{settlement.period}</span>
          </Text>
          <Text size="xs" c="dimmed">
            {t('money.settlements.gross')} {money(settlement.grossMinor)} · {t('money.settlements.fee')}{' '}
            {money(settlement.feeMinor + settlement.feeVatMinor)} · {t('money.settlements.commissions')}{' '}
            {money(settlement.commissionsMinor)} · {t('money.settlements.refunds')} {money(settlement.refundsMinor)}
          </Text>
          {settlement.payoutAccount && (
            <Text size="xs" ff="monospace" dir="ltr" style={{ alignSelf: 'flex-start', overflowWrap: 'anywhere' }}>
              {settlement.payoutAccount.holderName} · {settlement.payoutAccount.ribMasked}
            </Text>
          )}
          {settlement.failureReason && (
            <Text size="xs" c="red.8">
              {t('money.settlements.failedReason', { reason: settlement.failureReason })}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700}>{net}</Text>
          <SettlementStatusBadge status={settlement.status} />
        </Stack>
      </Group>
      {settlement.status !== 'paid' && (
        <Group gap="sm" mt="sm" align="flex-start" wrap="wrap">
          <ConfirmSubmit
            fields={{ intent: 'paid', id: settlement.id }}
            label={t('money.adminSettlements.markPaid')}
            question={t('money.adminSettlements.markPaidQuestion', { amount: net, name: settlement.organizationName })}
            color="green"
            size="compact-sm"
          >
            <TextInput
              name="bankReference"
              label={t('money.adminSettlements.bankReference')}
              maxLength={120}
              size="xs"
            />
          </ConfirmSubmit>
          {settlement.status === 'pending' && (
            <details>
              <summary style={{ cursor: 'pointer' }}>
                <Text span size="sm" c="red.8">
                  {t('money.adminSettlements.markFailed')}
                </Text>
              </summary>
              <ConfirmSubmit
                fields={{ intent: 'failed', id: settlement.id }}
                label={t('money.adminSettlements.markFailed')}
                question={t('money.adminSettlements.markFailedQuestion')}
                color="red"
                size="compact-sm"
              >
                <TextInput
                  name="reason"
                  label={t('money.adminSettlements.failReason')}
                  required
                  minLength={3}
                  maxLength={500}
                />
              </ConfirmSubmit>
            </details>
          )}
        </Group>
      )}
    </Paper>
  );
}
