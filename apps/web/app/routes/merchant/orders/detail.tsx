import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { OrderView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { OrderEvents } from '../../../components/payments/order-events';
import { OrderStatusBadge, VoucherStatusBadge } from '../../../components/payments/order-status-badge';
import { RefundForm } from '../../../components/payments/refund-form';
import { Timestamp } from '../../../components/timestamp';
import type { ActionFeedback } from '../../../lib/action-feedback';
import { apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { decimalToMinor } from '../../../lib/catalog/minor-units';
import { formatMoney } from '../../../lib/format-money';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { paymentsApi } from '../../../lib/payments/payments-api';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/detail';

/** One order with its history and the refund form: `/merchant/orders/:id` and `/admin/orders/:id`. */
async function requireSide(context: Route.LoaderArgs['context'], request: Request) {
  const adminSide = new URL(request.url).pathname.startsWith('/admin');
  if (adminSide) {
    await requireAdmin(context, request);
    return { adminSide, canRefund: true };
  }
  const { viewer, team } = await requireMerchantTeam(context, request);
  // Refunds move money: the team's owners and admins only (the API says the same).
  const role = viewer.teams.find((membership) => membership.teamId === team.teamId)?.role;
  return { adminSide, canRefund: role === 'owner' || role === 'admin' };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const side = await requireSide(context, request);
  const order = unwrapForPage(await apiJson<OrderView>(context, paymentsApi.order(params.id)), request);
  return { order, ...side, idempotencyKey: crypto.randomUUID() };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  await requireSide(context, request);
  const locale = localeOf(request);
  const words = translations[locale].merchantOrders;
  const form = await request.formData();
  const typedAmount = formText(form, 'amount');
  const amountMinor = typedAmount ? decimalToMinor(typedAmount) : null;
  if (typedAmount && (amountMinor === null || amountMinor <= 0)) {
    return data<ActionFeedback>(
      { ok: false, error: words.invalidAmount, fieldErrors: { amount: words.invalidAmount } },
      { status: 400 },
    );
  }
  const key = formText(form, 'idempotencyKey');
  const result = await apiJson(context, paymentsApi.refunds(params.id), {
    method: 'POST',
    json: { reason: formText(form, 'reason'), ...(amountMinor ? { amountMinor } : {}) },
    headers: key ? { 'idempotency-key': key.slice(0, 255) } : {},
  });
  if (!result.ok) {
    const fieldErrors = fieldErrorsOf(result.problem);
    if (fieldErrors.amountMinor) fieldErrors.amount = fieldErrors.amountMinor;
    return data<ActionFeedback>(
      { ok: false, error: result.problem.detail || problemMessage(result, locale), fieldErrors },
      { status: result.status },
    );
  }
  return data<ActionFeedback>({ ok: true });
}

export default function OrderDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { order, adminSide, canRefund, idempotencyKey } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('merchantOrders.errorTitle'),
    successMessage: t('merchantOrders.refundDone'),
  });
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  return (
    <Stack gap="lg" data-testid="order-detail" data-status={order.status}>
      <PageTitle>{t('merchantOrders.detailTitle', { number: order.reference })}</PageTitle>
      <div>
        <Anchor component={Link} to={adminSide ? '/admin/orders' : '/merchant/orders'} size="sm">
          {t('merchantOrders.backToList')}
        </Anchor>
        <Group gap="sm">
          <Title order={1} size="h2">
            {t('merchantOrders.detailTitle', { number: '' })}
            <span dir="ltr" style={{ whiteSpace: 'nowrap' }}>
              {order.reference}
            </span>
          </Title>
          <OrderStatusBadge status={order.status} />
        </Group>
        <Text size="sm" c="dimmed">
          <Timestamp value={order.createdAt} /> · {t(`gateway.${order.gateway.id}`)}
          {adminSide ? ` · ${order.merchant.name}` : ''}
        </Text>
      </div>
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert" data-testid="refund-error">
          {actionData.error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('merchantOrders.buyer')}
            </Title>
            <Text>{order.buyer.name}</Text>
            <Text size="sm" dir="ltr" ta="start">
              {order.buyer.email} · {order.buyer.phone}
            </Text>
            <Title order={2} size="h4" mt="sm">
              {t('merchantOrders.lines')}
            </Title>
            {order.items.map((item) => (
              <Group key={item.productId} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {item.quantity} × {item.title}
                </Text>
                <Text size="sm">{money(item.totalMinor)}</Text>
              </Group>
            ))}
            <Group justify="space-between">
              <Text fw={700}>{t('order.total')}</Text>
              <Text fw={700}>{money(order.totalMinor)}</Text>
            </Group>
            {order.refundedMinor > 0 && (
              <Group justify="space-between">
                <Text size="sm">{t('merchantOrders.refunded')}</Text>
                <Text size="sm" data-testid="refunded-amount">
                  −{money(order.refundedMinor)}
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('merchantOrders.vouchers')}
          </Title>
          <Stack gap={6}>
            {order.vouchers.map((voucher) => (
              <Group key={voucher.id} justify="space-between" wrap="wrap" data-testid="detail-voucher">
                <Text ff="monospace" dir="ltr" size="sm">
                  {voucher.code ?? '—'}
                </Text>
                <VoucherStatusBadge status={voucher.status} />
              </Group>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
      {canRefund && order.refundableMinor > 0 ? (
        <RefundForm
          refundableMinor={order.refundableMinor}
          currency={order.currency}
          buyerName={order.buyer.name}
          idempotencyKey={idempotencyKey}
          fieldErrors={actionData && !actionData.ok ? actionData.fieldErrors : undefined}
        />
      ) : (
        !canRefund && <Alert color="blue">{t('merchantOrders.readOnly')}</Alert>
      )}
      {order.events && <OrderEvents events={order.events} />}
    </Stack>
  );
}
