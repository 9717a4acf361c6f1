import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { pgliteExtensions } from './pglite-extensions.ts';

/**
 * Modules use the query builder only (no relational `db.query`), so the database type carries no
 * schema generic and modules never need to import each other's tables to type a handle.
 */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  readonly driver: DatabaseDriver;
  readonly db: Database;
  /** Set for the embedded driver: pg-boss runs on the same in-process connection. */
  readonly pglite?: PGlite;
  /** Set for PostgreSQL: the connection string pg-boss opens its own pool with. */
  readonly connectionString?: string;
  /**
   * Runs one fixed statement with positional parameters (`$1`...), bypassing the query builder.
   * On PostgreSQL it is prepared once per connection under `statement.name` (never parsed or
   * planned again). For the hottest writes only: everything else uses `db`.
   */
  runPrepared(statement: PreparedStatement, params: unknown[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A statement `runPrepared` can run: its name must be unique to its text. */
export interface PreparedStatement {
  name: string;
  text: string;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; ignored with `databaseUrl`. */
  dataDir?: string;
  poolSize?: number;
  /** An already-open PGlite (tests restore one from a migrated template). */
  pglite?: PGlite;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (options.pglite) return wrapPglite(options.pglite, undefined);
  if (!options.dataDir) throw new Error('openDatabase needs databaseUrl, dataDir or pglite');
  return openEmbedded(options.dataDir);
}

async function openPostgres(connectionString: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000 });
  // Fail at boot, with the driver's own message, rather than on the first request.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(redact(connectionString), error);
  });
  client.release();
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it and /readyz reports the outage.
  });
  const db = drizzleNodePg({ client: pool }) as unknown as Database;
  let closed = false;
  return {
    driver: 'postgres',
    db,
    connectionString,
    async runPrepared(statement, params) {
      await pool.query({ name: statement.name, text: statement.text, values: params });
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const absolute = path.resolve(dataDir);
  // PGlite does not create parent directories itself.
  mkdirSync(absolute, { recursive: true });
  const lock = acquireDataDirLock(absolute);
  try {
    const pglite = await PGlite.create({ dataDir: path.join(absolute, 'db'), extensions: pgliteExtensions });
    return wrapPglite(pglite, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function wrapPglite(pglite: PGlite, lock: DataDirLock | undefined): DatabaseHandle {
  const db = drizzlePglite({ client: pglite }) as unknown as Database;
  let closed = false;
  return {
    driver: 'pglite',
    db,
    pglite,
    async runPrepared(statement, params) {
      await pglite.query(statement.text, params);
    },
    async ping() {
      if (closed || pglite.closed) throw new Error('embedded database is closed');
      await pglite.query('select 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export class DatabaseUnreachableError extends Error {
  constructor(target: string, cause: unknown) {
    super(`Cannot reach the database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'DatabaseUnreachableError';
  }
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
