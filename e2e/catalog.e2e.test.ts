import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalInput } from '../apps/web/app/lib/catalog/casablanca-time.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The catalog acceptance path: a merchant creates a deal with two photos in the browser and
 * publishes it; a misspelled search finds it; a visitor sees its countdown tick; the page's HTML
 * (no JavaScript) carries price, discount, structured data, social tags and language alternates;
 * the sitemap lists it; Arabic is right to left; a 360 px phone never scrolls sideways.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
// A word no demo deal uses, so the search result can only be this test's deal.
const keyword = 'Tazoughmit';
const misspelled = 'Tazougmit';
const dealTitle = `Hammam ${keyword} et gommage au savon noir`;
let slug = '';

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newContext(width = 1280, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: 900 },
    locale: 'fr-FR',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

function signIn(page: Page, email: string): Promise<void> {
  return signInAs(page, server.url, email, demoPassword);
}

/** A photo-sized PNG of one colour, generated for the upload. */
async function png(color: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: color } })
    .png()
    .toBuffer();
}

async function imageOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('product-images')
    .locator('li[data-image-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-image-id') ?? ''));
}

describe('catalog', () => {
  it('lets a merchant create a deal with two photos and publish it; a misspelled search finds it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'merchant@souk.test');
    // The demo merchant already has more live deals than Free allows: a Pro trial makes room.
    const trial = await page.request.post(`${server.url}/api/v1/billing/trial`, {
      data: { planId: 'pro' },
      headers: { origin: server.url },
    });
    expect(trial.status()).toBe(200);

    await page.goto(`${server.url}/merchant/products/new`);
    await hydrated(page);
    const main = page.locator('main');
    await main.locator('input[name=title]').fill(dealTitle);
    await main.locator('select[name=categoryId]').selectOption({ index: 1 });
    await main.locator('textarea[name=description]').fill('Un **vrai** hammam.\n\n- Gommage\n- Massage');
    await main.locator('input[name=originalPrice]').fill('500');
    // A deal price above the original is refused by the API; its words appear next to the field.
    await main.locator('input[name=price]').fill('600');
    await main.getByRole('button', { name: fr.productEditor.save, exact: true }).click();
    await main.locator('input[name=price][aria-invalid=true]').waitFor();
    await main.getByText(catalogProblemMessages.fr.discount_above_original).first().waitFor();
    expect(await main.locator('input[name=title]').inputValue()).toBe(dealTitle);
    await main.locator('input[name=price]').fill('349,50');
    // The discount follows the prices as they are typed: (500 - 349.50) / 500 = 30 %.
    await expect.poll(() => main.getByTestId('derived-discount').inputValue()).toBe('30 %');
    await main.locator('input[name=stockQuantity]').fill('40');
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    await main.locator('input[name=expiresAt]').fill(toLocalInput(inThreeDays));
    await main.locator('input[name=highlights]').first().fill('Accès au hammam pendant deux heures');
    await main.locator('input[name=address]').fill('12 derb Sidi Bouloukat');
    await main.locator('input[name=city]').fill('Marrakech');
    await main.locator('input[name=latitude]').fill('31.6258');
    await main.locator('input[name=longitude]').fill('-7.9891');
    await main.getByRole('button', { name: fr.productEditor.save, exact: true }).click();
    await page.waitForURL(/\/merchant\/products\/[0-9a-f-]{36}\?created=1$/);
    await main.getByText(fr.productEditor.created).waitFor();

    // Two photos in one upload.
    await main.locator('input[name=files]').setInputFiles([
      { name: 'hammam.png', mimeType: 'image/png', buffer: await png({ r: 180, g: 120, b: 60 }) },
      { name: 'gommage.png', mimeType: 'image/png', buffer: await png({ r: 40, g: 90, b: 160 }) },
    ]);
    await main.getByRole('button', { name: fr.productEditor.imagesUpload }).click();
    await expect.poll(async () => (await imageOrder(page)).length, { timeout: 20_000 }).toBe(2);

    // Reordering from the keyboard: "move photo 1 down" swaps the two.
    const before = await imageOrder(page);
    const moveDown = main.getByRole('button', { name: fr.productEditor.imageMoveDown.replace('{{index}}', '1') });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => imageOrder(page)).toEqual([before[1], before[0]]);

    // Publishing asks first.
    await main.getByTestId('publish').click();
    await page.getByTestId('confirm').click();
    await main.getByTestId('product-status').getByText(fr.merchantProducts.status.published).waitFor();
    slug = (await main.locator('input[name=slug]').inputValue()).trim();
    expect(slug).toMatch(/^[a-z0-9-]+$/);

    // The marketplace finds it even with a letter missing.
    await page.goto(`${server.url}/marketplace?q=${misspelled}`);
    await page.locator('main').getByRole('link', { name: dealTitle }).waitFor();
    await context.close();
  });

  it('shows a visitor the deal with a ticking countdown, and sends Promote through sign-in', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace?q=${keyword}`);
    await hydrated(page);
    await page.locator('main').getByRole('link', { name: dealTitle }).click();
    await page.waitForURL(`${server.url}/p/${slug}`);
    const main = page.locator('main');
    await main.getByRole('heading', { level: 1, name: dealTitle }).waitFor();
    const countdown = main.getByTestId('deal-countdown');
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(await main.getByTestId('deal-discount').textContent()).toContain('30');

    // The gallery moves with its buttons.
    await main.getByRole('button', { name: fr.deal.galleryNext }).click();
    await expect
      .poll(() =>
        main.getByRole('button', { name: fr.deal.galleryShow.replace('{{index}}', '2') }).getAttribute('aria-current'),
      )
      .toBe('true');

    // A visitor without an account is sent to sign in, and back to the promote page after.
    const promote = main.getByTestId('promote');
    expect(await promote.getAttribute('href')).toBe(`/sign-in?redirectTo=/p/${slug}/promote`);
    expect(await main.getByTestId('buy').getAttribute('href')).toBe(`/p/${slug}/buy`);
    await context.close();
  });

  it('serves the deal page HTML with price, discount, structured data, social tags and hreflang', async () => {
    const response = await fetch(`${server.url}/p/${slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/349,50\s?MAD/);
    expect(html).toMatch(/500(,00)?\s?MAD/);
    expect(html).toContain('-30');
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
      JSON.parse(match[1] ?? 'null'),
    );
    const product = jsonLd.flat().find((data) => data?.['@type'] === 'Product');
    expect(product?.name).toBe(dealTitle);
    expect(product?.offers).toMatchObject({
      '@type': 'Offer',
      price: '349.50',
      priceCurrency: 'MAD',
      availability: 'https://schema.org/InStock',
    });
    expect(product?.offers.priceValidUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(jsonLd.flat().some((data) => data?.['@type'] === 'BreadcrumbList')).toBe(true);
    expect(html).toContain(`<meta property="og:title" content="${dealTitle}"`);
    expect(html).toMatch(/<meta property="og:image" content="http[^"]+"/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="${server.url}/p/${slug}"`));
    for (const lang of ['en', 'ar']) {
      expect(html).toMatch(
        new RegExp(`<link rel="alternate" hrefLang="${lang}" href="[^"]+/p/${slug}\\?lang=${lang}"`, 'i'),
      );
    }
    expect(html).not.toContain('noindex');
  });

  it('lists the deal in the sitemap', async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/p/${slug}`);
  });

  it('renders the Arabic deal page right to left, and neither page scrolls sideways at 360 px', async () => {
    const html = await (await fetch(`${server.url}/p/${slug}?lang=ar`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl"');

    const context = await newContext(360);
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${slug}?lang=ar`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('deal-countdown').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.goto(`${server.url}/p/${slug}`);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.goto(`${server.url}/marketplace`);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.goto(`${server.url}/`);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await context.close();
  });

  it('searches and pages through the marketplace without JavaScript', async () => {
    const context = await newContext(1280, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace`);
    const form = page.locator('main form[role=search]');
    await form.locator('input[name=q]').fill(misspelled);
    await form.getByRole('button', { name: fr.marketplace.apply }).click();
    await page.waitForURL(/q=Tazougmit/);
    await page.locator('main').getByRole('link', { name: dealTitle }).waitFor();

    // One card per page: "next page" is a link carrying the cursor, "first page" drops it.
    await page.goto(`${server.url}/marketplace?limit=1`);
    const cards = page.locator('main [data-testid=deal-card]');
    expect(await cards.count()).toBe(1);
    const firstTitle = await cards.first().locator('h3').textContent();
    await page.getByTestId('next-page').click();
    await page.waitForURL(/cursor=/);
    expect(await cards.first().locator('h3').textContent()).not.toBe(firstTitle);
    await page.getByRole('link', { name: fr.marketplace.firstPage }).click();
    await page.waitForURL((url) => !url.searchParams.has('cursor'));
    expect(await cards.first().locator('h3').textContent()).toBe(firstTitle);
    await context.close();
  });

  it('redirects an old slug to the current one with a 301, and answers 404 for an unknown deal', async () => {
    const unknown = await fetch(`${server.url}/p/no-such-deal-anywhere`);
    expect(unknown.status).toBe(404);

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'merchant@souk.test');
    await page.goto(`${server.url}/merchant/products`);
    // Click once the list is hydrated, and wait for the editor, so the rename types into it.
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.locator('main').getByRole('link', { name: dealTitle }).click();
    await page.waitForURL(/\/merchant\/products\/[^/?]+$/);
    const main = page.locator('main');
    const renamed = `${slug}-royal`;
    await main.locator('input[name=slug]').fill(renamed);
    await main.getByRole('button', { name: fr.productEditor.save, exact: true }).click();
    await main.getByText(`/p/${renamed}`).waitFor();
    await context.close();

    const moved = await fetch(`${server.url}/p/${slug}?lang=en`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/p/${renamed}?lang=en`);
    slug = renamed;
  });
});
