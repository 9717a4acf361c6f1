import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../apps/web/app/lib/format-money.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The money loop in the browser: an influencer asks to promote a demo deal, the merchant approves
 * in the web UI, the influencer copies their tracked link; an anonymous click is redirected with
 * a click id; the merchant reports the sale through the conversions API with a key made in the
 * UI; the influencer's earnings show the pending commission to the centime. Arabic is right to
 * left and a 360 px phone never scrolls sideways.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
const browserAgent =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

type Commission = { type: 'percentage'; basisPoints: number } | { type: 'fixed'; amountMinor: number } | null;
let product: { id: string; slug: string; title: string; commission: Commission } | undefined;
let shortUrl = '';

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newContext(width = 1280): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
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

describe('affiliation', () => {
  let merchant: BrowserContext;
  let influencer: BrowserContext;
  let merchantPage: Page;
  let influencerPage: Page;

  beforeAll(async () => {
    merchant = await newContext();
    influencer = await newContext();
    await influencer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    merchantPage = await merchant.newPage();
    influencerPage = await influencer.newPage();
    await signIn(merchantPage, 'merchant@souk.test');
    await signIn(influencerPage, 'influencer@souk.test');

    // A published demo deal of this merchant with a commission that the influencer never asked for.
    const me = (await (await merchantPage.request.get(`${server.url}/api/v1/me`)).json()) as {
      teams: { teamId: string }[];
    };
    const teamId = me.teams[0]?.teamId ?? '';
    const products = (await (
      await merchantPage.request.get(`${server.url}/api/v1/products?organizationId=${teamId}&status=published&limit=50`)
    ).json()) as { items: { id: string; slug: string; title: string; commission: Commission }[] };
    const requested = (await (
      await influencerPage.request.get(`${server.url}/api/v1/affiliation-requests`)
    ).json()) as { items: { productId: string }[] };
    const taken = new Set(requested.items.map((item) => item.productId));
    product = products.items.find((item) => !taken.has(item.id) && item.commission !== null);
  });
  afterAll(async () => {
    await merchant?.close();
    await influencer?.close();
  });

  it('takes a request from the deal page to an approved affiliation and a copied tracked link', async () => {
    if (!product) throw new Error('no demo deal left to request');
    const page = influencerPage;
    const main = page.locator('main');
    await page.goto(`${server.url}/p/${product.slug}`);
    await hydrated(page);
    await main.getByTestId('promote').click();
    await page.waitForURL(`${server.url}/p/${product.slug}/promote`);
    await main.locator('textarea[name=message]').fill('Mon audience marrakchie adore les hammams.');
    await main.locator('input[name=handle]').first().fill('@souk_e2e');
    await main.locator('input[name=followers]').first().fill('52000');
    await main.getByRole('button', { name: fr.affiliation.promote.addRow }).click();
    await expect.poll(() => main.getByTestId('audience-row').count()).toBe(2);
    await main.locator('select[name=platform]').nth(1).selectOption('tiktok');
    await main.locator('input[name=handle]').nth(1).fill('@souk.e2e');
    await main.locator('input[name=followers]').nth(1).fill('120000');
    await main.getByTestId('send-request').click();
    await main.locator('[data-testid=promote-status][data-status=pending]').waitFor();
    await page.getByText(fr.affiliation.promote.sent).first().waitFor();

    // The merchant sees the request with the audience and approves it, confirming first.
    const merchantMain = merchantPage.locator('main');
    await merchantPage.goto(`${server.url}/merchant/affiliations?status=pending`);
    await hydrated(merchantPage);
    const card = merchantMain
      .getByTestId('affiliation-request')
      .filter({ hasText: product.title })
      .filter({ hasText: '@souk_e2e' });
    await card.waitFor();
    await card.getByText('@souk.e2e').waitFor();
    await card.getByTestId('approve-form').getByRole('button', { name: fr.affiliation.merchant.approve }).click();
    await merchantPage.getByTestId('confirm').click();
    await merchantPage.getByText(fr.affiliation.merchant.approved).first().waitFor();

    // The promote page now says so and leads to My links.
    await page.goto(`${server.url}/p/${product.slug}/promote`);
    await hydrated(page);
    await main.locator('[data-testid=promote-status][data-status=approved]').waitFor();
    await main.getByRole('link', { name: fr.affiliation.promote.toMyLinks }).click();
    await page.waitForURL(`${server.url}/influencer/links`);
    const section = main.locator(`[data-testid=product-links][data-product-id="${product.id}"]`);
    await section.getByTestId('create-main-link').click();
    const url = section.getByTestId('short-url');
    await url.waitFor();
    shortUrl = (await url.textContent())?.trim() ?? '';
    expect(shortUrl).toMatch(new RegExp(`^${server.url}/r/[A-Za-z0-9-]+$`));
    await section.getByTestId('copy-link').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl);
    const share = await section.getByTestId('whatsapp-share').getAttribute('href');
    expect(decodeURIComponent(share ?? '')).toContain(shortUrl);
    expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
    const qr = await fetch((await section.locator('a[download$=".png"]').getAttribute('href')) ?? '', {
      headers: { cookie: (await influencer.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(qr.headers.get('content-type')).toContain('image/png');
  });

  it('attributes the sale the merchant reports with an API key made in the UI', async () => {
    if (!product || !shortUrl) throw new Error('the previous step did not run');
    const click = await fetch(shortUrl, { redirect: 'manual', headers: { 'user-agent': browserAgent } });
    expect(click.status).toBe(302);
    const clickId = new URL(click.headers.get('location') ?? '', server.url).searchParams.get('souk_cid');
    expect(clickId).toMatch(/^[0-9a-f-]{36}$/);

    const merchantMain = merchantPage.locator('main');
    await merchantPage.goto(`${server.url}/settings/api-keys`);
    await hydrated(merchantPage);
    const form = merchantMain.locator('form:has(input[name=name])');
    await form.locator('input[name=name]').fill('Boutique en ligne');
    await form.locator('input[name=scopes][value="conversions:write"]').check();
    await form.locator('button[type=submit]').click();
    const secret = (await merchantMain.getByTestId('api-key-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^souk_/);

    // The conversions help page shows the call and the pixel.
    await merchantPage.goto(`${server.url}/merchant/conversions-api`);
    expect(await merchantMain.getByTestId('curl-snippet').textContent()).toContain('/api/v1/conversions');
    expect(await merchantMain.getByTestId('pixel-snippet').textContent()).toContain('/px.js');

    const amount = 100_000;
    const orderRef = `E2E-${Date.now()}`;
    const response = await fetch(`${server.url}/api/v1/conversions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clickId, orderRef, amount, currency: 'MAD' }),
    });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { commission: { amountMinor: number; status: string } | null };
    const expected = expectedCommission(product.commission, amount);
    expect(result.commission?.amountMinor).toBe(expected);
    expect(result.commission?.status).toBe('pending');

    const page = influencerPage;
    await page.goto(`${server.url}/influencer/earnings?status=pending`);
    const row = page.locator(`main [data-testid=commission][data-order-ref="${orderRef}"]`);
    await row.waitFor();
    expect(await row.getByTestId('commission-amount').textContent()).toBe(formatMoney(expected, 'MAD', 'fr'));
    expect(await row.getAttribute('data-status')).toBe('pending');

    // The merchant sees what is owed.
    await merchantPage.goto(`${server.url}/merchant/commissions`);
    await merchantMain.locator(`[data-testid=commission][data-order-ref="${orderRef}"]`).waitFor();
  });

  it('shows link statistics and the dashboards’ summaries', async () => {
    const page = influencerPage;
    await page.goto(`${server.url}/influencer/links`);
    const stats = page.locator('main [data-testid=link-card]').first().getByRole('link', {
      name: fr.affiliation.links.stats,
    });
    const href = (await stats.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/influencer\/links\/[0-9a-f-]{36}$/);
    await page.goto(`${server.url}${href}`);
    await page.getByTestId('stat-clicks').waitFor();
    await page.goto(`${server.url}/dashboard`);
    await page.locator('main').getByTestId('affiliation-summary').waitFor();
    await merchantPage.goto(`${server.url}/dashboard`);
    await merchantPage.locator('main').getByTestId('affiliation-summary').waitFor();
  });

  it('is right to left in Arabic and never scrolls sideways at 360 px', async () => {
    const phone = await newContext(360);
    const page = await phone.newPage();
    await signIn(page, 'influencer@souk.test');
    await page.goto(`${server.url}/influencer/links?lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('main [data-testid=link-card]').first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    for (const path of ['/influencer/earnings', '/influencer/affiliations', `/p/${product?.slug}/promote`]) {
      await page.goto(`${server.url}${path}`);
      expect(await hasNoHorizontalScroll(page), path).toBe(true);
    }
    await page.goto(`${server.url}/influencer/links?lang=fr`);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await phone.close();

    const merchantPhone = await newContext(360);
    const merchantOnPhone = await merchantPhone.newPage();
    await signIn(merchantOnPhone, 'merchant@souk.test');
    for (const path of ['/merchant/affiliations', '/merchant/commissions', '/merchant/affiliation-settings']) {
      await merchantOnPhone.goto(`${server.url}${path}`);
      expect(await hasNoHorizontalScroll(merchantOnPhone), path).toBe(true);
    }
    await merchantPhone.close();
  });
});
