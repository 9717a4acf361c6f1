import { Readable } from 'node:stream';
import { financeRangeQuerySchema, financeSummarySchema, ledgerCheckSchema } from '@souk/contracts/ledger';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import { financeRange, financeSummary, journalCsv } from './finance-reports.ts';
import type { LedgerService } from './ledger-service.ts';

/** The platform's books, for admins: revenue, VAT and fees by month, the journal, the balance proof. */
export function financeRoutes(deps: { db: Database; ledger: LedgerService }): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const admin = { access: 'admin' as const };

    app.get(
      '/admin/finance/summary',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary: 'Platform revenue (excl. VAT), VAT collected and gateway fees, by month and currency',
          querystring: financeRangeQuerySchema,
          response: { 200: financeSummarySchema },
        },
      },
      async (request) => financeSummary(deps.db, financeRange(request.query)),
    );

    app.get(
      '/admin/finance/journal.csv',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary:
            'The accounting journal as CSV: one line per ledger entry (date, transaction, account, debit, credit)',
          querystring: financeRangeQuerySchema,
        },
      },
      async (request, reply) => {
        const range = financeRange(request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="souk-journal-${range.from}-${range.to}.csv"`)
          .send(Readable.from(journalCsv(deps.db, range)));
      },
    );

    app.get(
      '/admin/ledger/check',
      {
        config: admin,
        schema: {
          tags: ['admin'],
          summary: 'The balance proof: every transaction sums to zero per currency, every balance matches its entries',
          response: { 200: ledgerCheckSchema },
        },
      },
      async () => deps.ledger.check(),
    );
  };
}
