import { problemSchema } from '@souk/contracts/errors';
import {
  adminInvoiceListQuerySchema,
  invoiceListQuerySchema,
  invoiceListSchema,
  invoiceSchema,
} from '@souk/contracts/invoicing';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { requireViewer, type Viewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { listInvoices } from './invoice-queries.ts';
import { type InvoiceRecord, loadInvoice, viewOf } from './invoice-records.ts';
import type { TeamDirectory } from './ports.ts';
import { problem } from './problems.ts';

const idParams = z.object({ id: z.uuid() });

export interface InvoiceRouteDeps {
  db: Database;
  files: FileStore;
  teams: TeamDirectory;
}

/** Buyers read their invoices (a person's own, or their team's); admins read every one. */
export function invoiceRoutes(deps: InvoiceRouteDeps): FastifyPluginAsync {
  /** The document, for its buyer or an admin; anyone else is told it does not exist. */
  async function readable(id: string, viewer: Viewer): Promise<InvoiceRecord> {
    const record = await loadInvoice(deps.db, id);
    if (!record) throw new AppError('not_found');
    if (viewer.role === 'admin') return record;
    const { buyerKind, buyerId } = record.document;
    if (buyerKind === 'user' && buyerId === viewer.userId) return record;
    if (buyerKind === 'organization') {
      const memberships = await deps.teams.membershipsOf(viewer.userId);
      if (memberships.some((membership) => membership.teamId === buyerId)) return record;
    }
    throw new AppError('not_found');
  }

  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const user = { access: 'user' as const };

    app.get(
      '/invoices',
      {
        config: user,
        schema: {
          tags: ['invoices'],
          summary: 'Your invoices and credit notes, or those of a team you belong to (?organizationId=)',
          querystring: invoiceListQuerySchema,
          response: { 200: invoiceListSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { organizationId, ...filter } = request.query;
        if (organizationId) {
          // Every member of the team sees what the team is billed.
          await deps.teams.requireRole(viewer.userId, organizationId, 'analyst');
          return listInvoices(deps.db, { ...filter, buyer: { kind: 'organization', id: organizationId } });
        }
        return listInvoices(deps.db, { ...filter, buyer: { kind: 'user', id: viewer.userId } });
      },
    );

    app.get(
      '/invoices/:id',
      {
        config: user,
        schema: {
          tags: ['invoices'],
          summary: 'One invoice or credit note: mentions, lines, totals, payment',
          params: idParams,
          response: { 200: invoiceSchema, 404: problemSchema },
        },
      },
      async (request) => viewOf(await readable(request.params.id, requireViewer(request))),
    );

    app.get(
      '/invoices/:id/pdf',
      {
        config: user,
        schema: {
          tags: ['invoices'],
          summary: 'The stored PDF of an invoice or credit note (the one that was mailed)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const record = await readable(request.params.id, requireViewer(request));
        const { document } = record;
        const file = document.pdfKey && document.pdfStoredAt ? await deps.files.get(document.pdfKey) : null;
        if (!file) throw problem('conflict', 'invoice_pdf_not_ready', request.locale);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `inline; filename="${document.number}.pdf"`)
          .send(file);
      },
    );

    app.get(
      '/admin/invoices',
      {
        config: { access: 'admin' as const },
        schema: {
          tags: ['admin'],
          summary: 'Every invoice and credit note, newest first',
          querystring: adminInvoiceListQuerySchema,
          response: { 200: invoiceListSchema },
        },
      },
      async (request) => listInvoices(deps.db, request.query),
    );
  };
}
