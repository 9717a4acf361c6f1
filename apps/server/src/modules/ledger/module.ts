import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { financeRoutes } from './finance-routes.ts';
import { LedgerService } from './ledger-service.ts';

export type { LedgerEntryInput, LedgerPostInput, LedgerPostResult } from './ledger-service.ts';
export { LedgerPostingError } from './ledger-service.ts';

export interface LedgerModule {
  ledger: LedgerService;
  routes: FastifyPluginAsync;
}

export interface LedgerModuleDeps {
  db: Database;
}

/** The double-entry ledger every money movement is posted to, and the admin finance reports. */
export function createLedgerModule(deps: LedgerModuleDeps): LedgerModule {
  const ledger = new LedgerService(deps.db);
  return {
    ledger,
    routes: financeRoutes({ db: deps.db, ledger }),
  };
}
