import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../apps/web/app/lib/format-money.ts';
import { ar } from '../apps/web/app/locales/ar.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { callApi } from './api.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { apiSignIn } from './outbox.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The checkout acceptance path on a fresh install (no gateway configured: the sandbox, which
 * speaks CMI's protocol): a guest buys a demo deal with the test Visa card, lands on the
 * confirmation with the vouchers, gets them by mail with the PDF; the merchant redeems one on a
 * phone and a second try is refused. The same purchase from an influencer's tracked link makes
 * exactly one pending commission of the right amount, and the merchant's refund reverses it.
 * The checkout reads right to left in Arabic and the counter screen fits a 360 px phone.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
const phoneAgent =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const testVisa = { number: '4000000000000010', cvc: '000' };

type Commission = { type: 'percentage'; basisPoints: number } | { type: 'fixed'; amountMinor: number } | null;
type Deal = {
  id: string;
  slug: string;
  title: string;
  commission: Commission;
  discountedPriceMinor: number;
  minPerPurchase: number;
};
type OrderJson = {
  id: string;
  reference: string;
  status: string;
  totalMinor: number;
  vouchers: { code: string | null }[];
};

let adminCookie = '';
let merchantCookie = '';
let influencerCookie = '';
let deal: Deal;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  [adminCookie, merchantCookie, influencerCookie] = await Promise.all([
    apiSignIn(server, 'admin@souk.test', demoPassword),
    apiSignIn(server, 'merchant@souk.test', demoPassword),
    apiSignIn(server, 'influencer@souk.test', demoPassword),
  ]);
  deal = await pickDeal();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

function api<T>(path: string, cookie: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  return callApi<T>(server, path, cookie, init);
}

/** A published demo deal of the merchant, with a commission, that the demo influencer never asked to promote. */
async function pickDeal(): Promise<Deal> {
  const me = await api<{ teams: { teamId: string }[] }>('/api/v1/me', merchantCookie);
  const teamId = me.teams[0]?.teamId ?? '';
  const products = await api<{ items: (Deal & { stockQuantity: number | null; maxPerPurchase: number | null })[] }>(
    `/api/v1/products?organizationId=${teamId}&status=published&limit=50`,
    merchantCookie,
  );
  const requested = await api<{ items: { productId: string }[] }>('/api/v1/affiliation-requests', influencerCookie);
  const taken = new Set(requested.items.map((item) => item.productId));
  const found = products.items.find(
    (item) =>
      !taken.has(item.id) &&
      item.commission !== null &&
      (item.stockQuantity === null || item.stockQuantity >= 10) &&
      item.minPerPurchase <= 1,
  );
  if (!found) throw new Error('no demo deal fits the test');
  return found;
}

async function newContext(options: { width?: number; userAgent?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'fr-FR',
    userAgent: options.userAgent,
  });
}

function signIn(page: Page, email: string): Promise<void> {
  return signInAs(page, server.url, email, demoPassword);
}

/** The commission the rules give on a sale, half-up in minor units. */
function expectedCommission(commission: Commission, amountMinor: number): number {
  if (!commission) return 0;
  if (commission.type === 'fixed') return commission.amountMinor;
  return Math.floor((amountMinor * commission.basisPoints + 5_000) / 10_000);
}

/**
 * From the deal page to the order confirmation: "Buy", the checkout form, the sandbox's card
 * page with the test Visa card, back to the order page, which refreshes itself until paid.
 */
async function buyThroughSandbox(page: Page, buyer: { name: string; email: string }, quantity: number) {
  const main = page.locator('main');
  await main.getByTestId('buy').click();
  await page.waitForURL((url) => url.pathname === `/p/${deal.slug}/buy`);
  await hydrated(page);
  const form = main.getByTestId('checkout-form');
  await form.locator('input[name=quantity]').fill(String(quantity));
  await expect
    .poll(() => form.getByTestId('order-total').textContent())
    .toBe(formatMoney(deal.discountedPriceMinor * quantity, 'MAD', 'fr'));
  await form.locator('input[name=name]').fill(buyer.name);
  await form.locator('input[name=email]').fill(buyer.email);
  await form.locator('input[name=phone]').fill('0612345678');
  // A fresh install offers the sandbox only, labelled as a test with its test cards.
  const sandbox = form.locator('[data-testid=gateway-option][data-gateway=sandbox]');
  await sandbox.getByText(fr.checkout.testBadge, { exact: true }).waitFor();
  expect(await sandbox.getByTestId('test-card-number').first().textContent()).toBe('4000 0000 0000 0010');
  await sandbox.locator('input[type=radio]').check();
  await form.getByTestId('pay').click();

  // The signed form goes to the sandbox's card page by itself.
  await page.waitForURL((url) => url.pathname.startsWith('/api/') || url.pathname.includes('sandbox'));
  await payOnSandboxPage(page, testVisa);

  await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
  const orderPage = page.locator('main [data-testid=order-page]');
  await page.locator('main [data-testid=order-page][data-status=paid]').waitFor({ timeout: 30_000 });
  await orderPage.getByText(fr.order.headline.paid).waitFor();
  const orderId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const access = new URL(page.url()).searchParams.get('access');
  const codes = (await orderPage.getByTestId('voucher-code').allTextContents()).map((code) => code.trim());
  expect(codes).toHaveLength(quantity);
  for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return { orderId, access, codes };
}

/** The sandbox's own card page (server-rendered): card number, expiry, CVC, pay. */
async function payOnSandboxPage(page: Page, card: { number: string; cvc: string }): Promise<void> {
  const cardForm = page.locator('form:has(input[name=cardNumber])');
  await cardForm.locator('input[name=cardNumber]').fill(card.number);
  const expiry = cardForm.locator('input[name=expiry]');
  if ((await expiry.count()) > 0) await expiry.fill('12/30');
  await cardForm.locator('input[name=cvc]').fill(card.cvc);
  await cardForm.locator('button[type=submit]').first().click();
}

describe('checkout and payments', () => {
  let guestCodes: string[] = [];
  const guest = { name: 'Nadia Berrada', email: `nadia.${Date.now()}@example.ma` };

  it('buys a deal with the sandbox test Visa card and shows the vouchers', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${deal.slug}`);
    const result = await buyThroughSandbox(page, guest, 2);
    guestCodes = result.codes;
    expect(result.access).toBeTruthy();
    const main = page.locator('main');
    await main.getByTestId('voucher-qr').first().waitFor();
    // The QR image and the PDF are served to the holder of the link.
    const qr = await page.request.get(
      `${server.url}${await main.getByTestId('voucher-qr').first().getAttribute('src')}`,
    );
    expect(qr.headers()['content-type']).toContain('image/svg+xml');
    const pdf = await page.request.get(`${server.url}${await main.getByTestId('voucher-pdf').getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // A guest is offered an account with the address given at checkout.
    const offer = main.getByTestId('create-account-offer');
    expect(await offer.getByRole('link').getAttribute('href')).toContain(encodeURIComponent(guest.email));
    // Without the access token the order is nobody's business.
    const stranger = await context.browser()?.newContext();
    const strangerPage = await stranger?.newPage();
    await strangerPage?.goto(`${server.url}/orders/${result.orderId}?access=wrong-token`);
    await strangerPage?.locator('main [data-testid=order-not-found]').waitFor();
    await stranger?.close();
    await context.close();
  });

  it('mails the vouchers with the PDF attached', async () => {
    const headers = { cookie: adminCookie };
    let message: { id: string; template: string } | undefined;
    const deadline = Date.now() + 20_000;
    while (!message && Date.now() < deadline) {
      const list = (await (
        await fetch(`${server.url}/api/v1/admin/mail-messages?to=${encodeURIComponent(guest.email)}`, { headers })
      ).json()) as { items: { id: string; template: string }[] };
      message = list.items.find((item) => item.template === 'order-confirmation');
      if (!message) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    if (!message) throw new Error('no voucher mail in the outbox');
    const detail = (await (
      await fetch(`${server.url}/api/v1/admin/mail-messages/${message.id}`, { headers })
    ).json()) as {
      text: string;
      attachments: { filename: string; contentType: string; size: number }[];
    };
    for (const code of guestCodes) expect(detail.text).toContain(code);
    const pdf = detail.attachments.find((file) => file.contentType === 'application/pdf');
    expect(pdf?.filename).toMatch(/\.pdf$/);
    expect(pdf?.size).toBeGreaterThan(1000);
  });

  it('lets the merchant redeem a voucher once on a phone, and refuses a typo and a second try', async () => {
    const code = guestCodes[0] ?? '';
    const context = await newContext({ width: 360, userAgent: phoneAgent });
    const page = await context.newPage();
    await signIn(page, 'merchant@souk.test');
    await page.goto(`${server.url}/merchant/redeem`);
    await hydrated(page);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    const main = page.locator('main');
    const input = main.getByTestId('voucher-code-input');
    const outcome = main.getByTestId('redemption-outcome');

    // One wrong character is an invalid code, not "already used".
    const typo = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    await input.fill(typo.toLowerCase().replaceAll('-', ' '));
    expect(await input.inputValue()).toBe(typo);
    await main.getByTestId('check').click();
    await main.locator('[data-testid=redemption-outcome][data-outcome=invalid_code]').waitFor();

    // The voucher's QR code opens the counter with the code already looked up.
    await page.goto(`${server.url}/merchant/redeem?code=${code.replaceAll('-', '').toLowerCase()}`);
    await hydrated(page);
    await main.locator('[data-testid=redemption-outcome][data-outcome=valid]').waitFor();
    expect(await input.inputValue()).toBe(code);
    await main.getByTestId('redeem').click();
    await main.locator('[data-testid=redemption-outcome][data-outcome=redeemed]').waitFor();
    expect(await outcome.textContent()).toContain(fr.redeem.outcome.redeemed);
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    await input.fill(code);
    await main.getByTestId('check').click();
    await main.locator('[data-testid=redemption-outcome][data-outcome=already_redeemed]').waitFor();
    expect(await outcome.textContent()).toContain(fr.redeem.outcome.already_redeemed);
    // The API refuses the second redemption as well, whatever the screen shows.
    const again = await api<{ outcome: string; ok: boolean }>('/api/v1/vouchers/redeem', merchantCookie, {
      method: 'POST',
      json: { code },
    });
    expect(again).toMatchObject({ outcome: 'already_redeemed', ok: false });
    await context.close();
  });

  it('turns a purchase from a tracked link into one pending commission, reversed by a refund', async () => {
    // The demo influencer promotes the deal, the merchant approves, the influencer makes a link.
    const request = await api<{ id: string }>(`/api/v1/products/${deal.id}/affiliation-requests`, influencerCookie, {
      method: 'POST',
      json: { message: 'Achats suivis', audience: [{ platform: 'instagram', handle: '@souk_pay', followers: 9000 }] },
    });
    await api(`/api/v1/affiliation-requests/${request.id}/approve`, merchantCookie, { method: 'POST', json: {} });
    const link = await api<{ shortUrl: string }>('/api/v1/links', influencerCookie, {
      method: 'POST',
      json: { productId: deal.id },
    });

    const context = await newContext({ userAgent: phoneAgent });
    const page = await context.newPage();
    await page.goto(link.shortUrl);
    await page.waitForURL((url) => url.pathname === `/p/${deal.slug}` && url.searchParams.has('souk_cid'));
    const buyer = { name: 'Youssef Alaoui', email: `youssef.${Date.now()}@example.ma` };
    const { orderId } = await buyThroughSandbox(page, buyer, 1);
    await context.close();

    const order = await api<OrderJson>(`/api/v1/orders/${orderId}`, merchantCookie);
    const expected = expectedCommission(deal.commission, order.totalMinor);
    type CommissionRow = { orderRef: string; amountMinor: number; status: string };
    const commissionsOfOrder = async () => {
      const list = await api<{ items: CommissionRow[] }>('/api/v1/commissions?limit=200', influencerCookie);
      return list.items.filter((item) => item.orderRef === order.reference || item.orderRef === order.id);
    };
    await expect.poll(async () => (await commissionsOfOrder()).length, { timeout: 20_000 }).toBe(1);
    const [commission] = await commissionsOfOrder();
    expect(commission).toMatchObject({ amountMinor: expected, status: 'pending' });

    // The merchant refunds the whole order from its page, confirming first.
    const merchant = await newContext();
    const merchantPage = await merchant.newPage();
    await signIn(merchantPage, 'merchant@souk.test');
    await merchantPage.goto(`${server.url}/merchant/orders`);
    await merchantPage.locator(`main [data-testid=order-row][data-order-id="${orderId}"]`).waitFor();
    await merchantPage.goto(`${server.url}/merchant/orders/${orderId}`);
    await hydrated(merchantPage);
    const main = merchantPage.locator('main');
    await main.getByTestId('order-events').waitFor();
    const refund = main.getByTestId('refund-form');
    await refund.locator('textarea[name=reason]').fill('Client empêché, remboursement complet');
    await refund.getByRole('button', { name: fr.merchantOrders.refund }).click();
    await merchantPage.getByTestId('confirm').click();
    await main.locator('[data-testid=order-detail][data-status=refunded]').waitFor({ timeout: 20_000 });
    await merchant.close();

    await expect.poll(async () => (await commissionsOfOrder())[0]?.status, { timeout: 20_000 }).toBe('reversed');
    expect(await commissionsOfOrder()).toHaveLength(1);
  });

  it('takes a buyer without JavaScript to the payment page and back to the order', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${deal.slug}/buy`);
    const form = page.locator('main [data-testid=checkout-form]');
    await form.locator('input[name=name]').fill('Karim Idrissi');
    await form.locator('input[name=email]').fill(`karim.${Date.now()}@example.ma`);
    await form.locator('input[name=phone]').fill('0661234567');
    // The server's refusal lands on the field, and the rest of the form is kept.
    await form.locator('input[name=quantity]').fill('999');
    await form.getByTestId('pay').click();
    await page.locator('main [data-testid=checkout-error]').waitFor();
    expect(await form.locator('input[name=quantity]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name=name]').inputValue()).toBe('Karim Idrissi');
    await form.locator('input[name=quantity]').fill('1');
    await form.getByTestId('pay').click();
    // The signed form cannot post itself: its button is there to press.
    const handoff = page.locator('main [data-testid=payment-handoff]');
    await handoff.getByTestId('continue-to-payment').click();
    await payOnSandboxPage(page, testVisa);
    // The sandbox's way back is a form too.
    await page.locator('form button[type=submit]').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
    const status = await page.locator('main [data-testid=order-page]').getAttribute('data-status');
    if (status === 'pending_payment') {
      await page.getByTestId('refresh-order').click();
    }
    await page.locator('main [data-testid=order-page][data-status=paid]').waitFor();
    expect(await page.locator('main [data-testid=voucher-code]').count()).toBe(1);
    await context.close();
  });

  it('lets a buyer with an account find the order and, once a voucher is used, post a verified review', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'influencer2@souk.test');
    await page.goto(`${server.url}/p/${deal.slug}`);
    const { orderId, codes } = await buyThroughSandbox(
      page,
      { name: 'Omar Travels', email: 'influencer2@souk.test' },
      1,
    );
    const main = page.locator('main');
    await page.goto(`${server.url}/account/orders`);
    const card = main.locator(`[data-testid=my-order][data-order-id="${orderId}"]`);
    await card.getByText(fr.buyerOrders.reviewAfterUse).waitFor();

    await api('/api/v1/vouchers/redeem', merchantCookie, { method: 'POST', json: { code: codes[0] } });
    await page.reload();
    await hydrated(page);
    await card.getByTestId('review-disclosure').locator('summary').click();
    const form = card.getByTestId('review-form');
    // The stars are radio buttons; a person clicks the fourth star (its label).
    const fourStars = form.getByRole('radio', { name: fr.buyerOrders.stars.replace('{{count}}', '4') });
    await form.locator(`label[for="${await fourStars.getAttribute('id')}"]`).click();
    expect(await fourStars.isChecked()).toBe(true);
    await form.locator('input[name=title]').fill('Un vrai moment de détente');
    await form.locator('textarea[name=body]').fill('Accueil chaleureux, gommage parfait, je reviendrai.');
    await form.getByTestId('send-review').click();
    await card.getByTestId('review-sent').waitFor();

    await page.goto(`${server.url}/p/${deal.slug}`);
    await hydrated(page);
    await main.getByRole('tab', { name: new RegExp(fr.deal.tabReviews.split(' ')[0] ?? '') }).click();
    const review = main.locator('[data-testid=review]').filter({ hasText: 'Un vrai moment de détente' });
    await review.getByTestId('verified-purchase').waitFor();
    expect(await review.getAttribute('data-verified')).toBe('true');
    await context.close();
  });

  it('keeps the merchant, admin and order pages to their own people', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'influencer@souk.test');
    for (const path of ['/merchant/orders', '/merchant/redeem', '/admin/orders', '/admin/payments']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(403);
    }
    // Someone else's order, even signed in, is not found without its link.
    const orders = await api<{ items: { id: string }[] }>('/api/v1/merchant/orders', merchantCookie);
    const someoneElses = orders.items[0]?.id ?? '';
    const response = await page.goto(`${server.url}/orders/${someoneElses}`);
    expect(response?.status()).toBe(404);
    await page.locator('main [data-testid=order-not-found]').waitFor();
    await context.close();
  });

  it('says plainly at checkout that a deal is sold out', async () => {
    const me = await api<{ teams: { teamId: string }[] }>('/api/v1/me', merchantCookie);
    const teamId = me.teams[0]?.teamId ?? '';
    const products = await api<{ items: { id: string; slug: string }[] }>(
      `/api/v1/products?organizationId=${teamId}&status=published&limit=50`,
      merchantCookie,
    );
    const other = products.items.find((item) => item.id !== deal.id);
    if (!other) throw new Error('no second demo deal');
    await api(`/api/v1/products/${other.id}?organizationId=${teamId}`, merchantCookie, {
      method: 'PATCH',
      json: { stockQuantity: 0 },
    });
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${other.slug}/buy`);
    const notice = page.locator('main [data-testid=not-purchasable]');
    expect(await notice.getAttribute('data-reason')).toBe('sold_out');
    await notice.getByText(fr.checkout.unavailableTitle.sold_out).waitFor();
    expect(await page.locator('main [data-testid=checkout-form]').count()).toBe(0);
    await context.close();
  });

  it('reads right to left in Arabic at checkout and fits a 360 px phone', async () => {
    const context = await newContext({ width: 360, userAgent: phoneAgent });
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${deal.slug}/buy?lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const main = page.locator('main');
    await main.getByRole('heading', { name: ar.checkout.title, level: 1 }).waitFor();
    await main.getByText(ar.checkout.testCardsTitle).waitFor();
    expect(await main.getByTestId('pay').textContent()).toContain(ar.checkout.pay.split(' ')[0]);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await context.close();
  });
});
