import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { OrderView } from '@souk/contracts/payments';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useLocation, useRevalidator } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { OrderStatusBadge } from '../../components/payments/order-status-badge';
import { VoucherCard, type VoucherContext } from '../../components/payments/voucher-card';
import { Timestamp } from '../../components/timestamp';
import { formatMoney } from '../../lib/format-money';
import { useRootData } from '../../lib/root-data';
import type { Route } from './+types/order-page';
import { loadOrderPage } from './order.server';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  return loadOrderPage(context, request, params.id);
}

/**
 * A card gateway may bring the buyer back with a form post to this address (CMI posts to its
 * okUrl and failUrl). Only the gateway's server-to-server callback settles an order, so the post
 * is not read: the browser is sent on to the page itself.
 */
export async function action({ request }: Route.ActionArgs) {
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}`, 303);
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

/** How often a pending order asks again, and for how long before leaving it to the refresh link. */
const pollEveryMs = 2_000;
const pollForMs = 10 * 60_000;

/** Asks the server again while the gateway has not confirmed; the page's own loader is the source. */
function usePollWhilePending(pending: boolean) {
  const revalidator = useRevalidator();
  // Read through a ref: the revalidator changes with each load, which must not restart the clock.
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const current = revalidatorRef.current;
      if (Date.now() - started > pollForMs) window.clearInterval(timer);
      else if (current.state === 'idle' && document.visibilityState === 'visible') void current.revalidate();
    }, pollEveryMs);
    return () => window.clearInterval(timer);
  }, [pending]);
}

export default function OrderPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  if (!loaderData.found) {
    return (
      <Paper withBorder p="xl" maw={640} mx="auto" data-testid="order-not-found">
        <PageTitle>{t('order.notFoundTitle')}</PageTitle>
        <Title order={1} size="h3">
          {t('order.notFoundTitle')}
        </Title>
        <Text c="dimmed">{t('order.notFoundText')}</Text>
      </Paper>
    );
  }
  return <OrderDetails {...loaderData} />;
}

function OrderDetails({
  order,
  access,
  about,
  productSlug,
}: {
  order: OrderView;
  access: string | null;
  about: VoucherContext;
  productSlug: string | null;
}) {
  const { t } = useTranslation();
  const { locale, viewer } = useRootData();
  const location = useLocation();
  const pending = order.status === 'pending_payment';
  usePollWhilePending(pending);
  const failed = order.status === 'cancelled' || order.status === 'expired';
  const statusColor = pending ? 'yellow' : failed ? 'red' : order.status === 'paid' ? 'green' : 'gray';
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const shownVouchers = order.vouchers.filter((voucher) => voucher.code);

  return (
    <Stack gap="lg" maw={860} mx="auto" w="100%" data-testid="order-page" data-status={order.status}>
      <PageTitle>{t('order.title', { number: order.reference })}</PageTitle>
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {t('order.title', { number: '' })}
            <span dir="ltr" style={{ whiteSpace: 'nowrap' }} data-testid="order-reference">
              {order.reference}
            </span>
          </Title>
          <OrderStatusBadge status={order.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('order.placedOn', { date: '' })}
          <Timestamp value={order.createdAt} />
        </Text>
      </div>

      <Alert
        color={statusColor}
        variant="light"
        title={t(`order.headline.${order.status}`)}
        data-testid="order-headline"
        role="status"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t(`order.text.${order.status}`, { email: order.buyer.email })}</Text>
          {order.lastPaymentError && failed && (
            <Text size="sm" c="red.9">
              {order.lastPaymentError}
            </Text>
          )}
          {pending && (
            <Group gap="sm">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t('order.checking')}</Text>
              <Anchor href={`${location.pathname}${location.search}`} size="sm" data-testid="refresh-order">
                {t('order.refresh')}
              </Anchor>
            </Group>
          )}
          {failed && productSlug && (
            <Button component={Link} to={`/p/${productSlug}/buy`} data-testid="try-again">
              {t('order.tryAgain')}
            </Button>
          )}
        </Stack>
      </Alert>

      <Paper withBorder p="md">
        <Stack gap="xs">
          {order.items.map((item) => (
            <Group key={item.productId} justify="space-between" wrap="nowrap">
              <Text>
                {t('order.quantityLine', { quantity: item.quantity, title: '' })}
                {productSlug ? (
                  <Anchor component={Link} to={`/p/${item.slug}`}>
                    {item.title}
                  </Anchor>
                ) : (
                  item.title
                )}
              </Text>
              <Text>{money(item.totalMinor)}</Text>
            </Group>
          ))}
          <Group justify="space-between">
            <Text fw={700}>{t('order.total')}</Text>
            <Text fw={800} data-testid="order-total">
              {money(order.totalMinor)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('order.paymentMethod', { gateway: t(`gateway.${order.gateway.id}`) })} · {order.merchant.name}
          </Text>
        </Stack>
      </Paper>

      {shownVouchers.length > 0 && (
        <section>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h3">
              {t('order.vouchers')}
            </Title>
            {order.voucherPdfUrl && (
              <Button component="a" href={order.voucherPdfUrl} variant="light" data-testid="voucher-pdf" download>
                {t('order.downloadPdf')}
              </Button>
            )}
          </Group>
          <Stack gap="md">
            {shownVouchers.map((voucher, index) => (
              <VoucherCard
                key={voucher.id}
                voucher={voucher}
                index={index + 1}
                count={shownVouchers.length}
                about={about}
              />
            ))}
          </Stack>
        </section>
      )}

      {order.refunds.length > 0 && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('order.refunds')}
          </Title>
          <Stack gap={4}>
            {order.refunds.map((refund) => (
              <Text key={refund.id} size="sm" data-testid="refund">
                {t('order.refundLine', { amount: money(refund.amountMinor), date: '' })}
                <Timestamp value={refund.createdAt} /> · {t(`refundStatus.${refund.status}`)}
              </Text>
            ))}
          </Stack>
        </section>
      )}

      {access && !viewer && (
        <Paper withBorder p="md" bg="var(--mantine-color-indigo-light)" data-testid="create-account-offer">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('order.createAccountTitle')}
            </Title>
            <Text size="sm">{t('order.createAccountText', { email: order.buyer.email })}</Text>
            <Button
              component={Link}
              to={`/sign-up?${new URLSearchParams({ email: order.buyer.email, name: order.buyer.name })}`}
            >
              {t('order.createAccount')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('order.keepLink')}
            </Text>
          </Stack>
        </Paper>
      )}
      {viewer && order.viewerRole === 'buyer' && (
        <Anchor component={Link} to="/account/orders">
          {t('order.myOrders')}
        </Anchor>
      )}
    </Stack>
  );
}
