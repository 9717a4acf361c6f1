import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * The bell follows the notification stream: a change made elsewhere (here, another session of
 * the same person marking everything read) shows on an open page without a reload.
 */
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

const email = 'merchant@souk.test';
const password = 'souk-demo-2026';
const bellLabel = (page: Page) => page.locator('header a[href="/notifications"]').first().getAttribute('aria-label');

async function signedInPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  const form = page.locator('form:has(input[name=password])');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
  await page.waitForURL('**/dashboard');
  return page;
}

const streamPath = '/api/v1/notifications/stream';
/** The red count next to the bell (hidden from screen readers, which read the link's name). */
const badge = 'header a[href="/notifications"] + span[aria-hidden="true"]';

/** Everything the context's pages say went wrong, from their first load: console errors and uncaught exceptions. */
function collectProblems(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });
  return problems;
}

describe('live notifications', () => {
  it('updates the bell of an open page when another session marks everything read', async () => {
    const watching = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const elsewhere = await browser.newContext({ locale: 'en-US' });
    try {
      // Frames the page receives on its notification stream, and whether the stream closed.
      const frames: unknown[] = [];
      let streamClosed = false;
      watching.on('page', (page) => {
        page.on('websocket', (socket) => {
          if (!socket.url().endsWith(streamPath)) return;
          socket.on('framereceived', (frame) => frames.push(JSON.parse(String(frame.payload))));
          socket.on('close', () => {
            streamClosed = true;
          });
        });
      });
      const problems = collectProblems(watching);
      const page = await signedInPage(watching);

      expect(await bellLabel(page)).toMatch(/unread: [1-9]/);
      expect(await page.locator(badge).count()).toBe(1);
      const readyFrame = () => frames.find((frame) => (frame as { type?: string }).type === 'ready');
      await expect.poll(readyFrame, { timeout: 10_000 }).toBeDefined();
      const unread = (readyFrame() as { unreadCount: number }).unreadCount;
      expect(unread).toBeGreaterThan(0);
      expect(await bellLabel(page)).toBe(`Notifications (unread: ${unread})`);
      // Survives only if the page is not reloaded.
      await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

      const other = await signedInPage(elsewhere);
      const marked = await other.evaluate(async () => {
        const response = await fetch('/api/v1/notifications/read-all', { method: 'POST' });
        return { status: response.status, body: await response.json() };
      });
      expect(marked).toEqual({ status: 200, body: { updated: unread } });

      await page.waitForFunction(
        () =>
          !/[1-9]/.test(document.querySelector('header a[href="/notifications"]')?.getAttribute('aria-label') ?? 'x'),
        undefined,
        { timeout: 10_000 },
      );
      expect(await bellLabel(page)).toBe('Notifications');
      expect(await page.locator(badge).count()).toBe(0);
      expect(frames).toContainEqual({ type: 'notifications.changed', unreadCount: 0 });
      expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

      // Signing out removes the bell, which closes its stream.
      await page.evaluate(() => document.querySelector<HTMLFormElement>('form[action="/sign-out"]')?.requestSubmit());
      await page.waitForFunction(() => !document.querySelector('header a[href="/notifications"]'), undefined, {
        timeout: 10_000,
      });
      await expect.poll(() => streamClosed, { timeout: 10_000 }).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await watching.close();
      await elsewhere.close();
    }
  });

  it('shows a toast linking to the notifications when the count goes up', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    try {
      // No HTTP endpoint creates a notification, so the test speaks for the server: the real
      // stream is passed through, and one extra hint is sent to the page once it is ready.
      const streams: Array<{ send(message: string): void }> = [];
      let readyForwarded = false;
      await context.routeWebSocket(new RegExp(`${streamPath}$`), (socket) => {
        const upstream = socket.connectToServer();
        upstream.onMessage((message) => {
          socket.send(message);
          if (String(message).includes('"ready"')) readyForwarded = true;
        });
        streams.push(socket);
      });
      const problems = collectProblems(context);
      const page = await signedInPage(context);
      await expect.poll(() => readyForwarded, { timeout: 10_000 }).toBe(true);
      // The first test marked everything read.
      expect(await bellLabel(page)).toBe('Notifications');

      streams.at(-1)?.send(JSON.stringify({ type: 'notifications.changed', unreadCount: 2 }));

      await page.waitForFunction(
        () => document.querySelector('header a[href="/notifications"]')?.getAttribute('aria-label')?.includes('2'),
        undefined,
        { timeout: 10_000 },
      );
      expect(await bellLabel(page)).toBe('Notifications (unread: 2)');
      const toast = page.locator('.mantine-Notification-root');
      await toast.waitFor({ timeout: 10_000 });
      expect(await toast.textContent()).toContain('You have a new notification');
      await toast.locator('a[href="/notifications"]').click();
      await page.waitForURL('**/notifications');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Last: stops the server.
  it('retries with backoff and reports nothing of its own when the server is gone', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    try {
      // When each connection attempt started and when each ended, in test-clock milliseconds.
      const opened: number[] = [];
      const closed: number[] = [];
      context.on('page', (page) =>
        page.on('websocket', (socket) => {
          if (!socket.url().endsWith(streamPath)) return;
          opened.push(Date.now());
          socket.on('close', () => closed.push(Date.now()));
        }),
      );
      const problems = collectProblems(context);
      const page = await signedInPage(context);
      await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);

      await server.stop();
      // The open stream ends, then attempts follow after about 1 s, then about 2 s.
      await expect.poll(() => opened.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
      const [lost, firstRetryFailed] = closed as [number, number];
      const [, firstRetry, secondRetry] = opened as [number, number, number];
      expect(firstRetry - lost).toBeGreaterThanOrEqual(900);
      expect(firstRetry - lost).toBeLessThan(2_000);
      expect(secondRetry - firstRetryFailed).toBeGreaterThanOrEqual(1_900);
      expect(secondRetry - firstRetryFailed).toBeLessThan(3_500);
      // The browser itself logs each refused connection; the page adds nothing, throws nothing.
      const ownProblems = problems.filter(
        (problem) =>
          !/^console: WebSocket connection to 'ws:\/\/[^']+\/api\/v1\/notifications\/stream' failed/.test(problem),
      );
      expect(ownProblems).toEqual([]);
      expect(await bellLabel(page)).toBe('Notifications');
    } finally {
      await context.close();
    }
  });
});
