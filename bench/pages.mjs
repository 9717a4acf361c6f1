// Lighthouse (mobile: emulated phone, simulated slow 4G and CPU slowdown) on the public pages a
// buyer lands on: home, marketplace and one deal page, against the production build started on
// a fresh data directory with the demo data. Prints the four category scores against targets,
// the main metrics, page weight and whether the HTML is compressed.
// Targets (marketplace issue): performance >= 90, accessibility >= 95, best practices >= 95, SEO = 100.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, startAndWait, stop } from './lib.mjs';

const targets = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 100 };
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-bench-pages-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let server;
let chrome;

/** A deal page of the demo data: the first card of the marketplace. */
async function demoDealPath() {
  const response = await fetch(`${origin}/api/v1/marketplace/products?limit=1`);
  const body = await response.json();
  const slug = body.items?.[0]?.slug;
  if (!slug) throw new Error('the demo data has no published deal to measure');
  return `/p/${slug}`;
}

async function compressionOf(url) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  await response.arrayBuffer();
  return response.headers.get('content-encoding') ?? 'none';
}

/** Content-encoding of the page's HTML and of its first script and stylesheet. */
async function compressionReport(url) {
  const html = await (await fetch(url)).text();
  const script = html.match(/\/assets\/[^"]+\.js/)?.[0];
  const style = html.match(/\/assets\/[^"]+\.css/)?.[0];
  const parts = [`HTML ${await compressionOf(url)}`];
  if (script) parts.push(`scripts ${await compressionOf(`${origin}${script}`)}`);
  if (style) parts.push(`stylesheets ${await compressionOf(`${origin}${style}`)}`);
  return parts.join(', ');
}

function format(score) {
  return score === null || score === undefined ? 'n/a' : String(Math.round(score * 100));
}

try {
  server = await startAndWait(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    url: `${origin}/readyz`,
  });
  const pages = [
    ['home', '/'],
    ['marketplace', '/marketplace'],
    ['deal page', await demoDealPath()],
  ];
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags });

  let allMet = true;
  for (const [name, pagePath] of pages) {
    const url = `${origin}${pagePath}`;
    // One warm-up request, so the first measurement is not the server's cold start.
    await fetch(url).then((response) => response.arrayBuffer());
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(targets),
    });
    // BENCH_REPORT_DIR=<dir>: keeps each page's full Lighthouse report (JSON) for a closer look.
    if (process.env.BENCH_REPORT_DIR) {
      writeFileSync(path.join(process.env.BENCH_REPORT_DIR, `${name.replaceAll(' ', '-')}.json`), JSON.stringify(lhr));
    }
    console.log(`\n${name} (${pagePath})`);
    for (const [category, target] of Object.entries(targets)) {
      const score = lhr.categories[category]?.score;
      const met = score !== null && score !== undefined && Math.round(score * 100) >= target;
      allMet &&= met;
      console.log(
        `  ${category.padEnd(15)} ${format(score).padStart(3)}  target >= ${target}  ${met ? 'met' : 'NOT met'}`,
      );
    }
    const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
    console.log(
      `  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, weight ${metric('total-byte-weight')}`,
    );
    console.log(`  content-encoding: ${await compressionReport(url)}`);
    for (const category of Object.keys(targets)) {
      const failed = lhr.categories[category].auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (audit) =>
            audit &&
            audit.score !== null &&
            audit.score < 0.9 &&
            audit.scoreDisplayMode !== 'informative' &&
            audit.scoreDisplayMode !== 'notApplicable',
        )
        .map((audit) => audit.id);
      if (failed.length > 0) console.log(`  ${category} audits below 0.9: ${failed.join(', ')}`);
    }
  }
  console.log(`\nall targets ${allMet ? 'met' : 'NOT met'}`);
} finally {
  await chrome?.kill();
  if (server) await stop(server.child);
  rmSync(dataDir, { recursive: true, force: true });
}
