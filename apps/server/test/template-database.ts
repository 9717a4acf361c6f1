import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pino } from 'pino';
import { openDatabase } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { pgliteExtensions } from '../src/platform/db/pglite-extensions.ts';
import { JobRunner } from '../src/platform/jobs/job-runner.ts';

/**
 * Migrating and installing the job schema takes seconds; doing it once into a template and
 * copying that per test file takes milliseconds. Both drivers get the same treatment.
 */
export async function buildPgliteTemplate(): Promise<Uint8Array> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const handle = await openDatabase({ pglite });
  await installSchemas(handle);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  return new Uint8Array(await dump.arrayBuffer());
}

export async function restorePglite(template: Uint8Array): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([template]), extensions: pgliteExtensions });
}

export async function buildPostgresTemplate(adminUrl: string, templateName: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists "${templateName}" with (force)`);
    await client.query(`create database "${templateName}"`);
  });
  const handle = await openDatabase({ databaseUrl: withDatabase(adminUrl, templateName), poolSize: 2 });
  try {
    await installSchemas(handle);
  } finally {
    await handle.close();
  }
}

export async function createPostgresFromTemplate(adminUrl: string, templateName: string): Promise<string> {
  const name = `souk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}" template "${templateName}"`));
  return withDatabase(adminUrl, name);
}

export async function dropPostgresDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}

async function installSchemas(handle: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  await runMigrations(handle);
  const jobs = new JobRunner(handle, { work: false, logger: pino({ level: 'silent' }) });
  await jobs.start([]);
  await jobs.stop(1000);
}

async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
