import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { invoicingDocuments } from './schema.ts';

/**
 * Whether a buyer has paid an invoice of some kinds yet (published by invoicing): the merchant
 * referral reward waits for the referred merchant's first paid subscription invoice.
 */
export class PaidInvoiceDirectory {
  constructor(private readonly db: Database) {}

  async hasPaid(
    buyer: { kind: 'organization' | 'user'; id: string },
    sourceKinds: readonly string[],
  ): Promise<boolean> {
    const [row] = await this.db
      .select({ id: invoicingDocuments.id })
      .from(invoicingDocuments)
      .where(
        and(
          eq(invoicingDocuments.type, 'invoice'),
          eq(invoicingDocuments.buyerKind, buyer.kind),
          eq(invoicingDocuments.buyerId, buyer.id),
          eq(invoicingDocuments.status, 'paid'),
          inArray(invoicingDocuments.sourceKind, [...sourceKinds]),
        ),
      )
      .limit(1);
    return Boolean(row);
  }
}
