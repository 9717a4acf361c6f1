// Boot time: from process start to /readyz 200 on an existing embedded data directory.
// Baseline, same run: a bare node:http server started the same way (process + module load).
// Target (platform issue): under 5 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, median, startAndWait, stop } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-bench-boot-'));
const souk = async () => {
  const port = await freePort();
  return startAndWait(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    url: `http://127.0.0.1:${port}/readyz`,
  });
};
const bare = async () => {
  const port = await freePort();
  const script = `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`;
  return startAndWait(process.execPath, ['-e', script], { url: `http://127.0.0.1:${port}/` });
};

try {
  // First start creates, migrates and seeds the data directory; it is not what we measure.
  const first = await souk();
  console.log(`first start (fresh data dir, migrations + demo data): ${(first.elapsedMs / 1000).toFixed(2)} s`);
  await stop(first.child);

  const soukTimes = [];
  const bareTimes = [];
  for (let i = 0; i < runs; i++) {
    const baseline = await bare();
    bareTimes.push(baseline.elapsedMs);
    await stop(baseline.child);
    const run = await souk();
    soukTimes.push(run.elapsedMs);
    await stop(run.child);
  }
  const soukMedian = median(soukTimes);
  const bareMedian = median(bareTimes);
  console.log(`baseline bare node:http to first 200: ${bareMedian.toFixed(0)} ms (median of ${runs})`);
  console.log(`souk to /readyz 200 on existing data dir: ${soukMedian.toFixed(0)} ms (median of ${runs})`);
  console.log(
    `ratio souk/baseline: ${(soukMedian / bareMedian).toFixed(1)}x; target < 5000 ms: ${soukMedian < 5000 ? 'met' : 'NOT met'}`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
