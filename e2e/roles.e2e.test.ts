import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './server-process.ts';

/**
 * Scale-out shape: a worker node (jobs and cron, no HTTP) and a web node (HTTP, no jobs) on one
 * PostgreSQL database. PGlite is one process per directory, so this runs on PostgreSQL only.
 */
const adminUrl = process.env.DATABASE_URL;
const databaseName = `souk_e2e_roles_${process.pid}`;
const databaseUrl = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString() : '';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForOutput(server: ServerProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.output().includes(text)) return;
    if (server.child.exitCode !== null) throw new Error(`exited:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${text}" not seen:\n${server.output()}`);
}

describe.skipIf(!adminUrl)('web and worker roles on one PostgreSQL', () => {
  let worker: ServerProcess;
  let web: ServerProcess;

  beforeAll(async () => {
    await admin(`drop database if exists "${databaseName}" with (force)`);
    await admin(`create database "${databaseName}"`);
    worker = await startServer({
      env: { DATABASE_URL: databaseUrl, ROLE: 'worker', SEED_DEMO_DATA: 'true' },
      waitForReady: false,
    });
    await waitForOutput(worker, 'Souk is running (worker role');
    web = await startServer({ env: { DATABASE_URL: databaseUrl, ROLE: 'web', SEED_DEMO_DATA: 'true' } });
  });

  afterAll(async () => {
    await web?.dispose();
    await worker?.dispose();
    if (adminUrl) await admin(`drop database if exists "${databaseName}" with (force)`);
  });

  it('the worker serves no HTTP', async () => {
    await expect(fetch(`${worker.url}/healthz`)).rejects.toThrow();
  });

  it('the web node serves the app while the worker delivers the mail the seed queued', async () => {
    const signIn = await fetch(`${web.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web.url },
      body: JSON.stringify({ email: 'admin@souk.test', password: 'souk-demo-2026' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const deadline = Date.now() + 20_000;
    let statuses: string[] = [];
    while (Date.now() < deadline) {
      const list = await fetch(`${web.url}/api/v1/admin/mail-messages`, { headers: { cookie } });
      expect(list.status).toBe(200);
      statuses = ((await list.json()) as { items: { status: string }[] }).items.map((item) => item.status);
      if (statuses.length > 0 && statuses.every((status) => status === 'stored')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // One welcome mail per demo account at least; KYC decisions of the seed add theirs.
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(new Set(statuses)).toEqual(new Set(['stored']));
  });

  it('the web node runs no job handlers', async () => {
    const metrics = await (await fetch(`${web.url}/metrics`)).text();
    expect(metrics).toContain('job_queue_depth');
    expect(metrics).not.toMatch(/^jobs_processed_total\{/m);
  });
});
