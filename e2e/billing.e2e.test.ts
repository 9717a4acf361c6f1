import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../apps/web/app/locales/ar.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { callApi } from './api.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { apiSignIn, outboxMailLink } from './outbox.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * Plans and quotas from the merchant's side, on a fresh install: the merchant starts a Pro trial
 * from the billing page (no card), publishes past the Free plan's limit without being refused,
 * then moves back to Free: the deals over Free's limit are paused with an explanation, and every
 * deal is still in the merchant's list. A team editor reads the billing page without any control,
 * an influencer gets 403, and the page reads right to left in Arabic on a 360 px phone.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
let adminCookie = '';
let merchantCookie = '';
let teamId = '';

interface ProductItem {
  id: string;
  title: string;
  status: string;
  pausedByPlan?: boolean;
}
interface Overview {
  subscription: { planId: string; status: string };
  usage: { quota: string; used: number; limit: number | null }[];
  paused: { publishedDeals: number };
}

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  [adminCookie, merchantCookie] = await Promise.all([
    apiSignIn(server, 'admin@souk.test', demoPassword),
    apiSignIn(server, 'merchant@souk.test', demoPassword),
  ]);
  const me = await api<{ teams: { teamId: string }[] }>('/api/v1/me', merchantCookie);
  teamId = me.teams[0]?.teamId ?? '';
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

function api<T>(path: string, cookie: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  return callApi<T>(server, path, cookie, init);
}

async function allProducts(): Promise<ProductItem[]> {
  const items: ProductItem[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ organizationId: teamId, limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page: { items: ProductItem[]; nextCursor: string | null } = await api(
      `/api/v1/products?${query}`,
      merchantCookie,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function createDraft(title: string): Promise<string> {
  const categories = await api<{ items: { id: string }[] }>('/api/v1/marketplace/categories', merchantCookie);
  const created = await api<{ id: string }>(`/api/v1/products?organizationId=${teamId}`, merchantCookie, {
    method: 'POST',
    json: {
      title,
      categoryId: categories.items[0]?.id,
      descriptionHtml: '<p>Soin complet au hammam.</p>',
      originalPriceMinor: 40_000,
      discountedPriceMinor: 29_900,
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    },
  });
  return created.id;
}

async function newContext(options: { width?: number; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'fr-FR',
  });
}

function signIn(page: Page, email: string): Promise<void> {
  return signInAs(page, server.url, email, demoPassword);
}

describe('plans, quotas and subscriptions', () => {
  it('starts a Pro trial, publishes past Free’s limit, and moving back to Free pauses the extra deals without deleting them', async () => {
    const plans = await api<{ plans: { id: string; quotas: { publishedDeals: number | null } }[] }>(
      '/api/v1/plans',
      merchantCookie,
    );
    const freeLimit = plans.plans.find((plan) => plan.id === 'free')?.quotas.publishedDeals ?? 0;
    expect(freeLimit).toBeGreaterThan(0);

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'merchant@souk.test');
    await page.goto(`${server.url}/merchant/billing`);
    const main = page.locator('main');
    await main.getByRole('heading', { level: 1, name: fr.billing.title }).waitFor();
    await hydrated(page);
    expect(await main.getByTestId('billing-plan').textContent()).toBe(fr.plans.names.free);
    // Every quota has a meter; Free's published deals are limited.
    expect(await main.locator('[data-quota]').count()).toBe(6);

    // The trial starts from the Pro card, with no card asked.
    await main.getByTestId('trial-pro').click();
    await main.getByTestId('billing-success').getByText(fr.billing.trialStarted.replace('{{plan}}', 'Pro')).waitFor();
    await expect.poll(() => main.getByTestId('billing-plan').textContent()).toBe(fr.plans.names.pro);
    await expect.poll(() => main.getByTestId('billing-status').textContent()).toBe(fr.billing.status.trialing);
    await main.getByTestId('billing-status-line').first().getByText(/14/).waitFor();

    // Past Free's limit: drafts published from the editor are accepted on Pro.
    const before = await allProducts();
    const alreadyPublished = before.filter((item) => item.status === 'published').length;
    const toPublish = Math.max(1, freeLimit + 2 - alreadyPublished);
    const titles: string[] = [];
    for (let index = 0; index < toPublish; index += 1) {
      const title = `Hammam essai Pro ${index + 1} ${Date.now()}`;
      titles.push(title);
      const id = await createDraft(title);
      await page.goto(`${server.url}/merchant/products/${id}`);
      await hydrated(page);
      await main.getByTestId('publish').click();
      await page.getByTestId('confirm').click();
      await main.getByTestId('product-status').getByText(fr.merchantProducts.status.published).waitFor();
      expect(await main.getByTestId('quota-upgrade').count()).toBe(0);
    }
    const published = (await allProducts()).filter((item) => item.status === 'published').length;
    expect(published).toBeGreaterThan(freeLimit);
    const total = (await allProducts()).length;

    // Back to Free: the confirmation says what happens to the extra deals.
    await page.goto(`${server.url}/merchant/billing`);
    await hydrated(page);
    await main.locator('form[data-testid=change-free] button[type=submit]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(fr.billing.confirmDowngrade.replace('{{plan}}', fr.plans.names.free)).waitFor();
    await dialog.getByTestId('confirm').click();
    const paused = main.getByTestId('billing-paused');
    await paused.waitFor();
    await paused.getByText(fr.billing.pausedIntro).waitFor();
    await expect.poll(() => main.getByTestId('billing-plan').textContent()).toBe(fr.plans.names.free);

    const overview = await api<Overview>(`/api/v1/billing?organizationId=${teamId}`, merchantCookie);
    expect(overview.paused.publishedDeals).toBe(published - freeLimit);
    expect(await paused.locator('li').count()).toBe(published - freeLimit);

    // Nothing deleted: every deal is still the team's, the paused ones say why in the list.
    const after = await allProducts();
    expect(after).toHaveLength(total);
    expect(after.filter((item) => item.status === 'published')).toHaveLength(freeLimit);
    expect(after.filter((item) => item.pausedByPlan === true)).toHaveLength(published - freeLimit);
    await page.goto(`${server.url}/merchant/products`);
    await expect.poll(() => main.getByTestId('paused-by-plan').count()).toBeGreaterThan(0);
    for (const title of titles) expect(after.some((item) => item.title === title)).toBe(true);

    // Publishing one more on Free is refused with the page's words and a way to upgrade.
    const draft = after.find((item) => item.pausedByPlan === true);
    await page.goto(`${server.url}/merchant/products/${draft?.id}`);
    await hydrated(page);
    await main.getByTestId('paused-by-plan').waitFor();
    await main.getByTestId('publish').click();
    await page.getByTestId('confirm').click();
    const upgrade = main.getByTestId('quota-upgrade');
    await upgrade.waitFor();
    expect(await upgrade.getAttribute('href')).toBe('/merchant/billing');
    await main.getByText(fr.plans.quotas.publishedDeals, { exact: false }).first().waitFor();
    await context.close();
  });

  it('shows the billing page read-only to a team editor', async () => {
    // Another merchant's team, on a Pro trial so a second seat fits, takes merchant2 as an editor
    // (merchant2's own team stays its first).
    // Its owner starts the trial from the pricing page's call to action.
    const ownerContext = await newContext();
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, 'merchant3@souk.test');
    await ownerPage.goto(`${server.url}/pricing`);
    await hydrated(ownerPage);
    await ownerPage.locator('main').getByTestId('plan-trial-pro').click();
    await ownerPage.waitForURL((url) => url.pathname === '/merchant/billing');
    await ownerPage
      .locator('main')
      .getByTestId('billing-success')
      .getByText(fr.billing.trialStarted.replace('{{plan}}', 'Pro'))
      .waitFor();
    await ownerContext.close();
    const ownerCookie = await apiSignIn(server, 'merchant3@souk.test', demoPassword);
    const owner = await api<{ teams: { teamId: string }[] }>('/api/v1/me', ownerCookie);
    const otherTeam = owner.teams[0]?.teamId ?? '';
    await api(`/api/v1/teams/${otherTeam}/invitations`, ownerCookie, {
      method: 'POST',
      json: { email: 'merchant2@souk.test', role: 'editor' },
    });
    const link = await outboxMailLink(
      server,
      adminCookie,
      'merchant2@souk.test',
      'team-invitation',
      '/invitations/accept',
    );
    const token = new URL(link).searchParams.get('token');
    const editorCookie = await apiSignIn(server, 'merchant2@souk.test', demoPassword);
    await api('/api/v1/invitations/accept', editorCookie, { method: 'POST', json: { token } });
    const refused = await fetch(`${server.url}/api/v1/billing/change`, {
      method: 'POST',
      headers: { cookie: editorCookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ organizationId: otherTeam, planId: 'enterprise' }),
    });
    expect(refused.status).toBe(403);

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'merchant2@souk.test');
    await page.goto(`${server.url}/merchant/billing?team=${otherTeam}`);
    const main = page.locator('main');
    expect(await main.getByTestId('billing-plan').textContent()).toBe(fr.plans.names.pro);
    await main.getByTestId('billing-read-only').getByText(fr.billing.readOnly).waitFor();
    await main.locator('[data-quota]').first().waitFor();
    expect(await main.locator('[data-plan]').count()).toBe(4);
    expect(await main.locator('[data-plan] form').count()).toBe(0);
    expect(await main.getByTestId('billing-cancel').count()).toBe(0);
    await context.close();
  });

  it('refuses the billing page to an influencer', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'influencer@souk.test');
    const response = await page.goto(`${server.url}/merchant/billing`);
    expect(response?.status()).toBe(403);
    await page.locator('main').getByText(fr.errors.forbiddenTitle).first().waitFor();
    await context.close();
  });

  it('lets an admin edit a plan’s quotas, refusing what is not a number, and list subscriptions and invoices', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@souk.test');
    await page.goto(`${server.url}/admin/plans`);
    await hydrated(page);
    const starter = page.locator('main section[data-plan=starter]');
    const save = starter.getByRole('button', {
      name: fr.adminBilling.save.replace('{{plan}}', fr.plans.names.starter),
    });
    await starter.locator('input[name=aiGenerationsPerMonth]').fill('beaucoup');
    await save.click();
    await starter.getByText(fr.adminBilling.invalidNumber).waitFor();
    await starter.locator('input[name=aiGenerationsPerMonth]').fill('250');
    await starter.locator('input[name=campaignEmailsPerMonth]').fill('');
    await save.click();
    await expect
      .poll(async () => {
        const list = await api<{ plans: { id: string; quotas: Record<string, number | null> }[] }>(
          '/api/v1/plans',
          merchantCookie,
        );
        return list.plans.find((plan) => plan.id === 'starter')?.quotas;
      })
      .toMatchObject({ aiGenerationsPerMonth: 250, campaignEmailsPerMonth: null });
    await starter.getByText(fr.adminBilling.customized).waitFor();
    // The public pricing page shows the plan as it now applies.
    await page.goto(`${server.url}/pricing`);
    await page.locator('main article[data-plan=starter]').getByText(fr.plans.unlimited).first().waitFor();

    await page.goto(`${server.url}/admin/subscriptions?status=trialing`);
    await page.locator('main').getByTestId('subscriptions-table').waitFor();
    await page.goto(`${server.url}/admin/invoices`);
    await page.locator('main').getByRole('heading', { level: 1, name: fr.adminBilling.invoicesTitle }).waitFor();
    await context.close();
  });

  it('reads right to left in Arabic and fits a 360 px phone', async () => {
    const context = await newContext({ width: 360, locale: 'ar' });
    const page = await context.newPage();
    await signIn(page, 'merchant@souk.test');
    await page.goto(`${server.url}/merchant/billing?lang=ar`);
    const main = page.locator('main');
    await main.getByRole('heading', { level: 1, name: ar.billing.title }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await main.locator('[data-quota]').first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.goto(`${server.url}/account/invoices?lang=ar`);
    await main.getByRole('heading', { level: 1, name: ar.invoices.title }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await context.close();
  });
});
