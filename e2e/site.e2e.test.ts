import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../apps/web/app/locales/ar.ts';
import { en } from '../apps/web/app/locales/en.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { callApi } from './api.ts';
import { hydrated, launchBrowser } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The public site end to end: the home page in three languages with plans and FAQ, a visitor's
 * contact message (proof of work solved by the real browser) reaching the admin inbox with the
 * auto-reply in the outbox, and the newsletter's double opt-in.
 */
let server: ServerProcess;
let browser: Browser;
let adminCookie: string;
const demoPassword = 'souk-demo-2026';

beforeAll(async () => {
  server = await startServer({
    env: { RATE_LIMIT_PER_MINUTE: '3000', SUPPORT_EMAIL: 'support@souk.test', CONTACT_CHALLENGE_MAX_NUMBER: '20000' },
  });
  browser = await launchBrowser();
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'admin@souk.test', password: demoPassword }),
  });
  expect(response.status).toBe(200);
  adminCookie = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newContext(options: { javaScriptEnabled?: boolean; mobile?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale: 'en-US',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
}

async function adminApi<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: adminCookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The newest outbox mail of a template sent to `to`, with its text. */
async function outboxMail(to: string, template: string): Promise<{ subject: string; text: string }> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const list = await adminApi<{ items: { id: string; template: string }[] }>(
          `/api/v1/admin/mail-messages?to=${encodeURIComponent(to)}`,
        );
        id = list.items.find((item) => item.template === template)?.id;
        return id;
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  return adminApi(`/api/v1/admin/mail-messages/${id}`);
}

describe('public site', () => {
  it('renders the home page in French, English and Arabic with plans, FAQ and structured data', async () => {
    for (const [lang, words] of [
      ['fr', fr],
      ['en', en],
      ['ar', ar],
    ] as const) {
      const response = await fetch(`${server.url}/?lang=${lang}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
      for (const plan of Object.values(words.plans.names)) expect(html).toContain(plan);
      expect(html).toContain(words.plans.trial);
      expect(html).toContain(words.siteHome.faqTitle);
      expect(html).toContain('"@type":"FAQPage"');
      expect(html).toContain('"@type":"Organization"');
      expect(html).toMatch(/<link rel="alternate" hrefLang="ar" href="[^"]+\?lang=ar"/i);
    }
    // French prices use the French number format, the Arabic page keeps Western digits.
    const frenchHtml = await (await fetch(`${server.url}/?lang=fr`)).text();
    expect(frenchHtml).toMatch(/299\s?MAD/);
    const arabicHtml = await (await fetch(`${server.url}/?lang=ar`)).text();
    expect(arabicHtml).toContain('كيف يعمل Souk؟');

    // In the browser on a phone, in Arabic: right to left, the FAQ opens from the keyboard.
    const context = await newContext({ mobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=ar`);
    await hydrated(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const question = page.locator('summary', { hasText: 'كيف يعمل Souk؟' });
    await question.focus();
    await page.keyboard.press('Enter');
    expect(await question.locator('xpath=..').getAttribute('open')).not.toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await context.close();
  });

  it('paints a public page before asking for its scripts, then hydrates it', async () => {
    for (const path of ['/', '/marketplace']) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      // No script download competes with the stylesheets for the first paint...
      expect(head).not.toContain('rel="modulepreload"');
      // ...React Router's module script is there, inert, with the script that starts it.
      expect(html).toContain('<script type="text/plain" data-hydrate-after-paint="">');
      expect(html).toContain('requestAnimationFrame(function(){setTimeout(start,0)})');
    }
    const context = await newContext({ mobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace`);
    await hydrated(page);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js')),
    );
    expect(scripts.some((name) => name.includes('/assets/entry.client-'))).toBe(true);
    await context.close();
  });

  it('takes a contact message solved in the browser to the admin inbox, with the auto-reply in the outbox', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/contact?lang=en`);
    await hydrated(page);
    const form = page.locator('main form');
    await form.locator('input[name=name]').fill('Leila Visitor');
    await form.locator('input[name=email]').fill('leila@example.com');
    await form.locator('textarea[name=message]').fill('Hello, I would like to list my restaurant on Souk.');
    // The proof of work runs in the page; the button waits for it.
    await page.locator('[data-challenge=solved]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: en.contact.send }).click();
    await page.getByText(en.contact.sentText.replace('{{email}}', 'leila@example.com')).waitFor();

    const reply = await outboxMail('leila@example.com', 'contact-auto-reply');
    expect(reply.subject).toBe('We have received your message');
    expect(reply.text).toContain('Hello, I would like to list my restaurant on Souk.');
    await outboxMail('support@souk.test', 'contact-received');

    // The admin finds it in the inbox, opens it and answers from the page.
    const adminContext = await newContext();
    await adminContext.addCookies(
      adminCookie.split('; ').map((pair) => {
        const [cookieName = '', ...rest] = pair.split('=');
        return { name: cookieName, value: rest.join('='), url: server.url };
      }),
    );
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/admin/messages?status=unread&lang=en`);
    await hydrated(admin);
    await admin.getByRole('link', { name: 'Leila Visitor' }).click();
    await admin.getByTestId('contact-message-body').getByText('list my restaurant').waitFor();
    await admin.locator('textarea[name=body]').fill('Welcome! Create a merchant account and we will help you.');
    await admin.getByRole('button', { name: en.siteAdmin.sendReply }).click();
    await admin.getByText(en.siteAdmin.replySent).first().waitFor();
    const answer = await outboxMail('leila@example.com', 'contact-answer');
    expect(answer.text).toContain('Welcome! Create a merchant account and we will help you.');
    await adminContext.close();
    await context.close();
  });

  it('tells a visitor without JavaScript that the contact form needs it', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/contact?lang=fr`);
    // Text inside <noscript> is shown (scripts are off) but not matched by text locators; the
    // rendered text (innerText, not textContent) is what a person reads.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point.
    const visible = await page.locator('main').innerText();
    expect(visible).toContain(fr.contact.jsRequired);
    expect(visible).not.toContain(fr.contact.solving);
    expect(await page.getByRole('button', { name: fr.contact.send }).isDisabled()).toBe(true);
    await context.close();
  });

  it('subscribes to the newsletter from the footer and confirms from the mailed link', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    await hydrated(page);
    const form = page.locator('footer form[action="/newsletter"]');
    await form.locator('input[name=email]').fill('reader@example.com');
    await form.getByRole('button', { name: en.siteFooter.subscribe }).click();
    await page.locator('footer').getByText(en.siteFooter.subscribed).waitFor();

    const mail = await outboxMail('reader@example.com', 'newsletter-confirm');
    const link = mail.text.match(/https?:\/\/\S+\/newsletter\/confirm\S+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link as string);
    await hydrated(page);
    await page.getByRole('button', { name: en.newsletter.confirmButton }).click();
    await page.getByText(en.newsletter.confirmed).waitFor();
    await context.close();
  });

  it("shares a public page between visitors without cookies for a moment, and shows a merchant's change at once", async () => {
    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'merchant@souk.test', password: demoPassword }),
    });
    expect(signIn.status).toBe(200);
    const merchantCookie = signIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    const me = await callApi<{ teams: { teamId: string }[] }>(server, '/api/v1/me', merchantCookie);
    const teamId = me.teams[0]?.teamId ?? '';
    const products = await callApi<{ items: { id: string; slug: string; title: string }[] }>(
      server,
      `/api/v1/products?organizationId=${teamId}&status=published&limit=1`,
      merchantCookie,
    );
    const deal = products.items[0];
    if (!deal) throw new Error('the demo merchant has no published deal');
    const visit = () => fetch(`${server.url}/p/${deal.slug}`, { headers: { 'accept-language': 'fr' } });

    const first = await visit();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-souk-page-cache')).toBeNull();
    const firstHtml = await first.text();
    const again = await visit();
    expect(again.headers.get('x-souk-page-cache')).toBe('hit');
    expect(await again.text()).toBe(firstHtml);
    // A visitor with a cookie always gets the page rendered for them.
    const withCookie = await fetch(`${server.url}/p/${deal.slug}`, { headers: { cookie: 'souk_cid=x' } });
    expect(withCookie.headers.get('x-souk-page-cache')).toBeNull();
    await withCookie.text();

    const title = `${deal.title} — édition limitée`;
    await callApi(server, `/api/v1/products/${deal.id}?organizationId=${teamId}`, merchantCookie, {
      method: 'PATCH',
      json: { title },
    });
    const afterChange = await visit();
    expect(afterChange.headers.get('x-souk-page-cache')).toBeNull();
    expect(await afterChange.text()).toContain('édition limitée');
  });
});
