import { randomUUID } from 'node:crypto';
import type { PublicProduct } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import {
  type CheckoutProduct,
  clickCookieName,
  type GatewayId,
  gatewayIds,
  idempotencyKeyHeader,
  type OrderCreated,
  type OrderCreateInput,
} from '@souk/contracts/payments';
import { type AppLoadContext, data, redirect } from 'react-router';
import { apiJson, fieldErrorsOf, unwrap } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { paymentsApi } from '../../lib/payments/payments-api';

/** The deal behind a checkout address: a renamed deal's old slug moves to its new checkout page. */
export async function loadCheckout(
  context: AppLoadContext,
  request: Request,
  slug: string,
): Promise<{ checkout: CheckoutProduct; slug: string }> {
  const url = new URL(request.url);
  const response = await context.api(`/api/v1/marketplace/products/${encodeURIComponent(slug)}`, {
    headers: { accept: 'application/json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 301 || response.status === 308) {
    const { redirectTo } = body as { redirectTo: string };
    throw redirect(`/p/${encodeURIComponent(redirectTo)}/buy${url.search}`, 301);
  }
  if (!response.ok) throw data(body, { status: response.status });
  const product = body as PublicProduct;
  const checkout = unwrap(await apiJson<CheckoutProduct>(context, paymentsApi.checkout(product.id)));
  return { checkout, slug: product.slug };
}

/** A fresh key per checkout form: a double click or a resent form creates one order, not two. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

export type CheckoutValues = { quantity: string; name: string; email: string; phone: string; gateway: string };

export type CheckoutActionData =
  | { ok: true; gateway: GatewayId; payment: { action: string; fields: Record<string, string> } }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: CheckoutValues };

function isGateway(value: string): value is GatewayId {
  return (gatewayIds as readonly string[]).includes(value);
}

/**
 * Creates the order and starts its payment. Stripe is a redirect (also without JavaScript);
 * CMI and the sandbox need a signed form posted by the browser, which the page renders.
 */
export async function placeOrder(context: AppLoadContext, locale: Locale, form: FormData) {
  const words = translations[locale].checkout;
  const values: CheckoutValues = {
    quantity: formText(form, 'quantity'),
    name: formText(form, 'name'),
    email: formText(form, 'email'),
    phone: formText(form, 'phone'),
    gateway: formText(form, 'gateway'),
  };
  const fieldErrors: Record<string, string> = {};
  for (const field of ['name', 'email', 'phone', 'gateway'] as const) {
    if (!values[field]) fieldErrors[field] = words.required;
  }
  const quantity = Number(values.quantity);
  if (!Number.isInteger(quantity) || quantity < 1) fieldErrors.quantity = words.required;
  if (Object.keys(fieldErrors).length > 0 || !isGateway(values.gateway)) {
    return data<CheckoutActionData>(
      { ok: false, error: Object.values(fieldErrors)[0] ?? words.required, fieldErrors, values },
      { status: 400 },
    );
  }

  const clickId = formText(form, 'clickId') || undefined;
  const input: OrderCreateInput = {
    productId: formText(form, 'productId'),
    quantity,
    buyer: { name: values.name, email: values.email, phone: values.phone },
    gateway: values.gateway,
    locale,
    ...(clickId ? { clickId } : {}),
  };
  const headers: Record<string, string> = {};
  const key = formText(form, 'idempotencyKey');
  if (key) headers[idempotencyKeyHeader] = key.slice(0, 255);
  // The tracked-link cookie travels with the visitor's other cookies (context.api forwards them).
  const result = await apiJson<OrderCreated>(context, paymentsApi.createOrder, {
    method: 'POST',
    json: input,
    headers,
  });
  if (!result.ok) {
    const errors = fieldErrorsOf(result.problem);
    return data<CheckoutActionData>(
      {
        ok: false,
        error: result.problem.detail || problemMessage(result, locale),
        fieldErrors: errors,
        values,
      },
      { status: result.status },
    );
  }
  const { payment } = result.data;
  if (payment.kind === 'redirect') throw redirect(payment.url);
  return data<CheckoutActionData>({
    ok: true,
    gateway: values.gateway,
    payment: { action: payment.action, fields: payment.fields },
  });
}

/** The click id of a tracked visit, when the landing address still carries it. */
export function clickIdOf(request: Request): string {
  return (new URL(request.url).searchParams.get(clickCookieName) ?? '').slice(0, 100);
}
