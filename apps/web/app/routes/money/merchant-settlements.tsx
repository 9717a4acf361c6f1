import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { PaymentStart } from '@souk/contracts/payments';
import type { SettlementList } from '@souk/contracts/settlements';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { EmptyState } from '../../components/money/empty-state';
import { SettlementStatusBadge } from '../../components/money/money-badges';
import { PageTitle } from '../../components/page-title';
import { PaymentHandoff } from '../../components/payments/payment-handoff';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { formatMoney } from '../../lib/format-money';
import { localeOf } from '../../lib/locale.server';
import { type MoneyFeedback, moneyFailed } from '../../lib/money/money-action.server';
import { moneyApi } from '../../lib/money/money-api';
import type { CommissionInvoice } from '../../lib/money/types';
import { useRootData } from '../../lib/root-data';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import { requireMerchantSide } from '../affiliation/affiliation.server';
import type { Route } from './+types/merchant-settlements';

/** A merchant team's monthly settlements and the commission invoices it owes. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const team = await requireMerchantSide(context, request);
  const url = new URL(request.url);
  const query = new URLSearchParams({ organizationId: team.teamId });
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  const [settlements, invoices] = await Promise.all([
    apiJson<SettlementList>(context, moneyApi.settlements(query)),
    apiJson<{ items: CommissionInvoice[] }>(
      context,
      moneyApi.commissionInvoices(new URLSearchParams({ organizationId: team.teamId })),
    ),
  ]);
  const list = unwrapForPage(settlements, request);
  const next = new URLSearchParams(url.searchParams);
  if (list.nextCursor) next.set('cursor', list.nextCursor);
  return {
    team: { id: team.teamId, name: team.name, canPay: team.canConfigure },
    settlements: list.items,
    invoices: unwrapForPage(invoices, request).items,
    nextHref: list.nextCursor ? `${url.pathname}?${next}` : null,
  };
}

/**
 * Paying a commission invoice by card: the API starts the payment and answers either a page to
 * go to or, for CMI (and the sandbox that speaks its protocol), a signed form the browser posts.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const form = await request.formData();
  const id = formText(form, 'id');
  const result = await apiJson<{ payment: PaymentStart }>(context, moneyApi.payCommissionInvoice(id), {
    method: 'POST',
    json: {},
  });
  if (!result.ok) return moneyFailed(result, locale, 'pay', '/merchant/settlements', id);
  const { payment } = result.data;
  if (payment.kind === 'redirect') throw redirect(payment.url);
  return data<MoneyFeedback>({
    ok: true,
    intent: 'pay',
    id,
    handoff: { action: payment.action, fields: payment.fields },
  });
}

export default function MerchantSettlements({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('money.errorTitle') });
  const { locale } = useRootData();
  const { settlements, team, nextHref } = loaderData;
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.settlements.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.settlements.title')}</Title>
        <Text c="dimmed">{t('money.settlements.intro')}</Text>
      </div>
      {settlements.length === 0 ? (
        <EmptyState
          title={t('money.settlements.empty')}
          text={t('money.settlements.emptyText')}
          testId="settlements-empty"
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="settlement-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.period')}</Table.Th>
                <Table.Th>{t('money.settlements.gross')}</Table.Th>
                <Table.Th>{t('money.settlements.net')}</Table.Th>
                <Table.Th>{t('money.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('money.settlements.open')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settlements.map((settlement) => (
                <Table.Tr key={settlement.id} data-testid="settlement-row" data-status={settlement.status}>
                  <Table.Td dir="ltr">{settlement.period}</Table.Td>
                  <Table.Td>{formatMoney(settlement.grossMinor, settlement.currency, locale)}</Table.Td>
                  <Table.Td fw={600}>{formatMoney(settlement.netMinor, settlement.currency, locale)}</Table.Td>
                  <Table.Td>
                    <SettlementStatusBadge status={settlement.status} />
                    {settlement.failureReason && (
                      <Text size="xs" c="red.8">
                        {t('money.settlements.failedReason', { reason: settlement.failureReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/merchant/settlements/${settlement.id}?team=${team.id}`}>
                      {t('money.settlements.open')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {nextHref && (
        <Button component={Link} to={nextHref} variant="default" style={{ alignSelf: 'flex-start' }}>
          →
        </Button>
      )}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      {actionData?.ok && actionData.handoff && <PaymentHandoff payment={actionData.handoff} gatewayName="CMI" />}
      <CommissionInvoices invoices={loaderData.invoices} canPay={team.canPay} />
    </Stack>
  );
}

function CommissionInvoices({ invoices, canPay }: { invoices: CommissionInvoice[]; canPay: boolean }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <Stack gap="sm" component="section" aria-labelledby="invoices-title">
      <Title order={2} size="h3" id="invoices-title">
        {t('money.settlements.invoicesTitle')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('money.settlements.invoicesIntro')}
      </Text>
      {invoices.length === 0 ? (
        <Text data-testid="invoices-empty">{t('money.settlements.invoicesEmpty')}</Text>
      ) : (
        invoices.map((invoice) => (
          <Paper key={invoice.id} withBorder p="sm" data-testid="commission-invoice" data-status={invoice.status}>
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>
                  {t('money.settlements.invoiceNumber')}{' '}
                  <span dir="ltr">{invoice.invoiceNumber ?? t('money.none')}</span> ·{' '}
                  <span dir="ltr">{invoice.period}</span>
                </Text>
                <Text size="xs" c="dimmed">
                  {t('money.settlements.dueAt')}: <Timestamp value={invoice.dueAt} />
                </Text>
              </Stack>
              <Group gap="xs" wrap="wrap">
                <Text fw={700}>{formatMoney(invoice.totalMinor, invoice.currency, locale)}</Text>
                <Text size="sm" c={invoice.status === 'due' ? 'orange.8' : 'green.8'}>
                  {t(`money.settlements.invoiceStatus.${invoice.status}`)}
                </Text>
                {invoice.invoiceId && (
                  <Button
                    component="a"
                    href={moneyApi.invoicePdf(invoice.invoiceId)}
                    variant="subtle"
                    size="compact-sm"
                  >
                    {t('money.settlements.pdf')}
                  </Button>
                )}
                {invoice.status === 'due' && canPay && (
                  <Form method="post">
                    <input type="hidden" name="id" value={invoice.id} />
                    <SubmitButton size="compact-sm" data-testid="pay-invoice">
                      {t('money.settlements.pay')}
                    </SubmitButton>
                  </Form>
                )}
              </Group>
            </Group>
            {invoice.status === 'due' && (
              <Text size="xs" c="dimmed" mt={4} data-testid="bank-transfer">
                {t('money.settlements.transferText', { reference: invoice.invoiceNumber ?? invoice.id })}
              </Text>
            )}
          </Paper>
        ))
      )}
    </Stack>
  );
}
