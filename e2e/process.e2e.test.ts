import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type ServerProcess, startServer } from './server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the server process', () => {
  it('prints the URL and the demo accounts when it starts', () => {
    expect(server.output()).toContain(server.url);
    for (const email of ['admin@souk.test', 'merchant@souk.test', 'influencer2@souk.test']) {
      expect(server.output()).toContain(email);
    }
  });

  it('refuses a second instance on the same data directory, fast and clearly', () => {
    const started = Date.now();
    const second = runMain({ DATA_DIR: server.dataDir, PORT: '0' });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain('already used by another Souk process');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops at boot with the list of bad configuration values', () => {
    const result = runMain({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });

  it('exits non-zero with a clear error when the database is unreachable', () => {
    const result = runMain({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot reach the database');
  });
});

describe('graceful shutdown', () => {
  it('answers every request under load across SIGTERM and exits 0 within 10 s', async () => {
    const target = await startServer();
    const outcomes: string[] = [];
    const fire = () =>
      new Promise<void>((resolve) => {
        const req = request(`${target.url}/healthz`, { agent: false }, (res) => {
          res.resume();
          res.on('end', () => {
            outcomes.push(String(res.statusCode));
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          outcomes.push(error.code ?? 'error');
          resolve();
        });
        req.end();
      });
    // A steady stream of requests that goes on for a while after the signal (inside the drain
    // window): every one of them must be answered, none reset.
    let sending = true;
    const inFlight: Promise<void>[] = [];
    const load = (async () => {
      while (sending) {
        inFlight.push(fire(), fire(), fire(), fire());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await Promise.all(inFlight);
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalledAt = Date.now();
    const exited = target.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    sending = false;
    await load;
    const code = await exited;
    const elapsed = Date.now() - signalledAt;
    await target.dispose();
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((outcome) => outcome !== '200')).toEqual([]);
  });
});
