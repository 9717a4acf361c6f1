import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../apps/web/app/locales/ar.ts';
import { en } from '../apps/web/app/locales/en.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { launchBrowser } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newPage(options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const form = page.locator('form:has(input[name=password])');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

describe('server-rendered pages, without JavaScript', () => {
  it('renders the home page in French by default, text in the HTML', async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="fr" dir="ltr"/);
    expect(html).toContain(fr.siteHome.heroTitle);
  });

  it('sends pages compressed on the fly and assets precompressed by the build', async () => {
    const page = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = await page.text();
    expect(html).toContain('</html>');
    const script = html.match(/\/assets\/[\w.-]+\.js/)?.[0];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const identity = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(await asset.text()).toBe(await identity.text());
  });

  it('follows Accept-Language for Arabic (right to left) and English', async () => {
    const arabic = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'ar' } })).text();
    expect(arabic).toMatch(/<html lang="ar" dir="rtl"/);
    expect(arabic).toContain(ar.siteHome.heroTitle);
    const english = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'en-US,en;q=0.8' } })).text();
    expect(english).toMatch(/<html lang="en" dir="ltr"/);
    expect(english).toContain(en.siteHome.heroTitle);
  });

  it('answers an unknown page with the translated 404 page', async () => {
    const response = await fetch(`${server.url}/no-such-page`, { headers: { 'accept-language': 'fr' } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(fr.errors.notFoundTitle);
  });
});

describe('form submissions to pages', () => {
  async function demoSessionCookie(): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'merchant@souk.test', password: 'souk-demo-2026' }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
  }

  it('refuses a signed-in submission posted from another site, and keeps the session', async () => {
    const cookie = await demoSessionCookie();
    for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, {}]) {
      const refused = await fetch(`${server.url}/sign-out`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: '',
        redirect: 'manual',
      });
      expect(refused.status).toBe(403);
    }
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    const accepted = await fetch(`${server.url}/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(accepted.status).toBe(302);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('in the browser', () => {
  it('switches to Arabic, sets dir="rtl" and remembers the choice', async () => {
    const page = await newPage({ locale: 'fr-FR' });
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.locator('button[name=locale][value=ar]').first().click();
    await page.waitForFunction(() => document.documentElement.getAttribute('dir') === 'rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await expect(page.locator('h1').first().textContent()).resolves.toContain(ar.siteHome.heroTitle);
    await page.reload();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.context().close();
  });

  it('loads the API reference page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Souk API');
    await page.context().close();
  });

  it('shows a toast when a form submission fails', async () => {
    const page = await newPage({ locale: 'en-US' });
    await signIn(page, 'admin@souk.test', 'not-the-password');
    const toast = page.locator('.mantine-Notification-root');
    await toast.first().waitFor({ timeout: 10_000 });
    expect(await toast.first().textContent()).toContain('Incorrect email or password.');
    expect(page.url()).toContain('/sign-in');
    await page.context().close();
  });

  it('signs in a demo admin: bell count, notifications, mark all read, mail outbox', async () => {
    const page = await newPage({ locale: 'en-US' });
    await signIn(page, 'admin@souk.test', 'souk-demo-2026');
    await page.waitForURL('**/dashboard');
    // The bell's accessible name carries the unread count.
    const bell = page.locator('header a[href="/notifications"]').first();
    expect(await bell.getAttribute('aria-label')).toMatch(/[1-9]/);

    await page.goto(`${server.url}/notifications`);
    // Stored in the recipient's own language (the demo admin's is French) when it was sent.
    expect(await page.locator('main').textContent()).toContain('Bienvenue sur Souk, Salma Admin');
    await page.locator('form:has(input[value=mark-all-read]) button[type=submit]').click();
    await page.waitForFunction(
      () => !/[1-9]/.test(document.querySelector('header a[href="/notifications"]')?.getAttribute('aria-label') ?? ''),
    );

    await page.goto(`${server.url}/admin/mail`);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('table').textContent()).toContain('merchant@souk.test');
    await page.context().close();
  });

  it('refuses the admin outbox to a merchant', async () => {
    const page = await newPage({ locale: 'en-US' });
    await signIn(page, 'merchant@souk.test', 'souk-demo-2026');
    await page.waitForURL('**/dashboard');
    const response = await page.goto(`${server.url}/admin/mail`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });

  it('fits a 360 px wide screen without horizontal scrolling, in Arabic too', async () => {
    for (const locale of ['fr-FR', 'ar']) {
      const page = await newPage({ width: 360, locale });
      await page.goto(`${server.url}/`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });
});
