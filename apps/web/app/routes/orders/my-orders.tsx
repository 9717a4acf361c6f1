import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { OrderList, OrderView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import { PaginationLinks } from '../../components/catalog/pagination-links';
import { PageTitle } from '../../components/page-title';
import { OrderStatusBadge, VoucherStatusBadge } from '../../components/payments/order-status-badge';
import { ReviewForm } from '../../components/payments/review-form';
import { Timestamp } from '../../components/timestamp';
import { apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { formatMoney } from '../../lib/format-money';
import { localeOf } from '../../lib/locale.server';
import { listPageLinks, readListFilters } from '../../lib/payments/order-list-query';
import { paymentsApi } from '../../lib/payments/payments-api';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/my-orders';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(context, request);
  const url = new URL(request.url);
  const { apiQuery } = readListFilters(url);
  const list = unwrapForPage(await apiJson<OrderList>(context, paymentsApi.myOrders(apiQuery)), request);
  return { orders: list.items, ...listPageLinks(url, list.nextCursor) };
}

type ReviewFeedback =
  | { ok: true; productId: string }
  | { ok: false; productId: string; error: string; fieldErrors: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(context, request);
  const form = await request.formData();
  const productId = formText(form, 'productId');
  const result = await apiJson(context, paymentsApi.review(productId), {
    method: 'POST',
    json: { rating: Number(formText(form, 'rating')), title: formText(form, 'title'), body: formText(form, 'body') },
  });
  if (!result.ok) {
    return data<ReviewFeedback>(
      {
        ok: false,
        productId,
        error: result.problem.detail || problemMessage(result, localeOf(request)),
        fieldErrors: fieldErrorsOf(result.problem),
      },
      { status: result.status },
    );
  }
  return data<ReviewFeedback>({ ok: true, productId });
}

export default function MyOrders({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { orders } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('buyerOrders.errorTitle'),
    successMessage: t('buyerOrders.reviewSent'),
  });
  return (
    <Stack gap="lg">
      <PageTitle>{t('buyerOrders.title')}</PageTitle>
      <div>
        <Title order={1}>{t('buyerOrders.title')}</Title>
        <Text c="dimmed">{t('buyerOrders.intro')}</Text>
      </div>
      {orders.length === 0 ? (
        <Paper withBorder p="xl" data-testid="my-orders-empty">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('buyerOrders.empty')}
            </Title>
            <Text c="dimmed">{t('buyerOrders.emptyText')}</Text>
            <Button component={Link} to="/marketplace" variant="light">
              {t('buyerOrders.browse')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        orders.map((order) => <BuyerOrderCard key={order.id} order={order} feedback={actionData} />)
      )}
      <PaginationLinks firstHref={loaderData.firstHref} nextHref={loaderData.nextHref} />
    </Stack>
  );
}

function BuyerOrderCard({ order, feedback }: { order: OrderView; feedback: ReviewFeedback | undefined }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const used = order.vouchers.some((voucher) => voucher.status === 'redeemed');
  const item = order.items[0];
  const mine = feedback && item && feedback.productId === item.productId ? feedback : undefined;
  return (
    <Paper withBorder p="md" component="article" data-testid="my-order" data-order-id={order.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4">
              {order.items.map((line) => `${line.quantity} × ${line.title}`).join(', ')}
            </Title>
            <Text size="sm" c="dimmed">
              <span dir="ltr">{order.reference}</span> · <Timestamp value={order.createdAt} /> ·{' '}
              {formatMoney(order.totalMinor, order.currency, locale)}
            </Text>
          </div>
          <OrderStatusBadge status={order.status} />
        </Group>
        {order.vouchers.some((voucher) => voucher.code) && (
          <Group gap="md" wrap="wrap">
            {order.vouchers
              .filter((voucher) => voucher.code)
              .map((voucher) => (
                <Group key={voucher.id} gap={6}>
                  <Text ff="monospace" size="sm" dir="ltr">
                    {voucher.code}
                  </Text>
                  <VoucherStatusBadge status={voucher.status} />
                </Group>
              ))}
          </Group>
        )}
        <Anchor component={Link} to={`/orders/${order.id}`} size="sm">
          {t('buyerOrders.open')}
        </Anchor>
        {item &&
          (used ? (
            mine?.ok ? (
              <Alert color="green" data-testid="review-sent">
                {t('buyerOrders.reviewSent')}
              </Alert>
            ) : (
              <ReviewForm productId={item.productId} feedback={mine && !mine.ok ? mine : undefined} />
            )
          ) : (
            order.status === 'paid' && (
              <Text size="xs" c="dimmed">
                {t('buyerOrders.reviewAfterUse')}
              </Text>
            )
          ))}
      </Stack>
    </Paper>
  );
}
