// The tracked redirect, the product's hottest path: GET /r/{code} with a browser user agent,
// 50 connections for 10 s (autocannon), against a bare node:http server answering 302 measured in
// the same run just before and just after (the baseline is their mean). After a graceful stop (SIGTERM) the clicks written to the database are
// counted against the 302 responses seen: they must be equal. PostgreSQL when DATABASE_URL is
// set (a fresh database is created next to it and dropped after), else the embedded database.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildServer } from '../scripts/build-server.mjs';
import { freePort, platformEnv, repoRoot, startAndWait, stop } from './lib.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const browserAgent =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const demoPassword = readFileSync(path.join(repoRoot, 'apps/server/src/seed/demo-accounts.ts'), 'utf8').match(
  /demoPassword = '([^']+)'/,
)?.[1];

/** autocannon, counting 302 answers and keeping every latency for exact percentiles. */
function measure(url) {
  return new Promise((resolve, reject) => {
    const times = [];
    let redirects = 0;
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { 'user-agent': browserAgent } },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
        resolve({
          rps: result.requests.average,
          p50: at(0.5),
          p99: at(0.99),
          redirects,
          others: result.errors + result.non2xx - redirects,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status === 302) redirects++;
    });
  });
}

/**
 * CPU seconds (user + system) used so far by the processes `accept` picks from /proc, or null
 * where there is no /proc. Less sensitive than throughput to what else the machine is doing.
 */
function cpuSeconds(accept) {
  if (!existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!accept(Number(entry), name)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

/** `measure`, with the CPU time of the server (`pid`) and of PostgreSQL's processes while it ran. */
async function measureWithCpu(url, pid) {
  const serverBefore = cpuSeconds((candidate) => candidate === pid);
  const databaseBefore = cpuSeconds((_candidate, name) => name === 'postgres');
  const result = await measure(url);
  const served = result.redirects;
  const perRequest = (before, after) =>
    before === null || after === null || served === 0 ? null : ((after - before) / served) * 1e6;
  return {
    ...result,
    serverCpuUs: perRequest(
      serverBefore,
      cpuSeconds((candidate) => candidate === pid),
    ),
    databaseCpuUs: perRequest(
      databaseBefore,
      cpuSeconds((_candidate, name) => name === 'postgres'),
    ),
  };
}

/** A fresh PostgreSQL database beside the one DATABASE_URL names, so demo data is seeded. */
async function freshPostgres(baseUrl) {
  const name = `souk_bench_redirect_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function countClicks(database, dataDir, code) {
  const query = `select count(*)::int as n from affiliation_clicks c join affiliation_links l on l.id = c.link_id where l.code = $1`;
  if (database) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(query, [code]);
    await client.end();
    return rows[0].n;
  }
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'db'), extensions: { pg_trgm } });
  const { rows } = await db.query(query, [code]);
  await db.close();
  return rows[0].n;
}

/** 302 answers of `/r/:code` the server counted (its request-duration histogram). */
async function redirectsServed(origin) {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith('http_request_duration_seconds_count{') &&
        candidate.includes('route="/r/:code"') &&
        candidate.includes('status="302"'),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

/** Signs in as the demo influencer and creates a link on a deal they are approved for. */
async function createLink(origin) {
  const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'influencer@souk.test', password: demoPassword }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const headers = { cookie, origin, 'content-type': 'application/json' };
  const requests = await (await fetch(`${origin}/api/v1/affiliation-requests?status=approved`, { headers })).json();
  const productId = requests.items[0]?.productId;
  if (!productId) throw new Error('the demo influencer has no approved affiliation');
  const created = await fetch(`${origin}/api/v1/links`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ productId, channel: 'custom', alias: `bench-${Date.now().toString(36)}` }),
  });
  if (created.status !== 201) throw new Error(`link not created: ${created.status} ${await created.text()}`);
  return created.json();
}

// The server serves the web app in the same process and refuses to start without its build.
if (!existsSync(path.join(repoRoot, 'apps/web/build/server/index.js'))) {
  console.error('The web app is not built: run `npm run build` first.');
  process.exit(1);
}
await buildServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-bench-redirect-'));
const database = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const targets = { ratio: database ? 0.3 : 0.15, p99: 10 };
let server;
let baseline;
try {
  // The baseline runs before and after the tracked run and the ratio uses their mean: on a
  // shared machine the load drifts during a run, and one baseline would carry all of that drift.
  const basePort = await freePort();
  const script = `require('node:http').createServer((q,s)=>{s.statusCode=302;s.setHeader('location','http://127.0.0.1/p/deal?souk_cid=x');s.end()}).listen(${basePort},'127.0.0.1')`;
  baseline = await startAndWait(process.execPath, ['-e', script], {
    url: `http://127.0.0.1:${basePort}/healthz-any`,
    expectStatus: 302,
  });
  const bareBefore = await measureWithCpu(`http://127.0.0.1:${basePort}/r/x`, baseline.child.pid);

  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in
  // Chrome DevTools or speedscope) to see where the redirect's time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  // BENCH_NODE_FLAGS: extra Node.js flags for the server (--trace-gc, --max-semi-space-size=...).
  const extraFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  server = await startAndWait(
    process.execPath,
    [...profile, ...extraFlags, '--enable-source-maps', 'apps/server/dist/main.js'],
    {
      env: {
        ...platformEnv({ port, origin, dataDir, databaseUrl: database?.url ?? '' }),
      },
      url: `${origin}/readyz`,
      timeoutMs: 180_000,
    },
  );
  const link = await createLink(origin);
  // Warm-up: the link cache, the user-agent cache, the JIT.
  await fetch(`${origin}/r/${link.code}`, { redirect: 'manual', headers: { 'user-agent': browserAgent } });
  const tracked = await measureWithCpu(`${origin}/r/${link.code}`, server.child.pid);
  // autocannon stops counting with requests still in flight; the server's own count of 302s
  // (Prometheus, read once those have landed) is the number to compare.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const served = await redirectsServed(origin);
  const exitCode = await stop(server.child);
  // BENCH_SERVER_OUTPUT=<file>: what the server printed (with BENCH_NODE_FLAGS=--trace-gc, its GC pauses).
  if (process.env.BENCH_SERVER_OUTPUT) writeFileSync(process.env.BENCH_SERVER_OUTPUT, server.output());
  server = undefined;
  const recorded = await countClicks(database, dataDir, link.code);
  const bareAfter = await measureWithCpu(`http://127.0.0.1:${basePort}/r/x`, baseline.child.pid);

  const row = (name, r) =>
    `${name.padEnd(26)} ${String(Math.round(r.rps)).padStart(8)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   302s ${r.redirects}   other ${r.others}${r.serverCpuUs === null ? '' : `   server CPU ${r.serverCpuUs.toFixed(1)} µs/req`}`;
  const verdict = (met) => (met ? 'target met' : 'target unmet');
  const bareRps = (bareBefore.rps + bareAfter.rps) / 2;
  const ratio = tracked.rps / bareRps;
  console.log(
    `database: ${database ? 'PostgreSQL' : 'embedded (PGlite)'}   ${connections} connections, ${seconds} s each`,
  );
  console.log(row('bare node:http 302, before', bareBefore));
  console.log(row('tracked GET /r/{code}', tracked));
  console.log(row('bare node:http 302, after', bareAfter));
  console.log(
    `ratio tracked/bare throughput: ${ratio.toFixed(3)} (bare = mean of before and after, ${Math.round(bareRps)} req/s); target >= ${targets.ratio}: ${verdict(ratio >= targets.ratio)}`,
  );
  if (tracked.serverCpuUs !== null && bareBefore.serverCpuUs !== null && bareAfter.serverCpuUs !== null) {
    // Per request, not per second: what the code costs, whatever else the machine was doing.
    const bareCpu = (bareBefore.serverCpuUs + bareAfter.serverCpuUs) / 2;
    const databaseCpu = database && tracked.databaseCpuUs !== null ? tracked.databaseCpuUs : 0;
    console.log(
      `CPU per request: tracked server ${tracked.serverCpuUs.toFixed(1)} µs${database ? ` + PostgreSQL ${databaseCpu.toFixed(1)} µs` : ' (database included)'}, bare ${bareCpu.toFixed(1)} µs; bare/tracked ${(bareCpu / (tracked.serverCpuUs + databaseCpu)).toFixed(3)}`,
    );
  }
  console.log(
    `tracked p99 ${tracked.p99.toFixed(2)} ms; target <= ${targets.p99} ms: ${verdict(tracked.p99 <= targets.p99)}`,
  );
  console.log(
    `after graceful stop (exit ${exitCode}): clicks recorded ${recorded}, 302 responses served ${served} (autocannon saw ${tracked.redirects} + 1 warm-up; the rest were in flight at its stop) -> ${recorded === served ? 'equal, zero lost' : 'MISMATCH'}; zero clicks lost: ${verdict(recorded === served)}`,
  );
  if (recorded !== served) process.exitCode = 1;
} finally {
  if (server) await stop(server.child);
  if (baseline) await stop(baseline.child);
  await database?.drop().catch((error) => console.error('could not drop the bench database:', error.message));
  rmSync(dataDir, { recursive: true, force: true });
}
