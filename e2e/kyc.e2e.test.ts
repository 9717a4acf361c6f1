import { checkDigitsFor } from '@souk/contracts/moroccan-identifiers';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { en } from '../apps/web/app/locales/en.ts';
import { hydrated, launchBrowser } from './browser.ts';
import { apiSignIn, outboxMailLink, outboxSmsCode } from './outbox.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The KYC acceptance path in a real browser, in English: an influencer completes the wizard, an
 * admin asks for more information on the RIB, the influencer fixes it, the admin approves, and
 * the influencer's page shows "Verified".
 */
let server: ServerProcess;
let browser: Browser;
let adminCookie: string;

const demoPassword = 'souk-demo-2026';
const person = {
  name: 'Nadia Kyc',
  email: `nadia.kyc.${process.pid}@example.test`,
  password: 'a-long-kyc-password-2026',
};
const phone = '+212661234567';
const withKey = (digits: string) => `${digits}${checkDigitsFor(digits)}`;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  adminCookie = await apiSignIn(server, 'admin@souk.test', demoPassword);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await hydrated(page);
  const form = page.locator('form:has(input[name=password])');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

async function saveAndContinue(page: Page): Promise<void> {
  await page.locator(`button[type=submit]:has-text("${en.kyc.actions.saveAndContinue}")`).click();
}

describe('KYC', () => {
  it('wizard, request for information on the RIB, fix, approval, verified badge', async () => {
    // A new influencer, confirmed through the mailed link (which also signs them in).
    const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ ...person, accountType: 'influencer', locale: 'en' }),
    });
    if (!signUp.ok) throw new Error(await signUp.text());
    // A phone-sized window: the wizard must work there.
    const influencer = await newPage(390);
    await influencer.goto(
      await outboxMailLink(server, adminCookie, person.email, 'verify-email', '/api/auth/verify-email'),
    );

    // Identity: a wrong CIN is explained as it is typed, then corrected.
    await influencer.goto(`${server.url}/settings/kyc`);
    await influencer.getByTestId('kyc-status').getByText(en.kyc.status.draft).waitFor();
    // The CIN is checked as it is typed: that is the browser's code, which starts after the paint.
    await hydrated(influencer);
    await influencer.locator('input[name=legalName]').fill('Nadia Kyc');
    await influencer.locator('input[name=birthDate]').fill('1994-05-17');
    await influencer.locator('input[name=cinNumber]').fill('12345');
    await influencer.getByText('A CIN number is one or two letters followed by digits').waitFor();
    await influencer.locator('input[name=cinNumber]').fill('BK123456');
    await influencer.locator('input[name=address]').fill('12 rue Ibn Batouta');
    await influencer.locator('input[name=city]').fill('Tanger');
    await saveAndContinue(influencer);

    // Phone: a code through the SMS outbox.
    await influencer.waitForURL('**step=phone**');
    await influencer.locator('input[name=phone]').fill('06 61 23 45 67');
    await influencer.locator(`button:has-text("${en.kyc.phone.send}")`).click();
    await influencer.locator('input[name=code]').fill(await outboxSmsCode(server, adminCookie, phone));
    await influencer.locator(`button:has-text("${en.kyc.phone.verify}")`).click();
    await influencer.getByText(en.kyc.phone.verified.replace('{{phone}}', phone)).waitFor();
    await influencer.locator(`a:has-text("${en.kyc.actions.next}")`).click();

    // Bank: a RIB with a wrong key is explained, then the right one saved.
    await influencer.waitForURL('**step=bank**');
    const firstRib = withKey('0115190000012050005349');
    await influencer.locator('input[name=bankAccount]').fill(`${firstRib.slice(0, 22)}99`);
    await influencer.getByText('The RIB key (the last two digits) does not match').waitFor();
    await influencer.locator('input[name=bankAccount]').fill(firstRib);
    await influencer.locator('input[name=bankName]').fill('CIH Bank');
    await saveAndContinue(influencer);

    // Documents: both sides of the CIN, as photos.
    await influencer.waitForURL('**step=documents**');
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#c8a064' } })
      .jpeg()
      .toBuffer();
    for (const kind of ['cin_front', 'cin_back'] as const) {
      const form = influencer.locator('form', { has: influencer.locator(`input[name=kind][value=${kind}]`) });
      await form
        .locator('input[type=file]')
        .setInputFiles({ name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: photo });
      await form.locator(`button:has-text("${en.kyc.documents.upload}")`).click();
      await form.getByText(en.kyc.documents.uploaded).waitFor();
    }
    await influencer.locator(`a:has-text("${en.kyc.actions.next}")`).click();
    await influencer.waitForURL('**step=review**');
    await influencer.getByText(en.kyc.nothingMissing).waitFor();
    await influencer.locator(`button:has-text("${en.kyc.actions.submit}")`).click();
    await influencer.getByTestId('kyc-status').getByText(en.kyc.status.submitted).waitFor();

    // The admin opens it from the queue and asks for more information on the RIB.
    const admin = await newPage();
    await signIn(admin, 'admin@souk.test', demoPassword);
    await admin.goto(`${server.url}/admin/kyc`);
    await hydrated(admin);
    await admin.getByRole('link', { name: person.name }).click();
    await admin.getByTestId('review-status').getByText(en.kyc.status.in_review).waitFor();
    await admin.getByRole('img', { name: en.kyc.documents.cin_front }).waitFor();
    const requestForm = admin.locator('form', { has: admin.locator('input[name=decision][value=request_info]') });
    await requestForm.getByLabel(en.kyc.fields.bankAccount).check();
    await requestForm.locator('textarea[name=note]').fill('The RIB is not in your name.');
    await requestForm.locator(`button:has-text("${en.kycAdmin.requestInfo}")`).click();
    await admin.getByTestId('review-status').getByText(en.kyc.status.needs_info).waitFor();

    // The influencer sees what to fix, fixes the RIB and sends the file again.
    await influencer.goto(`${server.url}/settings/kyc`);
    await hydrated(influencer);
    await influencer.getByText('The RIB is not in your name.').waitFor();
    await influencer.getByRole('link', { name: en.kyc.fields.bankAccount }).first().click();
    await influencer.waitForURL('**step=bank**');
    await influencer.locator('input[name=bankAccount]').fill(withKey('0071230000098765432100'));
    await saveAndContinue(influencer);
    await influencer.waitForURL('**step=documents**');
    await influencer.goto(`${server.url}/settings/kyc?step=review`);
    await hydrated(influencer);
    await influencer.locator(`button:has-text("${en.kyc.actions.submit}")`).click();
    await influencer.getByTestId('kyc-status').getByText(en.kyc.status.submitted).waitFor();

    // The admin approves.
    await admin.goto(`${server.url}/admin/kyc`);
    await hydrated(admin);
    await admin.getByRole('link', { name: person.name }).click();
    const approveForm = admin.locator('form', { has: admin.locator('input[name=decision][value=approve]') });
    await approveForm.locator(`button:has-text("${en.kycAdmin.approve}")`).click();
    await admin.getByTestId('review-status').getByText(en.kyc.status.approved).waitFor();

    // The influencer's page shows "Verified".
    await influencer.goto(`${server.url}/settings/kyc`);
    await influencer.getByTestId('kyc-verified').getByText(en.kyc.verified).waitFor();
  });
});
