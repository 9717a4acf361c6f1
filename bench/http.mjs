// HTTP overhead of the platform: /healthz through every platform hook (request id, locale,
// access rule, rate limit, metrics, security headers) against a bare node:http JSON
// handler, both measured with autocannon in the same run on loopback, bounded in time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, startAndWait, stop } from './lib.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

function measure(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-bench-http-'));
const basePort = await freePort();
const script = `require('node:http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end('{"status":"ok"}')}).listen(${basePort},'127.0.0.1')`;
const baseline = await startAndWait(process.execPath, ['-e', script], { url: `http://127.0.0.1:${basePort}/` });
const soukPort = await freePort();
const souk = await startAndWait(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
  env: {
    PORT: String(soukPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    RATE_LIMIT_PER_MINUTE: '100000000',
  },
  url: `http://127.0.0.1:${soukPort}/readyz`,
});
try {
  const base = await measure(`http://127.0.0.1:${basePort}/`);
  const platform = await measure(`http://127.0.0.1:${soukPort}/healthz`);
  const row = (name, r) =>
    `${name.padEnd(28)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p99 ${r.latency.p99} ms   errors ${r.errors + r.non2xx}`;
  console.log(row('baseline node:http', base));
  console.log(row('souk /healthz (all hooks)', platform));
  console.log(`ratio souk/baseline throughput: ${(platform.requests.average / base.requests.average).toFixed(2)}`);
} finally {
  await stop(souk.child);
  await stop(baseline.child);
  rmSync(dataDir, { recursive: true, force: true });
}
