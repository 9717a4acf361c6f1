import type { OrderCreated } from '@souk/contracts/payments';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { cmiResponseHash } from '../src/modules/payments/gateways/cmi-hash.ts';
import { sandboxCredentials } from '../src/modules/payments/gateways/gateway-registry.ts';
import { type Affiliated, clickLink, flushClicks } from './affiliation.ts';
import { origin, rowsOf } from './catalog.ts';
import { eventually, type TestApp, type TestUser } from './harness.ts';

export const testCards = {
  visa: { cardNumber: '4000000000000010', expiry: '12/39', cvc: '000' },
  mastercard: { cardNumber: '5453010000066100', expiry: '12/39', cvc: '000' },
  threeDs: { cardNumber: '5191630100004896', expiry: '12/39', cvc: '000' },
  unknown: { cardNumber: '4111111111111111', expiry: '12/39', cvc: '123' },
};

export function buyer(overrides: Partial<{ name: string; email: string; phone: string }> = {}) {
  return {
    name: 'Fatima Zahra El Idrissi',
    email: `buyer-${Math.random().toString(36).slice(2, 10)}@example.ma`,
    phone: '0612345678',
    ...overrides,
  };
}

/** POST /api/v1/orders as a guest (or `user`), with optional headers. */
export function placeOrder(
  test: TestApp,
  body: Record<string, unknown>,
  options: { user?: TestUser | null; headers?: Record<string, string>; locale?: 'fr' | 'en' | 'ar' } = {},
) {
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: {
      origin,
      'x-souk-locale': options.locale ?? 'en',
      ...(options.user ? { cookie: options.user.cookie } : {}),
      ...options.headers,
    },
    payload: body,
  });
}

function form(test: TestApp, url: string, fields: Record<string, string>) {
  return test.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The hidden inputs and the action of the first form of an HTML page. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = decodeEntities(/<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decodeEntities(match[1] ?? '')] = decodeEntities(match[2] ?? '');
  }
  return { action, fields };
}

/**
 * A buyer's browser through the sandbox: posts the CMI form to the payment page, enters a card
 * (and the 3-D Secure code when asked), then follows the return form to okUrl / failUrl.
 * Returns where the shop sent the browser at the end.
 */
export async function payWithSandbox(
  test: TestApp,
  created: OrderCreated,
  card: { cardNumber: string; expiry: string; cvc: string },
  threeDsCode = '123',
): Promise<{ location: string; returnPage: string }> {
  if (created.payment.kind !== 'form') throw new Error('not a form payment');
  const action = new URL(created.payment.action);
  const page = await form(test, action.pathname, created.payment.fields);
  expect(page.statusCode, page.body).toBe(200);
  const state = formOf(page.body).fields.state as string;
  let result = await form(test, '/sandbox/cmi/fim/pay', { state, ...card });
  expect(result.statusCode, result.body).toBe(200);
  if (result.body.includes('/sandbox/cmi/fim/3ds')) {
    const step = formOf(result.body);
    result = await form(test, '/sandbox/cmi/fim/3ds', { ...step.fields, code: threeDsCode });
  }
  const back = formOf(result.body);
  const returned = await form(test, new URL(back.action).pathname, back.fields);
  expect(returned.statusCode, returned.body).toBe(303);
  return { location: returned.headers.location as string, returnPage: result.body };
}

/** A callback signed with the sandbox's store key, as the gateway would post it. */
export function sandboxCallback(test: TestApp, fields: Record<string, string>, options: { storeKey?: string } = {}) {
  const credentials = sandboxCredentials(test.runtime.config.PUBLIC_URL, test.runtime.config.AUTH_SECRET as string);
  const signed: Record<string, string> = { clientid: credentials.clientId, ...fields };
  signed.HASH = cmiResponseHash(signed, options.storeKey ?? credentials.storeKey);
  return form(test, '/payments/sandbox/callback', signed);
}

export function sandboxCallbackTampered(test: TestApp, fields: Record<string, string>, tamper: Record<string, string>) {
  const credentials = sandboxCredentials(test.runtime.config.PUBLIC_URL, test.runtime.config.AUTH_SECRET as string);
  const signed: Record<string, string> = { clientid: credentials.clientId, ...fields };
  signed.HASH = cmiResponseHash(signed, credentials.storeKey);
  return form(test, '/payments/sandbox/callback', { ...signed, ...tamper });
}

/** GET an order as a guest with its access token (or as `user`). */
export function readOrder(test: TestApp, id: string, options: { access?: string; user?: TestUser | null } = {}) {
  return test.app.inject({
    method: 'GET',
    url: `/api/v1/orders/${id}${options.access ? `?access=${encodeURIComponent(options.access)}` : ''}`,
    headers: { origin, 'x-souk-locale': 'en', ...(options.user ? { cookie: options.user.cookie } : {}) },
  });
}

/**
 * One unit of the influencer's deal bought and paid on Souk right after a click on their link
 * (from `ip`, so fraud rules see distinct visitors); answers the paid order and its commission's id.
 */
export async function paidSaleThroughLink(test: TestApp, affiliated: Affiliated, ip: string) {
  const { clickId } = await clickLink(test, affiliated.link.code, { ip });
  await flushClicks(test);
  const created = await placeOrder(test, {
    productId: affiliated.product.id,
    quantity: 1,
    buyer: buyer(),
    gateway: 'sandbox',
    clickId: clickId as string,
  });
  expect(created.statusCode, created.body).toBe(201);
  await payWithSandbox(test, created.json(), testCards.mastercard);
  const order = (await readOrder(test, created.json().order.id, { access: created.json().accessToken })).json();
  expect(order.status).toBe('paid');
  const commissionId = await eventually(async () => {
    const rows = await rowsOf<{ id: string }>(
      test,
      sql`select c.id from affiliation_commissions c join affiliation_conversions v on v.id = c.conversion_id
          where v.order_ref = ${order.reference}`,
    );
    expect(rows).toHaveLength(1);
    return rows[0]?.id as string;
  });
  return { order, commissionId };
}
