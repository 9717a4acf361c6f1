// Social publishing scheduler: 1,000 sandbox posts due in the same minute, on the embedded
// database. The server is bundled and started with demo data; the demo influencer connects 20
// sandbox accounts through the real OAuth flow (50 posts each, under the sandbox's daily quota)
// and schedules the posts for one moment. Once all are out (or the time is up) the server stops
// and the data directory is read: lateness (published_at - due time) p50/p99/max, throughput
// and duplicates (sandbox publications per target, must be 1). Baseline in the same run: bare
// pg-boss throughput on a fresh PGlite (no-op jobs, same batch size and workers), with a ratio.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fromPglite, PgBoss } from 'pg-boss';
import { buildServer } from '../scripts/build-server.mjs';
import { freePort, platformEnv, repoRoot, startAndWait, stop } from './lib.mjs';

const totalPosts = Number(process.env.BENCH_POSTS ?? 1000);
const accountCount = Number(process.env.BENCH_ACCOUNTS ?? 20);
/** The publish queue's policy in the server (module.ts): the baseline uses the same. */
const batchSize = 20;
const workers = 4;
/** Fetch again at once while fetches come back full (the publish queue's `burst`). */
const burstWhenBatchFull = true;
const demoPassword = readFileSync(path.join(repoRoot, 'apps/server/src/seed/demo-accounts.ts'), 'utf8').match(
  /demoPassword = '([^']+)'/,
)?.[1];

async function signIn(origin) {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'influencer@souk.test', password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { cookie, origin, 'content-type': 'application/json' };
}

/** Start, consent form, callback: as a browser connects a sandbox account. */
async function connectSandbox(origin, headers, handle) {
  const started = await fetch(`${origin}/api/v1/social/connections`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ provider: 'sandbox' }),
  });
  if (started.status !== 201) throw new Error(`connection refused: ${await started.text()}`);
  const authorize = new URL((await started.json()).authorizationUrl);
  const form = new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), handle, decision: 'allow' });
  const consent = await fetch(`${origin}/sandbox/social/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const callback = consent.headers.get('location');
  const back = await fetch(callback, { headers: { cookie: headers.cookie }, redirect: 'manual' });
  if (!back.headers.get('location')?.includes('connected=sandbox'))
    throw new Error(`callback: ${back.headers.get('location')}`);
}

async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Bare pg-boss on PGlite: `count` no-op jobs sent at once, worked with the same policy. */
async function bareQueueThroughput(count) {
  const db = await PGlite.create();
  const boss = new PgBoss({
    db: fromPglite(db),
    backend: 'pglite',
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.createQueue('bench', { retryLimit: 0 });
  await boss.insert(
    'bench',
    Array.from({ length: count }, (_, index) => ({ data: { index } })),
  );
  let done = 0;
  const startedAt = performance.now();
  await new Promise((resolve) => {
    const policy = { batchSize, localConcurrency: workers, pollingIntervalSeconds: 0.5, burstWhenBatchFull };
    boss.work('bench', policy, async (jobs) => {
      done += jobs.length;
      if (done >= count) resolve();
    });
  });
  const seconds = (performance.now() - startedAt) / 1000;
  await boss.stop({ graceful: false, close: true });
  await db.close();
  return count / seconds;
}

if (!existsSync(path.join(repoRoot, 'apps/web/build/server/index.js'))) {
  console.error('The web app is not built: run `npm run build` first.');
  process.exit(1);
}
await buildServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-bench-scheduler-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let server;
try {
  server = await startAndWait(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    env: {
      ...platformEnv({ port, origin, dataDir, databaseUrl: '' }),
      SOCIAL_TOKEN_KEYS: `bench:${Buffer.alloc(32, 9).toString('base64')}`,
    },
    url: `${origin}/readyz`,
    timeoutMs: 180_000,
  });
  const headers = await signIn(origin);
  const run = Date.now().toString(36);
  for (let index = 0; index < accountCount; index++) await connectSandbox(origin, headers, `bench_${run}_${index}`);
  const accounts = (await (await fetch(`${origin}/api/v1/social/accounts`, { headers })).json()).items.filter(
    (account) => account.handle.startsWith(`bench_${run}_`),
  );

  // Creating 1,000 posts takes a while on the embedded database: the due time leaves room for it.
  const createdAt = Date.now();
  const dueAt = new Date(
    Math.ceil((createdAt + Number(process.env.BENCH_LEAD_SECONDS ?? 240) * 1000) / 60_000) * 60_000,
  );
  const postIds = [];
  await pool(
    Array.from({ length: totalPosts }, (_, index) => index),
    6,
    async (index) => {
      const account = accounts[index % accounts.length];
      const response = await fetch(`${origin}/api/v1/social/posts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          targets: [{ accountId: account.id, caption: `Bench post ${index} #souk`, options: {} }],
          mode: 'schedule',
          scheduledAt: dueAt.toISOString(),
        }),
      });
      if (response.status !== 201) throw new Error(`post ${index}: ${response.status} ${await response.text()}`);
      postIds.push((await response.json()).id);
    },
  );
  const creationSeconds = (Date.now() - createdAt) / 1000;
  if (Date.now() >= dueAt.getTime())
    throw new Error(`creating the posts took ${creationSeconds} s, past the due time: raise BENCH_LEAD_SECONDS`);
  console.log(
    `${totalPosts} posts on ${accounts.length} sandbox accounts created in ${creationSeconds.toFixed(1)} s, due at ${dueAt.toISOString()}`,
  );

  // Wait for the due time, then until nothing is left scheduled or publishing (at most 3 minutes).
  await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (server.child.exitCode !== null) throw new Error(`the server stopped:\n${server.output().slice(-4000)}`);
    let waiting = 0;
    try {
      for (const status of ['scheduled', 'publishing']) {
        const page = await (
          await fetch(`${origin}/api/v1/social/posts?status=${status}&limit=500`, { headers })
        ).json();
        waiting += page.items.filter((item) => postIds.includes(item.id)).length;
      }
    } catch (error) {
      // A busy server may drop a poll: ask again at the next round.
      console.error(`poll failed: ${error.message}`);
      continue;
    }
    if (waiting === 0) break;
  }
  await stop(server.child);
  server = undefined;

  const db = await PGlite.create({ dataDir: path.join(dataDir, 'db'), extensions: { pg_trgm } });
  const ids = postIds.map((id) => `'${id}'`).join(',');
  const { rows: targets } = await db.query(
    `select t.id, t.status, extract(epoch from (t.published_at - $1::timestamptz)) * 1000 as late_ms, t.published_at
       from social_targets t where t.post_id in (${ids})`,
    [dueAt.toISOString()],
  );
  const { rows: copies } = await db.query(
    `select count(*)::int as n from (select client_ref from social_sandbox_posts
       where status = 'published' and client_ref in (select id::text from social_targets where post_id in (${ids}))
       group by client_ref having count(*) > 1) d`,
  );
  await db.close();

  const published = targets.filter((row) => row.status === 'published');
  const lateness = published.map((row) => Number(row.late_ms)).sort((a, b) => a - b);
  const last = Math.max(...published.map((row) => new Date(row.published_at).getTime()));
  const spanSeconds = (last - dueAt.getTime()) / 1000;
  const throughput = published.length / Math.max(spanSeconds, 0.001);
  const bare = await bareQueueThroughput(totalPosts);
  const within60 = lateness.filter((ms) => ms <= 60_000).length;
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log('database: embedded (PGlite); shared machine figures, compare the ratio');
  const others = {};
  for (const row of targets) if (row.status !== 'published') others[row.status] = (others[row.status] ?? 0) + 1;
  console.log(`published ${published.length}/${targets.length}   other statuses: ${JSON.stringify(others)}`);
  console.log(
    `lateness   p50 ${seconds(percentile(lateness, 0.5))}   p99 ${seconds(percentile(lateness, 0.99))}   max ${seconds(lateness.at(-1) ?? Number.NaN)}   within 60 s: ${within60}/${targets.length}`,
  );
  console.log(`throughput ${throughput.toFixed(1)} posts/s (due time -> last publication ${spanSeconds.toFixed(1)} s)`);
  console.log(
    `baseline   bare pg-boss on PGlite, no-op jobs: ${bare.toFixed(1)} jobs/s   ratio publish/bare: ${(throughput / bare).toFixed(2)}`,
  );
  console.log(`duplicates ${copies[0].n} targets published more than once`);
  const ok = within60 === targets.length && percentile(lateness, 0.5) <= 5000 && copies[0].n === 0;
  console.log(ok ? 'targets met: every post within 60 s, p50 <= 5 s, zero duplicates' : 'TARGETS MISSED');
  if (!ok) process.exitCode = 1;
} catch (error) {
  if (server) console.error(server.output().slice(-4000));
  throw error;
} finally {
  if (server) await stop(server.child);
  rmSync(dataDir, { recursive: true, force: true });
}
