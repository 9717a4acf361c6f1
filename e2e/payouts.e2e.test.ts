import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../apps/web/app/lib/format-money.ts';
import { ar } from '../apps/web/app/locales/ar.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { validateRib } from '../packages/contracts/src/moroccan-identifiers.ts';
import { callApi } from './api.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { apiSignIn } from './outbox.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The payout acceptance path on a fresh install: the demo influencer (KYC approved, RIB on file)
 * earns a commission on a sale the merchant reports and approves; an admin previews the month's
 * payout run, approves it, downloads the bank file (CSV and XLSX) whose every RIB passes the key
 * check, and marks the transfer paid; the influencer then sees the amount paid in their balance.
 * An influencer is refused the admin page; the influencer's page reads right to left in Arabic
 * and fits a 360 px phone.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
const influencerEmail = 'influencer@souk.test';
const browserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

type Commission = { type: 'percentage'; basisPoints: number } | { type: 'fixed'; amountMinor: number } | null;
type Balance = {
  balances: { currency: string; approvedMinor: number; inPayoutMinor: number; paidMinor: number }[];
  account: { status: string };
};

let merchantCookie = '';
let influencerCookie = '';
/** The influencer's approved balance once the commission is approved: what the payout line carries. */
let payableMinor = 0;
let paidBeforeMinor = 0;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  [merchantCookie, influencerCookie] = await Promise.all([
    apiSignIn(server, 'merchant@souk.test', demoPassword),
    apiSignIn(server, influencerEmail, demoPassword),
  ]);
  await earnApprovedCommission();
  const balance = await api<Balance>('/api/v1/payouts/balance', influencerCookie);
  expect(balance.account.status).toBe('ready');
  const mad = balance.balances.find((row) => row.currency === 'MAD');
  payableMinor = mad?.approvedMinor ?? 0;
  paidBeforeMinor = mad?.paidMinor ?? 0;
  expect(payableMinor).toBeGreaterThanOrEqual(10_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

function api<T>(path: string, cookie: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  return callApi<T>(server, path, cookie, init);
}

/**
 * Real activity, through the API: a click on one of the influencer's tracked links to a deal of
 * the demo merchant, the sale the merchant reports for it (large enough for a commission above
 * the 100.00 MAD payout minimum), and the merchant's approval of that commission.
 */
async function earnApprovedCommission(): Promise<void> {
  const me = await api<{ teams: { teamId: string }[] }>('/api/v1/me', merchantCookie);
  const teamId = me.teams[0]?.teamId ?? '';
  const products = await api<{ items: { id: string; commission: Commission }[] }>(
    `/api/v1/products?organizationId=${teamId}&status=published&limit=50`,
    merchantCookie,
  );
  const commissionOf = new Map(products.items.map((item) => [item.id, item.commission]));
  const links = await api<{ items: { productId: string; shortUrl: string; active: boolean }[] }>(
    '/api/v1/links',
    influencerCookie,
  );
  const link = links.items.find((item) => item.active && commissionOf.get(item.productId)?.type === 'percentage');
  if (!link)
    throw new Error('the demo influencer has no active link to a demo merchant deal with a percentage commission');
  const commission = commissionOf.get(link.productId) as { type: 'percentage'; basisPoints: number };
  // A commission of about 250.00 MAD, whatever the deal's rate.
  const amount = Math.ceil((25_000 * 10_000) / commission.basisPoints);

  const click = await fetch(link.shortUrl, { redirect: 'manual', headers: { 'user-agent': browserAgent } });
  expect(click.status).toBe(302);
  const clickId = new URL(click.headers.get('location') ?? '', server.url).searchParams.get('souk_cid');
  expect(clickId).toMatch(/^[0-9a-f-]{36}$/);
  const result = await api<{ commission: { id: string; amountMinor: number; status: string } | null }>(
    '/api/v1/conversions',
    merchantCookie,
    {
      method: 'POST',
      json: { clickId, orderRef: `PAYOUT-E2E-${Date.now()}`, amount, currency: 'MAD', organizationId: teamId },
    },
  );
  const earned = result.commission;
  if (!earned) throw new Error('the reported sale earned no commission');
  expect(earned.amountMinor).toBeGreaterThanOrEqual(10_000);
  await api(`/api/v1/commissions/${earned.id}/approve`, merchantCookie, { method: 'POST', json: {} });
}

async function newContext(options: { width?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
}

function signIn(page: Page, email: string): Promise<void> {
  return signInAs(page, server.url, email, demoPassword);
}

/** Clicks a confirm-first button and answers the dialog. */
async function confirmSubmit(page: Page, form: ReturnType<Page['locator']>): Promise<void> {
  await form.getByRole('button').first().click();
  await page.getByRole('dialog').getByTestId('confirm').click();
}

/** Minimal RFC 4180 reading: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

describe('payouts', () => {
  let runPath = '';

  it('an admin previews the month, approves it, exports the bank file and marks the transfer paid', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@souk.test');
    await page.goto(`${server.url}/admin/payouts`);
    await hydrated(page);
    const main = page.locator('main');
    await main.getByRole('heading', { name: fr.money.adminPayouts.title, level: 1 }).waitFor();
    await main.getByTestId('create-run').getByRole('button', { name: fr.money.adminPayouts.create }).click();
    await page.waitForURL((url) => /^\/admin\/payouts\/[0-9a-f-]{36}$/.test(url.pathname));
    runPath = new URL(page.url()).pathname;
    await hydrated(page);

    // The preview: nothing locked yet, the influencer's line for their whole approved balance.
    await main.getByTestId('preview-note').waitFor();
    expect(await main.getByTestId('run-status').getAttribute('data-status')).toBe('preview');
    const line = main.locator(`[data-testid=payout-line][data-email="${influencerEmail}"]`);
    await line.waitFor();
    expect(await line.textContent()).toContain(formatMoney(payableMinor, 'MAD', 'fr'));
    expect(await line.getAttribute('data-status')).toBe('pending');
    // Nobody is paid from a preview: the line cannot be settled yet, and there is no file.
    expect(await line.getByTestId('mark-paid').count()).toBe(0);
    expect(await main.getByTestId('export-csv').count()).toBe(0);

    await confirmSubmit(page, main.getByTestId('approve-run'));
    await main.locator('[data-testid=run-status][data-status=approved]').waitFor();
    await page.getByText(fr.money.adminPayouts.approved).first().waitFor();
    const balance = await api<Balance>('/api/v1/payouts/balance', influencerCookie);
    expect(balance.balances.find((row) => row.currency === 'MAD')?.inPayoutMinor).toBe(payableMinor);

    // The bank file: every line's RIB passes the RIB key check.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), main.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile(await csvDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header = [], ...rows] = parseCsv(csv);
    expect(header.map((cell) => cell.toLowerCase())).toEqual(['beneficiary', 'rib', 'amount', 'currency', 'reference']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const rib = row[1] ?? '';
      expect(validateRib(rib), `RIB ${rib} of ${row[0]}`).toMatchObject({ ok: true });
    }
    const influencerRow = rows.find((row) => row[2] === (payableMinor / 100).toFixed(2));
    expect(influencerRow, 'the influencer’s transfer in the file').toBeDefined();

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), main.getByTestId('export-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsx = await readFile(await xlsxDownload.path());
    // An XLSX workbook is a ZIP archive.
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');

    await confirmSubmit(page, line.getByTestId('mark-paid'));
    await main.locator(`[data-testid=payout-line][data-email="${influencerEmail}"][data-status=paid]`).waitFor();
    await page.getByText(fr.money.adminPayouts.markedPaid).first().waitFor();
    await context.close();
  });

  it('the influencer then sees the transfer paid in their balance and payouts', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, influencerEmail);
    await page.goto(`${server.url}/influencer/payouts`);
    const main = page.locator('main');
    await main.getByRole('heading', { name: fr.money.payouts.title, level: 1 }).waitFor();
    const paid = main.getByTestId('balance-paid');
    expect(Number(await paid.getAttribute('data-minor'))).toBe(paidBeforeMinor + payableMinor);
    expect(await paid.textContent()).toContain(formatMoney(paidBeforeMinor + payableMinor, 'MAD', 'fr'));
    expect(Number(await main.getByTestId('balance-in-payout').getAttribute('data-minor'))).toBe(0);
    const payout = main.locator('[data-testid=payout][data-status=paid]').first();
    await payout.waitFor();
    expect(await payout.getByTestId('payout-amount').textContent()).toBe(formatMoney(payableMinor, 'MAD', 'fr'));
    const statement = await payout.getByTestId('statement').getAttribute('href');
    const response = await fetch(`${server.url}${statement}`, { headers: { cookie: influencerCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    await context.close();
  });

  it('a transfer the bank returns goes back to the balance with the bank’s reason', async () => {
    await earnApprovedCommission();
    const before = await api<Balance>('/api/v1/payouts/balance', influencerCookie);
    const approvedMinor = before.balances.find((row) => row.currency === 'MAD')?.approvedMinor ?? 0;
    expect(approvedMinor).toBeGreaterThanOrEqual(10_000);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const reason = 'Compte clôturé';

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@souk.test');
    await page.goto(`${server.url}/admin/payouts`);
    await hydrated(page);
    const main = page.locator('main');
    const create = main.getByTestId('create-run');
    await create.locator('input[name=period]').fill(thisMonth);
    await create.getByRole('button', { name: fr.money.adminPayouts.create }).click();
    await page.waitForURL((url) => /^\/admin\/payouts\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== runPath);
    await hydrated(page);
    await main
      .getByRole('heading', { name: fr.money.adminPayouts.runTitle.replace('{{period}}', thisMonth) })
      .waitFor();
    await confirmSubmit(page, main.getByTestId('approve-run'));
    await main.locator('[data-testid=run-status][data-status=approved]').waitFor();

    const line = main.locator(`[data-testid=payout-line][data-email="${influencerEmail}"]`);
    await line.locator('summary').click();
    const failForm = line.getByTestId('mark-failed');
    await failForm.locator('input[name=reason]').fill(reason);
    await confirmSubmit(page, failForm);
    await main.locator(`[data-testid=payout-line][data-email="${influencerEmail}"][data-status=failed]`).waitFor();
    expect(await line.textContent()).toContain(reason);
    // Settled lines offer no more actions: a second "paid" or "failed" cannot be sent from the page.
    expect(await line.getByTestId('mark-paid').count()).toBe(0);
    await context.close();

    const after = await api<Balance>('/api/v1/payouts/balance', influencerCookie);
    const mad = after.balances.find((row) => row.currency === 'MAD');
    expect(mad?.approvedMinor).toBe(approvedMinor);
    expect(mad?.inPayoutMinor).toBe(0);

    const influencer = await newContext();
    const influencerPage = await influencer.newPage();
    await signIn(influencerPage, influencerEmail);
    await influencerPage.goto(`${server.url}/influencer/payouts`);
    const failed = influencerPage.locator(`main [data-testid=payout][data-status=failed][data-period="${thisMonth}"]`);
    await failed.waitFor();
    expect(await failed.textContent()).toContain(fr.money.payouts.failedReason.replace('{{reason}}', reason));
    const approved = influencerPage.locator('main').getByTestId('balance-approved');
    expect(Number(await approved.getAttribute('data-minor'))).toBe(approvedMinor);
    await influencer.close();
  });

  it('the finance page proves the ledger balances after the payouts and exports the journal', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, 'admin@souk.test');
    await page.goto(`${server.url}/admin/finance`);
    const main = page.locator('main');
    await main.getByRole('heading', { name: fr.money.finance.title, level: 1 }).waitFor();
    const check = main.getByTestId('ledger-check');
    expect(await check.getAttribute('data-ok')).toBe('true');
    expect(await check.textContent()).toContain(fr.money.finance.balanced);
    const [journal] = await Promise.all([page.waitForEvent('download'), main.getByTestId('export-journal').click()]);
    const [header = [], ...entries] = parseCsv((await readFile(await journal.path(), 'utf8')).replace(/^\uFEFF/, ''));
    expect(header.slice(0, 3)).toEqual(['date', 'transaction_id', 'kind']);
    // The payout paid above is in the journal.
    expect(entries.some((row) => row.includes('payout.paid'))).toBe(true);
    await context.close();
  });

  it('shows the referral link with its share buttons, the settlements and the admin money pages', async () => {
    const influencer = await newContext();
    const page = await influencer.newPage();
    await signIn(page, influencerEmail);
    await page.goto(`${server.url}/referrals`);
    const main = page.locator('main');
    await main.getByRole('heading', { name: fr.money.referrals.title, level: 1 }).waitFor();
    const link = ((await main.getByTestId('referral-link').textContent()) ?? '').trim();
    expect(link).toMatch(new RegExp(`^${server.url}/join/[A-Z0-9]{4,16}$`));
    const share = (await main.getByTestId('share-whatsapp').getAttribute('href')) ?? '';
    expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(decodeURIComponent(share)).toContain(link);
    // The rules come from the API's configuration: 10 % for 3 months by default.
    expect(await main.getByTestId('referral-rules').textContent()).toContain('3');

    // Someone follows the link and signs up: the code travels with the form and the referrer sees them.
    const visitor = await newContext();
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(link);
    await visitorPage.waitForURL((url) => url.pathname === '/sign-up');
    // The form's fields are the browser's once it hydrates: typing before would be reset.
    await hydrated(visitorPage);
    const code = link.split('/').at(-1) ?? '';
    expect(await visitorPage.getByTestId('referral-code').textContent()).toContain(code);
    const referredName = `Filleule ${Date.now()}`;
    const signUp = visitorPage.locator('main form:has(input[name=password])');
    await signUp.locator('input[name=name]').fill(referredName);
    await signUp.locator('input[name=email]').fill(`referred-${Date.now()}@souk.test`);
    await signUp.locator('input[name=password]').fill('a-long-enough-password-2026');
    await signUp.locator('input[name=accountType][value=influencer]').check({ force: true });
    await signUp.locator('button[type=submit]').click();
    await visitorPage.getByRole('heading', { name: fr.checkEmail.title }).waitFor();
    await visitor.close();
    await page.reload();
    await main.locator('[data-testid=referred-row]', { hasText: referredName }).waitFor();
    await influencer.close();

    const admin = await newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@souk.test');
    await adminPage.goto(`${server.url}/admin/settlements`);
    await hydrated(adminPage);
    const adminMain = adminPage.locator('main');
    await adminMain.getByRole('heading', { name: fr.money.adminSettlements.title, level: 1 }).waitFor();
    await adminMain
      .locator('form:has(input[name=intent][value=run])')
      .getByRole('button', { name: fr.money.adminSettlements.run, exact: true })
      .click();
    await adminPage.getByText(fr.money.adminSettlements.ran).first().waitFor();
    await adminMain
      .locator('form:has(input[name=intent][value=run-invoices])')
      .getByRole('button', { name: fr.money.adminSettlements.run, exact: true })
      .click();
    await adminPage.getByText(fr.money.adminSettlements.invoicesRan).first().waitFor();
    await adminPage.goto(`${server.url}/admin/referrals`);
    await adminMain.getByRole('heading', { name: fr.money.adminReferrals.title, level: 1 }).waitFor();
    await admin.close();

    const merchant = await newContext();
    const merchantPage = await merchant.newPage();
    await signIn(merchantPage, 'merchant@souk.test');
    await merchantPage.goto(`${server.url}/merchant/settlements`);
    const merchantMain = merchantPage.locator('main');
    await merchantMain.getByRole('heading', { name: fr.money.settlements.title, level: 1 }).waitFor();
    await merchantMain.getByRole('heading', { name: fr.money.settlements.invoicesTitle, level: 2 }).waitFor();
    const rows = merchantMain.getByTestId('settlement-row');
    if ((await rows.count()) > 0) {
      await rows.first().getByRole('link', { name: fr.money.settlements.open }).click();
      await merchantPage.waitForURL((url) => /^\/merchant\/settlements\/[0-9a-f-]{36}$/.test(url.pathname));
      await merchantMain.getByTestId('settlement-totals').waitFor();
    } else {
      await merchantMain.getByTestId('settlements-empty').waitFor();
    }
    await merchant.close();
  });

  it('tells an influencer without an approved KYC why the next payout leaves them out', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // The second demo influencer's KYC file is still waiting for review.
    await signIn(page, 'influencer2@souk.test');
    await page.goto(`${server.url}/influencer/payouts`);
    const exclusion = page.locator('main').getByTestId('payout-exclusion');
    await exclusion.waitFor();
    expect(await exclusion.getAttribute('data-reason')).toBe('kyc_not_approved');
    expect(await exclusion.textContent()).toContain(fr.money.exclusion.kyc_not_approved);
    const fix = exclusion.getByRole('link', { name: fr.money.balance.fixInSettings });
    expect(await fix.getAttribute('href')).toBe('/settings/kyc');
    await context.close();
  });

  it('refuses the admin payout pages to an influencer', async () => {
    if (!runPath) throw new Error('the first step did not run');
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, influencerEmail);
    for (const path of ['/admin/payouts', runPath, '/admin/finance']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(403);
      await page.getByRole('heading', { name: fr.errors.forbiddenTitle, level: 1 }).waitFor();
    }
    await context.close();
  });

  it('reads right to left in Arabic and never scrolls sideways at 360 px', async () => {
    const context = await newContext({ width: 360 });
    const page = await context.newPage();
    await signIn(page, influencerEmail);
    await page.goto(`${server.url}/influencer/payouts?lang=ar`);
    await page.locator('main').getByRole('heading', { name: ar.money.payouts.title, level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.locator('main').getByText(ar.money.balance.paid, { exact: true }).first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await context.close();

    // The admin's run page too: long RIBs and e-mail addresses wrap instead of pushing the page.
    const admin = await newContext({ width: 360 });
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@souk.test');
    await adminPage.goto(`${server.url}${runPath}?lang=ar`);
    await adminPage.locator('main [data-testid=payout-line]').first().waitFor();
    expect(await adminPage.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await hasNoHorizontalScroll(adminPage)).toBe(true);
    await admin.close();
  });
});
