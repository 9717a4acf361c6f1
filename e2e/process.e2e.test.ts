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
  return spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
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
  it('drains in-flight requests on SIGTERM and exits 0 within 10 s', async () => {
    const target = await startServer();
    const outcomes: string[] = [];
    const agent = { keepAlive: false };
    const fire = () =>
      new Promise<void>((resolve) => {
        const req = request(`${target.url}/healthz`, { agent: false, ...agent }, (res) => {
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
    // Keep a steady stream of requests going while the signal arrives.
    let sending = true;
    const load = (async () => {
      const inFlight: Promise<void>[] = [];
      while (sending) {
        inFlight.push(fire(), fire(), fire(), fire());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await Promise.all(inFlight);
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalledAt = Date.now();
    const code = await target.stop('SIGTERM');
    const elapsed = Date.now() - signalledAt;
    sending = false;
    await load;
    await target.dispose();
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(outcomes.filter((outcome) => outcome === '200').length).toBeGreaterThan(10);
    // After close, new connections are refused; a request already accepted is never reset.
    expect(outcomes).not.toContain('ECONNRESET');
    expect(outcomes.every((outcome) => ['200', '503', 'ECONNREFUSED'].includes(outcome))).toBe(true);
  });
});
