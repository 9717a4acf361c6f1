import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { InvoiceDelivery } from './invoice-delivery.ts';
import { InvoiceIssuer } from './invoice-issuer.ts';
import { invoiceRoutes } from './invoice-routes.ts';
import type { Mailer, TeamDirectory } from './ports.ts';
import type { InvoiceSellerSnapshot } from './schema.ts';

export type { InvoiceLineInput, InvoiceTotals, IssuedInvoice, IssueInvoiceInput } from './invoice-issuer.ts';
export { invoiceTotals } from './invoice-issuer.ts';

export interface InvoicingModule {
  invoices: InvoiceIssuer;
  delivery: InvoiceDelivery;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

export interface InvoicingModuleDeps {
  db: Database;
  queue: Pick<JobQueue, 'enqueue'>;
  files: FileStore;
  mail: Mailer;
  teams: TeamDirectory;
  publicUrl: string;
  seller: InvoiceSellerSnapshot;
}

/** Invoices and credit notes: numbered in the issuing transaction, then rendered, stored and mailed once. */
export function createInvoicingModule(deps: InvoicingModuleDeps): InvoicingModule {
  const seller = Object.freeze({ ...deps.seller });
  const invoices = new InvoiceIssuer({ queue: deps.queue, seller: () => ({ ...seller }) });
  const delivery = new InvoiceDelivery({ db: deps.db, files: deps.files, mail: deps.mail, publicUrl: deps.publicUrl });
  return {
    invoices,
    delivery,
    jobs: [
      defineJob({
        queue: QueueName.InvoicingDeliver,
        retryLimit: 8,
        retryDelaySeconds: 30,
        retryBackoff: true,
        async handle(payload) {
          await delivery.deliver(payload.invoiceId);
        },
      }),
    ],
    routes: invoiceRoutes({ db: deps.db, files: deps.files, teams: deps.teams }),
  };
}
