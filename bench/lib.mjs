import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a command and resolves once `url` answers `expectStatus` (200), with the elapsed milliseconds. */
export async function startAndWait(command, args, { env = {}, url, timeoutMs = 90_000, expectStatus = 200 }) {
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status === expectStatus)
        return { child, elapsedMs: performance.now() - startedAt, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`not ready within ${timeoutMs} ms:\n${output}`);
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The environment a benchmark starts the built platform with: production mode, demo data, no limits in the way. */
export function platformEnv({ port, origin, dataDir, databaseUrl = '' }) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SEED_DEMO_DATA: 'true',
    PUBLIC_URL: origin,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    RATE_LIMIT_PER_MINUTE: '100000000',
    // Production refuses to start without a KYC key; this one only protects the bench's demo scans.
    KYC_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
    KYC_ENCRYPTION_KEY_ID: 'bench',
  };
}
