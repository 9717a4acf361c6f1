import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../apps/web/app/locales/ar.ts';
import { fr } from '../apps/web/app/locales/fr.ts';
import { hasNoHorizontalScroll, hydrated, launchBrowser, signInAs } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * Social publishing on a fresh install, in a real browser: an influencer connects a sandbox
 * account through its consent screen, publishes a deal now and schedules another two minutes
 * later; both appear on the sandbox feed at the right time, and a click on the link in the feed
 * counts on the influencer's link. The composer also works on a 360 px phone in Arabic (right to
 * left), and the calendar reschedules by dragging and by its keyboard form.
 */
let server: ServerProcess;
let browser: Browser;

const demoPassword = 'souk-demo-2026';
const handle = 'souk_e2e_creator';
const phoneAgent =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
// A zone other than the server's UTC: scheduled times must be read in the person's own zone.
const timezoneId = 'Africa/Casablanca';

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '3000' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newContext(width = 1280, locale = 'fr-FR'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId, userAgent: phoneAgent });
}

function signIn(page: Page, email: string): Promise<void> {
  return signInAs(page, server.url, email, demoPassword);
}

interface Post {
  id: string;
  status: string;
  scheduledAt: string | null;
  targets: { status: string; externalUrl: string | null; publishedAt: string | null; caption: string }[];
}

async function readPost(page: Page, id: string): Promise<Post> {
  return (await (await page.request.get(`${server.url}/api/v1/social/posts/${id}`)).json()) as Post;
}

/** Polls the API until the post's first target is published; fails after `timeoutMs`. */
async function publishedPost(page: Page, id: string, timeoutMs: number): Promise<Post> {
  const deadline = Date.now() + timeoutMs;
  let post = await readPost(page, id);
  while (post.targets[0]?.status !== 'published' && Date.now() < deadline) {
    if (post.targets[0]?.status === 'failed') throw new Error(`post failed: ${JSON.stringify(post)}`);
    await page.waitForTimeout(1000);
    post = await readPost(page, id);
  }
  expect(post.targets[0]?.status).toBe('published');
  return post;
}

/** The wall-clock value a `datetime-local` field needs for an instant, in the page's zone. */
async function wallTime(page: Page, at: number): Promise<string> {
  return page.evaluate((instant) => {
    const date = new Date(instant);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, at);
}

/** Opens the composer on a link with the test's sandbox account chosen. */
async function openComposer(page: Page, linkId: string, query = '') {
  await page.goto(`${server.url}/social/compose?linkId=${linkId}${query}`);
  await hydrated(page);
  const composer = page.locator('main').getByTestId('composer');
  await composer.waitFor();
  const choice = composer.locator(`input[data-testid=account-choice][data-handle="${handle}"]`);
  if (!(await choice.isChecked())) await choice.check();
  await composer.locator('[data-testid=caption][data-provider=sandbox]').waitFor();
  // Scripts are running once the date field knows "now" (its minimum).
  await composer.locator('input[data-testid=schedule-at][min]').waitFor();
  return composer;
}

function postIdOf(page: Page): string {
  const match = /\/social\/posts\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a post page: ${page.url()}`);
  return match[1];
}

/** The feed's post article holding a link, by the post's published address `…#post-<id>`. */
function feedPost(page: Page, externalUrl: string) {
  const anchor = new URL(externalUrl, server.url).hash.slice(1);
  return page.locator(`[id="${anchor}"]`);
}

describe('social publishing', () => {
  let influencer: BrowserContext;
  let page: Page;
  let linkId = '';
  let shortUrl = '';
  let scheduledPostId = '';
  let scheduledFor = 0;

  beforeAll(async () => {
    influencer = await newContext();
    page = await influencer.newPage();
    await signIn(page, 'influencer@souk.test');
  });
  afterAll(async () => {
    await influencer?.close();
  });

  it('connects a sandbox account through its consent screen; real platforms show their setup guide', async () => {
    const main = page.locator('main');
    await page.goto(`${server.url}/influencer/links`);
    await hydrated(page);
    const card = main.getByTestId('link-card').first();
    linkId = (await card.getAttribute('data-link-id')) ?? '';
    shortUrl = (await card.getByTestId('short-url').textContent())?.trim() ?? '';
    await card.getByTestId('publish-to-networks').click();
    await page.waitForURL((url) => url.pathname === '/social/compose');
    await main.getByTestId('composer').waitFor();
    await page.goto(`${server.url}/social/accounts`);
    await hydrated(page);

    for (const provider of ['instagram', 'facebook', 'tiktok', 'reddit']) {
      const section = main.locator(`[data-testid=provider][data-provider=${provider}]`);
      await section.getByTestId('not-configured').waitFor();
      expect(await section.getByTestId('connect').count()).toBe(0);
      await section.getByText(fr.social.accounts.setupGuide).click();
      expect(await section.getByTestId('setup-guide').textContent()).toContain('/social');
    }

    const sandbox = main.locator('[data-testid=provider][data-provider=sandbox]');
    await sandbox.getByTestId('connect').click();
    await page.waitForURL((url) => url.pathname.startsWith('/sandbox/social/'));
    const handleField = page.locator('input[name=handle]');
    if ((await handleField.count()) > 0) await handleField.fill(handle);
    await page.locator('button[type=submit][value=allow], button[type=submit]').first().click();
    await page.waitForURL((url) => url.pathname === '/social/accounts');
    await main.getByTestId('connect-success').waitFor();
    const account = main.locator(`[data-testid=social-account][data-handle="${handle}"]`);
    await account.waitFor();
    expect(await account.getByTestId('account-health').getAttribute('data-health')).toBe('connected');
    // The outcome is not repeated by a reload.
    await page.waitForURL((url) => url.search === '');
    await page.reload();
    expect(await main.getByTestId('connect-success').count()).toBe(0);
  });

  it('publishes a deal now from My links and it appears on the sandbox feed', async () => {
    const main = page.locator('main');
    const composer = await openComposer(page, linkId);
    const caption = composer.locator('[data-testid=caption][data-provider=sandbox]');
    await caption.waitFor();
    // The caption starts with the tracked link (this platform's variant of it).
    const text = await caption.inputValue();
    expect(text).toMatch(new RegExp(`${server.url}/r/[A-Za-z0-9-]+`));
    await composer.getByTestId('preview').waitFor();
    await caption.fill(`${text}\n\nPublié maintenant depuis le test.`);
    await composer.getByTestId('publish-now').click();
    await page.waitForURL((url) => /\/social\/posts\/[0-9a-f-]{36}/.test(url.pathname));
    await main.getByTestId('post-done').waitFor();
    const post = await publishedPost(page, postIdOf(page), 60_000);
    const externalUrl = post.targets[0]?.externalUrl ?? '';
    expect(externalUrl).toContain(`/sandbox/social/@${handle}`);

    // The history page shows it published with a link to the post.
    await page.reload();
    await main.locator('[data-testid=target][data-status=published]').getByTestId('external-url').waitFor();

    const feed = await influencer.newPage();
    await feed.goto(`${server.url}/sandbox/social/@${handle}`);
    await feedPost(feed, externalUrl).getByText('Publié maintenant depuis le test.').waitFor();
    await feed.close();
  });

  it('schedules another deal two minutes ahead, in the person’s time zone; the past is refused', async () => {
    const main = page.locator('main');
    const composer = await openComposer(page, linkId);
    const caption = composer.locator('[data-testid=caption][data-provider=sandbox]');
    await caption.fill(`${await caption.inputValue()}\n\nProgrammé pour dans deux minutes.`);

    // A time in the past: refused with a clear message, nothing created.
    const field = composer.getByTestId('schedule-at');
    await field.evaluate((input: HTMLInputElement) => input.removeAttribute('min'));
    await field.fill(await wallTime(page, Date.now() - 3_600_000));
    await composer.getByTestId('schedule').click();
    await main.getByText(fr.social.compose.pastTime).first().waitFor();
    expect(page.url()).toContain('/social/compose');

    // Two minutes ahead, to the minute the picker offers.
    const target = Math.ceil((Date.now() + 120_000) / 60_000) * 60_000;
    await field.fill(await wallTime(page, target));
    await composer.getByTestId('schedule').click();
    await page.waitForURL((url) => /\/social\/posts\/[0-9a-f-]{36}/.test(url.pathname));
    scheduledPostId = postIdOf(page);
    const post = await readPost(page, scheduledPostId);
    expect(post.status).toBe('scheduled');
    expect(Date.parse(post.scheduledAt ?? '')).toBe(target);
    scheduledFor = target;
  });

  it('shows the scheduled post in the calendar; dragging and the keyboard form reschedule a post', async () => {
    const main = page.locator('main');
    // A third post, scheduled for the day after tomorrow at 10:00, to move around.
    const composer = await openComposer(page, linkId);
    const start = await page.evaluate(() => {
      const date = new Date();
      date.setDate(date.getDate() + 2);
      date.setHours(10, 0, 0, 0);
      return date.getTime();
    });
    await composer.getByTestId('schedule-at').fill(await wallTime(page, start));
    await composer.getByTestId('schedule').click();
    await page.waitForURL((url) => /\/social\/posts\/[0-9a-f-]{36}/.test(url.pathname));
    const movedId = postIdOf(page);

    const dayKey = (at: number) => wallTime(page, at).then((value) => value.slice(0, 10));
    // The month view always shows the next day too (six full weeks).
    await page.goto(`${server.url}/social/calendar?view=month&date=${await dayKey(start)}`);
    const chip = main.locator(`[data-testid=calendar-post][data-post-id="${movedId}"]`);
    await chip.waitFor();
    const nextDay = await dayKey(start + 86_400_000);
    const nextCell = main.locator(`[data-testid=calendar-day][data-day="${nextDay}"]`);
    await chip.dragTo(nextCell);
    await expect
      .poll(async () => (await readPost(page, movedId)).scheduledAt, { timeout: 10_000 })
      .toBe(new Date(start + 86_400_000).toISOString());
    await nextCell.locator(`[data-testid=calendar-post][data-post-id="${movedId}"]`).waitFor();

    // The keyboard way: the list view's form.
    await page.goto(`${server.url}/social/calendar?view=list&date=${nextDay}`);
    const row = main.locator(`[data-testid=list-post][data-post-id="${movedId}"]`);
    const later = start + 2 * 86_400_000 + 3_600_000;
    await row.locator('input[data-testid=schedule-at][min]').waitFor();
    await row.getByTestId('schedule-at').fill(await wallTime(page, later));
    await row.getByTestId('reschedule').press('Enter');
    await expect
      .poll(async () => (await readPost(page, movedId)).scheduledAt, { timeout: 10_000 })
      .toBe(new Date(later).toISOString());

    // Its caption can still be changed on its page before it goes out.
    await page.goto(`${server.url}/social/posts/${movedId}`);
    await hydrated(page);
    await main.locator('input[data-testid=schedule-at][min]').waitFor();
    const edit = main.getByTestId('edit-caption');
    await edit.fill('Texte revu avant publication.');
    await main.getByRole('button', { name: fr.social.post.saveCaption }).click();
    await page.getByText(fr.social.post.captionSaved).first().waitFor();
    expect((await readPost(page, movedId)).targets[0]?.caption).toBe('Texte revu avant publication.');

    // The two-minute post is on today's calendar, scheduled.
    await page.goto(`${server.url}/social/calendar?view=day&date=${await dayKey(scheduledFor)}`);
    await main
      .locator(`[data-testid=calendar-post][data-post-id="${scheduledPostId}"][data-status=scheduled]`)
      .waitFor();
  });

  it('lays the composer out right to left in Arabic and without sideways scrolling at 360 px', async () => {
    const phone = await newContext(360, 'ar-MA');
    const phonePage = await phone.newPage();
    await signIn(phonePage, 'influencer@souk.test');
    const composer = await openComposer(phonePage, linkId, '&lang=ar');
    expect(await phonePage.locator('html').getAttribute('dir')).toBe('rtl');
    await composer.getByRole('button', { name: ar.social.compose.publishNow }).waitFor();
    await composer.getByTestId('caption-counter').waitFor();
    await composer.getByTestId('preview').waitFor();
    expect(await hasNoHorizontalScroll(phonePage)).toBe(true);
    for (const path of ['/social/accounts', '/social/calendar', '/social/calendar?view=list', '/social/posts']) {
      await phonePage.goto(`${server.url}${path}`);
      await phonePage.locator('main h1').waitFor();
      expect(await hasNoHorizontalScroll(phonePage), path).toBe(true);
    }
    await phone.close();
  });

  it('lets a merchant owner require approval and an admin keep templates; refuses the wrong people', async () => {
    // From a deal page, the composer opens on that deal.
    const approved = (await (
      await page.request.get(`${server.url}/api/v1/affiliation-requests?status=approved`)
    ).json()) as {
      items: { productSlug: string; productTitle: string }[];
    };
    const deal = approved.items[0];
    if (!deal) throw new Error('the demo influencer has no approved deal');
    await page.goto(`${server.url}/p/${deal.productSlug}`);
    await hydrated(page);
    await page.locator('main').getByTestId('publish-to-networks').click();
    await page.waitForURL((url) => url.pathname === '/social/compose' && url.searchParams.has('productId'));
    await page.locator('main').getByText(deal.productTitle).first().waitFor();
    await page.locator('main').getByTestId('composer').waitFor();

    // An influencer reaches neither the team approvals nor the official accounts.
    for (const path of ['/social/approvals', '/admin/social', '/admin/social/calendar']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(403);
    }
    // Another influencer cannot open this influencer's post.
    const other = await newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, 'influencer2@souk.test');
    const foreign = await otherPage.goto(`${server.url}/social/posts/${scheduledPostId}`);
    expect([403, 404]).toContain(foreign?.status());
    await other.close();

    const merchant = await newContext();
    const merchantPage = await merchant.newPage();
    await signIn(merchantPage, 'merchant@souk.test');
    await merchantPage.goto(`${server.url}/social/approvals`);
    await hydrated(merchantPage);
    const toggle = merchantPage.locator('main').getByTestId('toggle-approval');
    const before = (await toggle.textContent())?.trim();
    await toggle.click();
    await expect.poll(async () => (await toggle.textContent())?.trim()).not.toBe(before);
    // A team composes from one of its deals.
    await merchantPage.goto(`${server.url}/social/compose`);
    await hydrated(merchantPage);
    const choices = merchantPage.locator('main').getByTestId('compose-choose');
    await choices.getByRole('link').first().click();
    await merchantPage.waitForURL((url) => url.searchParams.has('productId'));
    await merchantPage.locator('main [data-testid=composer], main [data-testid=compose-no-accounts]').first().waitFor();
    await merchant.close();

    const admin = await newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@souk.test');
    await adminPage.goto(`${server.url}/admin/social`);
    await hydrated(adminPage);
    const main = adminPage.locator('main');
    const form = main.locator('form:has(textarea[name=body])');
    await form.locator('input[name=name]').fill('Nouvelle offre du jour');
    await form.locator('textarea[name=body]').fill('Nouveau sur Souk : {title} {link}');
    await form.locator('input[name=hashtags]').fill('souk bonplan');
    await main.getByTestId('create-template').click();
    await main.getByTestId('template').filter({ hasText: 'Nouvelle offre du jour' }).waitFor();
    await adminPage.goto(`${server.url}/admin/social/accounts`);
    await main.locator('[data-testid=provider][data-provider=sandbox]').getByTestId('connect').waitFor();
    await admin.close();
  });

  it('publishes the scheduled post at its time; a click on the feed’s link counts on the influencer’s link', async () => {
    if (!scheduledPostId) throw new Error('the scheduling step did not run');
    // Not out early.
    const early = await readPost(page, scheduledPostId);
    if (Date.now() < scheduledFor - 2_000) expect(early.targets[0]?.status).toBe('scheduled');
    const post = await publishedPost(page, scheduledPostId, Math.max(0, scheduledFor - Date.now()) + 90_000);
    const publishedAt = Date.parse(post.targets[0]?.publishedAt ?? '');
    expect(publishedAt).toBeGreaterThanOrEqual(scheduledFor);
    expect(publishedAt - scheduledFor).toBeLessThan(60_000);

    const links = async () =>
      (
        (await (await page.request.get(`${server.url}/api/v1/links`)).json()) as {
          items: { id: string; shortUrl: string; clicks: number }[];
        }
      ).items;

    const visitor = await newContext();
    const feed = await visitor.newPage();
    await feed.goto(`${server.url}/sandbox/social/@${handle}`);
    const article = feedPost(feed, post.targets[0]?.externalUrl ?? '');
    await article.getByText('Programmé pour dans deux minutes.').waitFor();
    const anchor = article.locator(`a[href^="${server.url}/r/"]`).first();
    const href = (await anchor.getAttribute('href')) ?? '';
    const before = (await links()).find((link) => link.shortUrl === href);
    if (!before) throw new Error(`the feed's link ${href} is not one of the influencer's links (${shortUrl})`);
    await anchor.click();
    await feed.waitForURL((url) => url.pathname.startsWith('/p/'));
    await expect
      .poll(async () => (await links()).find((link) => link.id === before.id)?.clicks, { timeout: 15_000 })
      .toBe(before.clicks + 1);
    await visitor.close();
  }, 330_000);
});
