import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpFromUri } from '../apps/server/test/totp.ts';
import { en } from '../apps/web/app/locales/en.ts';
import { errorTitles } from '../packages/contracts/src/error-messages.ts';
import { launchBrowser } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The identity pages end to end, in English: sign-up, the confirmation link from the outbox,
 * two-step verification (authenticator and backup codes), and a password reset.
 */
let server: ServerProcess;
let browser: Browser;
let adminCookie: string;

beforeAll(async () => {
  // Four fresh browsers each download the ~50 files of the web app, and the API's global
  // per-IP limit (300 a minute) counts /assets/ too: the default leaves this file a few
  // requests from 429s. The auth endpoints keep their own, unchanged, budgets.
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  adminCookie = await signInByFetch('admin@souk.test', 'souk-demo-2026');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const password = 'Souk-Zellige-42!';
const person = { name: 'Yasmine E2E', email: `yasmine.e2e.${Date.now()}@example.test` };

/** A session cookie from the API itself, as any client gets one. */
async function signInByFetch(email: string, secret: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: secret }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The link of the newest mail of a template sent to `to`, read from the admin outbox API. */
async function mailLink(to: string, template: string, pathFragment: string): Promise<string> {
  let messageId: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${server.url}/api/v1/admin/mail-messages?to=${encodeURIComponent(to)}`, {
          headers: { cookie: adminCookie },
        });
        const list = (await response.json()) as { items: { id: string; template: string }[] };
        messageId = list.items.find((item) => item.template === template)?.id;
        return messageId;
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  const response = await fetch(`${server.url}/api/v1/admin/mail-messages/${messageId}`, {
    headers: { cookie: adminCookie },
  });
  const message = (await response.json()) as { text: string };
  const link = message.text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(pathFragment));
  if (!link) throw new Error(`no link to ${pathFragment} in:\n${message.text}`);
  return link;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

async function submitPassword(page: Page, email: string, secret: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const form = page.locator('form:has(input[name=password])');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(secret);
  await form.locator('button[type=submit]').click();
}

async function signOut(page: Page, name: string): Promise<void> {
  await page.locator(`header summary[aria-label="${en.account.menuLabel.replace('{{name}}', name)}"]`).click();
  await page.locator('header details[open] form[action="/sign-out"] button').click();
  await page.waitForURL(`${server.url}/`);
}

async function verifyCode(page: Page, code: string): Promise<void> {
  await page.locator('input[name=code]').fill(code);
  await page.locator(`button[type=submit]:has-text("${en.signIn.verify}")`).click();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('identity', () => {
  it('signs up, confirms the address, turns on two-step verification and signs in with codes', async () => {
    const page = await newPage();

    // Sign up as an influencer: no session yet, a "check your inbox" page.
    await page.goto(`${server.url}/sign-up`);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.locator('input[name=name]').fill(person.name);
    await page.locator('main input[name=email]').fill(person.email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('input[name=accountType][value=influencer]').check();
    await page.locator(`button[type=submit]:has-text("${en.signUp.submit}")`).click();
    await page.getByRole('heading', { name: en.checkEmail.title }).waitFor();
    await page.getByText(person.email).waitFor();

    // The link in the mail confirms the address, signs in and lands on the dashboard.
    await page.goto(await mailLink(person.email, 'verify-email', '/api/auth/verify-email'));
    await page.waitForURL('**/dashboard?welcome=1');
    await page.getByText(en.dashboard.welcomeTitle).waitFor();

    // Turn on two-step verification: password, QR code, then a code from the "authenticator".
    await page.goto(`${server.url}/settings/account`);
    const twoFactor = page.locator('section[aria-labelledby=two-factor-title]');
    await twoFactor.locator('input[name=password]').fill(password);
    await twoFactor.locator(`button:has-text("${en.accountSettings.twoFactor.turnOn}")`).click();
    const qrCode = twoFactor.locator(`img[alt="${en.accountSettings.twoFactor.qrLabel}"]`);
    await qrCode.waitFor();
    expect(await qrCode.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const totpUri = await twoFactor.locator('input[name=totpURI]').inputValue();
    expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
    const enableCode = totpFromUri(totpUri);
    await twoFactor.locator('input[name=code]').fill(enableCode);
    await twoFactor.locator(`button:has-text("${en.accountSettings.twoFactor.confirm}")`).click();

    // The ten backup codes, shown once, with a download.
    const codeItems = page.locator('[data-testid=backup-codes] li');
    await codeItems.first().waitFor();
    const backupCodes = await codeItems.allTextContents();
    expect(backupCodes).toHaveLength(10);
    const download = await page.locator('a[download]').getAttribute('href');
    expect(decodeURIComponent(download ?? '')).toContain(backupCodes[9]);
    // Turning it on replaced the session: the page must still be signed in, and say "On".
    await page.reload();
    expect(await twoFactor.locator('.mantine-Badge-root').first().textContent()).toBe(en.accountSettings.twoFactor.on);

    // Sign in again with a code from the authenticator. The code that turned 2FA on is refused
    // as a replay, so wait for the next 30 s window.
    await signOut(page, person.name);
    await submitPassword(page, person.email, password);
    await page.waitForURL(/\/sign-in\?step=two-factor/);
    while (totpFromUri(totpUri) === enableCode) await sleep(1000);
    await verifyCode(page, totpFromUri(totpUri));
    await page.waitForURL('**/dashboard');

    // Then with a backup code.
    await signOut(page, person.name);
    await submitPassword(page, person.email, password);
    await page.waitForURL(/\/sign-in\?step=two-factor/);
    await page.locator(`a:has-text("${en.signIn.useBackupCode}")`).click();
    await page.waitForURL(/method=backup/);
    await verifyCode(page, backupCodes[0] ?? '');
    await page.waitForURL('**/dashboard');

    // The same backup code works only once: refused, in the page and in a toast.
    await signOut(page, person.name);
    await submitPassword(page, person.email, password);
    await page.waitForURL(/\/sign-in\?step=two-factor/);
    await page.locator(`a:has-text("${en.signIn.useBackupCode}")`).click();
    await page.waitForURL(/method=backup/);
    await verifyCode(page, backupCodes[0] ?? '');
    const alert = page.locator('main .mantine-Alert-root');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(errorTitles.en.invalid_code);
    await page.locator('.mantine-Notification-root').first().waitFor();
    expect(await page.locator('input[name=code]').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toContain('/sign-in');
    await page.context().close();
  }, 180_000);

  it('shows the account to admins, with its 2FA badge and its audit trail', async () => {
    const page = await newPage();
    await submitPassword(page, 'admin@souk.test', 'souk-demo-2026');
    await page.waitForURL('**/dashboard');
    await page.goto(`${server.url}/admin/users?q=${encodeURIComponent(person.email)}`);
    const row = page.locator('[data-testid=admin-users-table] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(en.adminUsers.badges.twoFactor);
    await row.locator(`a[aria-label="${en.adminUsers.auditLabel.replace('{{name}}', person.name)}"]`).click();
    await page.waitForURL(/\/admin\/audit\?userId=/);
    await page.getByText(en.audit.userFilter.replace('{{user}}', person.email)).waitFor();
    const actions = await page
      .locator('[data-testid=audit-table] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['sign_up', 'email_verified', 'two_factor_enabled', 'sign_in']));
    expect(await page.locator('main').textContent()).toContain(en.audit.actions.two_factor_enabled);
    await page.context().close();
  });

  it('shows a toast for a wrong password', async () => {
    const page = await newPage();
    await submitPassword(page, 'influencer@souk.test', 'not-the-password');
    const toast = page.locator('.mantine-Notification-root');
    await toast.first().waitFor({ timeout: 10_000 });
    expect(await toast.first().textContent()).toContain(errorTitles.en.invalid_credentials);
    expect(page.url()).toContain('/sign-in');
    await page.context().close();
  });

  it('resets a forgotten password with the link from the outbox', async () => {
    const email = 'influencer2@souk.test';
    const newPassword = 'Nouveau-Zellige-77';
    const page = await newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.locator(`a:has-text("${en.signIn.forgotPassword}")`).click();
    await page.waitForURL('**/forgot-password');
    // A client-side navigation: the sign-in form (also with an email field) may still be on
    // screen when the address changes, so wait for the reset form itself.
    await page.getByRole('heading', { name: en.forgotPassword.title, exact: true }).waitFor();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.locator('main input[name=email]').fill(email);
    await page.locator(`button[type=submit]:has-text("${en.forgotPassword.submit}")`).click();
    await page.getByRole('heading', { name: en.forgotPassword.sentTitle }).waitFor();

    await page.goto(await mailLink(email, 'password-reset', '/api/auth/reset-password'));
    await page.waitForURL(/\/reset-password\?token=/);
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.locator('input[name=newPassword]').fill(newPassword);
    await page.locator('input[name=confirmPassword]').fill(newPassword);
    await page.locator(`button[type=submit]:has-text("${en.resetPassword.submit}")`).click();
    await page.waitForURL('**/sign-in?notice=password-reset');
    await page.getByText(en.signIn.passwordResetDone).waitFor();

    await submitPassword(page, email, newPassword);
    await page.waitForURL('**/dashboard');
    const old = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: 'souk-demo-2026' }),
    });
    expect(old.status).toBe(401);
    await page.context().close();
  });
});
