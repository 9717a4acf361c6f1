import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { serverRoot } from '../server-root.ts';
import type { DatabaseHandle } from './database.ts';

export const migrationsFolder = path.join(serverRoot(), 'drizzle');

/** Applies the generated SQL migrations; the same files run on PGlite and PostgreSQL. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: 'migrations' };
  if (handle.driver === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
    await migratePglite(handle.db as any, config);
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
    await migrateNodePg(handle.db as any, config);
  }
}
