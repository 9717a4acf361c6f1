import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../apps/web/app/locales/en.ts';
import { hydrated, launchBrowser } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * Merchant teams end to end, in English: the merchant invites someone from the team page, the
 * invitee opens the link from the outbox, joins with the button, and sees the team with their role.
 */
let server: ServerProcess;
let browser: Browser;
let adminCookie: string;

const demoPassword = 'souk-demo-2026';
const invitee = 'influencer@souk.test';

beforeAll(async () => {
  // Several fresh browsers download the web app's assets, which count against the per-IP limit.
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
  adminCookie = await signInByFetch('admin@souk.test', demoPassword);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

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

async function fillSignIn(page: Page, email: string): Promise<void> {
  const form = page.locator('form:has(input[name=password])');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(demoPassword);
  await form.locator('button[type=submit]').click();
}

describe('teams', () => {
  it('invites an editor who joins from the mailed link and cannot invite in turn', async () => {
    // The merchant invites the influencer as an editor from the team page.
    const merchant = await newPage();
    await merchant.goto(`${server.url}/sign-in`);
    await fillSignIn(merchant, 'merchant@souk.test');
    await merchant.waitForURL((url) => url.pathname !== '/sign-in');
    // The Free plan has one seat (the owner's): the team takes its Pro trial before inviting.
    const trial = await merchant.request.post(`${server.url}/api/v1/billing/trial`, {
      data: { planId: 'pro' },
      headers: { origin: server.url },
    });
    expect(trial.status()).toBe(200);
    await merchant.goto(`${server.url}/settings/team`);
    await hydrated(merchant);
    await merchant.getByRole('link', { name: en.settingsNav.team }).waitFor();
    expect(await merchant.getByText(en.team.yourRole.replace('{{role}}', en.team.roles.owner)).count()).toBe(1);
    const invite = merchant.locator('section[aria-labelledby=team-invite-title]');
    await invite.locator('input[name=email]').fill(invitee);
    await invite.locator('select[name=role]').selectOption('editor');
    await invite.locator(`button:has-text("${en.team.invite}")`).click();
    const invitations = merchant.getByTestId('team-invitations');
    await invitations.getByText(invitee).waitFor();
    await invitations.getByText(en.team.roles.editor).waitFor();

    // The link from the outbox, opened signed out, goes through sign-in and back, token kept.
    const link = await mailLink(invitee, 'team-invitation', '/invitations/accept');
    const influencer = await newPage();
    await influencer.goto(link);
    await influencer.waitForURL('**/sign-in?redirectTo=**');
    expect(new URL(influencer.url()).searchParams.get('redirectTo')).toBe(
      `${new URL(link).pathname}${new URL(link).search}`,
    );
    await fillSignIn(influencer, invitee);
    await influencer.waitForURL('**/invitations/accept?token=**');

    // Opening the page does not join: the button does.
    await influencer.getByRole('heading', { name: en.invitation.title }).waitFor();
    await influencer.locator(`button:has-text("${en.invitation.join}")`).click();
    await influencer.waitForURL('**/settings/team?team=*&joined=1');
    await influencer.getByText(en.team.yourRole.replace('{{role}}', en.team.roles.editor)).waitFor();
    const table = influencer.getByTestId('team-members-table');
    await table.getByText(invitee).waitFor();
    await table.locator('tr', { hasText: invitee }).getByText(en.team.roles.editor).waitFor();

    // An editor manages nobody: no invite form, no pending invitations, no member actions.
    expect(await influencer.locator('section[aria-labelledby=team-invite-title]').count()).toBe(0);
    expect(await influencer.getByTestId('team-invitations').count()).toBe(0);
    expect(await table.locator(`a:has-text("${en.team.remove}")`).count()).toBe(0);
    await influencer.getByRole('link', { name: en.team.leave }).waitFor();

    // The same link cannot be used twice.
    await influencer.goto(link);
    await hydrated(influencer);
    await influencer.locator(`button:has-text("${en.invitation.join}")`).click();
    await influencer.getByText(en.invitation.invalid).first().waitFor();

    // The merchant's page now lists the editor, with the owner's actions on that row.
    await merchant.reload();
    const row = merchant.getByTestId('team-members-table').locator('tr', { hasText: invitee });
    expect(await row.locator('select[name=role]').inputValue()).toBe('editor');
    await row.locator(`a:has-text("${en.team.transfer}")`).waitFor();
    expect(await merchant.getByTestId('team-invitations').count()).toBe(0);
  });
});
