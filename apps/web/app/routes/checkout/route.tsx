import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ProductImageView } from '@souk/contracts/catalog';
import type { CheckoutProduct, EnabledGateway } from '@souk/contracts/payments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { PaymentHandoff } from '../../components/payments/payment-handoff';
import { TestCards } from '../../components/payments/test-cards';
import { SubmitButton } from '../../components/submit-button';
import { formatMoney } from '../../lib/format-money';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/route';
import { clickIdOf, loadCheckout, newIdempotencyKey, placeOrder } from './checkout.server';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { checkout, slug } = await loadCheckout(context, request, params.slug);
  return { checkout, slug, idempotencyKey: newIdempotencyKey(), clickId: clickIdOf(request) };
}

export async function action({ request, context }: Route.ActionArgs) {
  return placeOrder(context, localeOf(request), await request.formData());
}

export const meta: Route.MetaFunction = () => [{ name: 'robots', content: 'noindex' }];

export default function Checkout({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { checkout, slug } = loaderData;
  const { product } = checkout;
  useFeedbackToast(actionData && !actionData.ok ? actionData : undefined, { errorTitle: t('checkout.errorTitle') });
  return (
    <Stack gap="lg">
      <PageTitle>{`${t('checkout.title')} · ${product.title}`}</PageTitle>
      <div>
        <Anchor component={Link} to={`/p/${slug}`} size="sm">
          {t('checkout.backToDeal')}
        </Anchor>
        <Title order={1}>{t('checkout.title')}</Title>
        <Text c="dimmed">{t('checkout.intro')}</Text>
      </div>
      {actionData?.ok ? (
        <PaymentHandoff payment={actionData.payment} gatewayName={t(`gateway.${actionData.gateway}`)} />
      ) : !checkout.purchasable ? (
        <NotPurchasable reason={checkout.reason ?? 'not_published'} />
      ) : checkout.gateways.length === 0 ? (
        <Alert color="orange" role="status" data-testid="no-gateway">
          {t('checkout.noGateway')}
        </Alert>
      ) : (
        <CheckoutForm
          checkout={checkout}
          idempotencyKey={loaderData.idempotencyKey}
          clickId={loaderData.clickId}
          actionData={actionData}
        />
      )}
    </Stack>
  );
}

function NotPurchasable({ reason }: { reason: NonNullable<CheckoutProduct['reason']> }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={reason === 'sold_out' ? 'orange' : 'red'}
      title={t(`checkout.unavailableTitle.${reason}`)}
      data-testid="not-purchasable"
      data-reason={reason}
      role="status"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t(`checkout.unavailableText.${reason}`)}</Text>
        <Button component={Link} to="/marketplace" variant="light">
          {t('checkout.seeOtherDeals')}
        </Button>
      </Stack>
    </Alert>
  );
}

function CheckoutForm({
  checkout,
  idempotencyKey,
  clickId,
  actionData,
}: {
  checkout: CheckoutProduct;
  idempotencyKey: string;
  clickId: string;
  actionData: Route.ComponentProps['actionData'];
}) {
  const { t } = useTranslation();
  const { locale, viewer } = useRootData();
  const { product, maxQuantity, gateways } = checkout;
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const fieldErrors = failure?.fieldErrors ?? {};
  const minQuantity = Math.min(product.minPerPurchase, maxQuantity);
  const [quantity, setQuantity] = useState<number>(Number(failure?.values.quantity) || Math.max(1, minQuantity));
  const [gateway, setGateway] = useState<string>(failure?.values.gateway || (gateways[0]?.id ?? ''));
  const total = product.unitPriceMinor * (Number.isInteger(quantity) && quantity > 0 ? quantity : 0);
  const money = (minor: number) => formatMoney(minor, product.currency, locale);

  return (
    <Form method="post" data-testid="checkout-form">
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {clickId && <input type="hidden" name="clickId" value={clickId} />}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {failure && (
              <Alert color="red" role="alert" title={t('checkout.errorTitle')} data-testid="checkout-error">
                {failure.error}
              </Alert>
            )}
            <Paper withBorder p="md" component="fieldset" style={{ margin: 0 }}>
              <Title order={2} size="h4" component="legend" px={4}>
                {t('checkout.buyer')}
              </Title>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {viewer ? t('checkout.signedInAs', { name: viewer.name }) : t('checkout.buyerHint')}
                </Text>
                <TextInput
                  name="name"
                  label={t('checkout.name')}
                  autoComplete="name"
                  required
                  minLength={2}
                  maxLength={120}
                  defaultValue={failure?.values.name ?? viewer?.name ?? ''}
                  error={fieldErrors.name}
                />
                <TextInput
                  name="email"
                  type="email"
                  label={t('checkout.email')}
                  autoComplete="email"
                  dir="ltr"
                  required
                  maxLength={254}
                  defaultValue={failure?.values.email ?? viewer?.email ?? ''}
                  error={fieldErrors.email}
                />
                <TextInput
                  name="phone"
                  type="tel"
                  label={t('checkout.phone')}
                  description={t('checkout.phoneHint')}
                  autoComplete="tel"
                  dir="ltr"
                  required
                  minLength={6}
                  maxLength={30}
                  defaultValue={failure?.values.phone ?? ''}
                  error={fieldErrors.phone}
                />
              </Stack>
            </Paper>
            <Radio.Group
              name="gateway"
              label={
                <Title order={2} size="h4">
                  {t('checkout.paymentMethod')}
                </Title>
              }
              value={gateway}
              onChange={setGateway}
              error={fieldErrors.gateway}
            >
              <Stack gap="sm" mt="xs">
                {gateways.map((option) => (
                  <GatewayOption key={option.id} gateway={option} selected={gateway === option.id} />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="xs" c="dimmed">
              {t('checkout.secure')}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" data-testid="order-summary">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('checkout.summary')}
              </Title>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                {product.image && <Thumbnail image={product.image} />}
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{product.title}</Text>
                  <Text size="sm" c="dimmed">
                    {product.merchantName}
                  </Text>
                </div>
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('checkout.unitPrice')}</Text>
                <Text size="sm" data-testid="unit-price">
                  {money(product.unitPriceMinor)}
                </Text>
              </Group>
              <NumberInput
                name="quantity"
                label={t('checkout.quantity')}
                description={t('checkout.quantityHint', { min: minQuantity, max: maxQuantity })}
                min={minQuantity}
                max={maxQuantity}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={quantity}
                onChange={(value) => setQuantity(typeof value === 'number' ? value : Number(value) || 0)}
                error={fieldErrors.quantity}
                required
                data-testid="quantity"
              />
              {product.remainingStock !== null && product.remainingStock <= 20 && (
                <Text size="sm" fw={600} c="orange.9">
                  {t('checkout.stockLeft', { count: product.remainingStock })}
                </Text>
              )}
              <Group
                justify="space-between"
                pt="xs"
                style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              >
                <Text fw={700}>{t('checkout.total')}</Text>
                <Text fw={800} fz="xl" data-testid="order-total" aria-live="polite">
                  {money(total)}
                </Text>
              </Group>
              <SubmitButton size="lg" fullWidth data-testid="pay">
                {t('checkout.pay', { amount: money(total) })}
              </SubmitButton>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Form>
  );
}

function GatewayOption({ gateway, selected }: { gateway: EnabledGateway; selected: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="gateway-option"
      data-gateway={gateway.id}
      style={selected ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
    >
      <Radio
        value={gateway.id}
        label={
          <Group gap="xs">
            <Text fw={600} span>
              {t(`gateway.${gateway.id}`)}
            </Text>
            {gateway.test && (
              <Badge color="orange" variant="filled" size="sm">
                {t('checkout.testBadge')}
              </Badge>
            )}
          </Group>
        }
        description={t(`checkout.gatewayText.${gateway.id}`)}
      />
      {gateway.test && gateway.id !== 'stripe' && <TestCards />}
    </Paper>
  );
}

/** The deal's photo, small: the smallest resized copy, cropped to a fixed box. */
function Thumbnail({ image }: { image: ProductImageView }) {
  const smallest = image.variants.find((variant) => variant.format === 'webp') ?? image.variants[0];
  return (
    <img
      src={smallest?.url ?? image.url}
      alt=""
      width={96}
      height={72}
      loading="lazy"
      style={{
        flexShrink: 0,
        objectFit: 'cover',
        borderRadius: 8,
        backgroundImage: `url("${image.placeholder}")`,
        backgroundSize: 'cover',
      }}
    />
  );
}
