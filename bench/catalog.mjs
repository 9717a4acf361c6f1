// Marketplace read performance at scale: 100,000 published deals (bulk SQL on the embedded
// database), then autocannon with 50 connections against the listing API (cached, and with a
// filter that changes on every request so each one reaches the database), a search, a deal API
// and the SSR deal and marketplace pages (the web build must exist: `npm run build`). The baseline, measured in the
// same run on the same server, is /robots.txt: every platform hook, no database.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import autocannon from 'autocannon';
import { buildServer } from '../scripts/build-server.mjs';
import { bulkProductsSql, vocabularySql } from './catalog-data.mjs';
import { freePort, platformEnv, repoRoot, startAndWait, stop } from './lib.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const webBuild = path.join(repoRoot, 'apps/web/build/server/index.js');

/** Runs autocannon, keeping every response time so p50/p95/p99 are computed exactly. */
function measure(url, { vary, headers, duration = seconds } = {}) {
  return new Promise((resolve, reject) => {
    const times = [];
    let counter = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        ...(headers ? { headers } : {}),
        ...(vary ? { requests: [{ setupRequest: (request) => ({ ...request, path: vary(counter++) }) }] } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const at = (q) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
        resolve({
          rps: result.requests.average,
          p50: at(0.5),
          p95: at(0.95),
          p99: at(0.99),
          errors: result.errors + result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

function serverEnv(dataDir, port) {
  return platformEnv({ port, origin: `http://127.0.0.1:${port}`, dataDir });
}

function start(dataDir, port) {
  return startAndWait(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    env: serverEnv(dataDir, port),
    url: `http://127.0.0.1:${port}/readyz`,
    timeoutMs: 180_000,
  });
}

// The server serves the web app in the same process and refuses to start without its build.
if (!existsSync(webBuild)) {
  console.error('The web app is not built: run `npm run build` first.');
  process.exit(1);
}
await buildServer();
// BENCH_DATA_DIR keeps the data directory (and reuses its products) between runs.
const keptDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDir ?? mkdtempSync(path.join(tmpdir(), 'souk-bench-catalog-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let server;
try {
  // First start: migrations and the demo data (categories, merchant teams, 40 deals).
  server = await start(dataDir, port);
  await stop(server.child);

  // PGlite is one process per directory: the rows go in while the server is stopped.
  const insertStarted = performance.now();
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'db'), extensions: { pg_trgm } });
  const existing = (await db.query("select count(*)::int as count from catalog_products where slug like 'bench-%'"))
    .rows[0].count;
  if (existing < productCount) {
    await db.exec(bulkProductsSql(productCount));
    await db.exec(vocabularySql);
  }
  await db.exec('analyze catalog_products');
  const [{ count }] = (await db.query("select count(*)::int as count from catalog_products where status = 'published'"))
    .rows;
  await db.close();
  console.log(
    `inserted ${productCount} products in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s (${count} published)`,
  );

  server = await start(dataDir, port);
  const first = await (await fetch(`${origin}/api/v1/marketplace/products?limit=1&sort=price_desc`)).json();
  const slug = first.items[0].slug;

  const targets = [
    ['baseline /robots.txt', `${origin}/robots.txt`],
    ['listing (cached)', `${origin}/api/v1/marketplace/products?limit=24`],
    [
      'listing, uncached filter',
      `${origin}/api/v1/marketplace/products`,
      (n) => `/api/v1/marketplace/products?limit=24&sort=price_asc&minPrice=${n}`,
    ],
    [
      'search, uncached',
      `${origin}/api/v1/marketplace/products`,
      (n) =>
        `/api/v1/marketplace/products?limit=24&q=${encodeURIComponent(['masage', 'hammam riad', 'tajine', 'surf agadir'][n % 4])}&minPrice=${n}`,
    ],
    ['deal API', `${origin}/api/v1/marketplace/products/${slug}`],
  ];
  // Visitors without cookies share a page rendered in the last few seconds (web/anonymous-page-cache.ts);
  // any cookie (here a click id) makes the server render the page for that visitor.
  const visitorWithCookie = { cookie: 'souk_cid=bench' };
  targets.push(
    ['SSR deal page', `${origin}/p/${slug}`],
    ['SSR marketplace page', `${origin}/marketplace`],
    ['SSR deal page, rendered', `${origin}/p/${slug}`, undefined, visitorWithCookie],
    ['SSR marketplace, rendered', `${origin}/marketplace`, undefined, visitorWithCookie],
  );

  const results = [];
  for (const [name, url, vary, headers] of targets) {
    await measure(url, { vary, headers, duration: 1 }); // warm-up: JIT, connection pool, first cache fill
    // Requests still queued from the warm-up would be counted against this target.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    results.push([name, await measure(url, { vary, headers })]);
  }
  const baseline = results[0][1];
  console.log(`\n${connections} connections, ${seconds} s each, ${productCount} products\n`);
  console.log(
    `${'target'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}  ratio req/s  ratio p99  errors`,
  );
  for (const [name, r] of results) {
    console.log(
      `${name.padEnd(26)} ${String(Math.round(r.rps)).padStart(8)} ${`${r.p50}ms`.padStart(7)} ${`${r.p95}ms`.padStart(7)} ${`${r.p99}ms`.padStart(7)}  ${(r.rps / baseline.rps).toFixed(2).padStart(11)}  ${(r.p99 / Math.max(1, baseline.p99)).toFixed(1).padStart(9)}  ${r.errors}`,
    );
  }
} finally {
  if (server) await stop(server.child);
  if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
}
