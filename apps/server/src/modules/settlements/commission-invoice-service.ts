import type { Locale } from '@souk/contracts/locales';
import type { PaymentStart } from '@souk/contracts/payments';
import { findPlan } from '@souk/contracts/plans';
import type { CommissionInvoice } from '@souk/contracts/settlements';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { lookbackDays, periodBounds, shareOf } from './period.ts';
import type {
  CardPayments,
  CommissionFacts,
  InvoicePort,
  LedgerPort,
  PeopleDirectory,
  PlanPort,
  TeamDirectory,
} from './ports.ts';
import { settlementPostings } from './postings.ts';
import { refused } from './problems.ts';
import { commissionInvoiceItems, commissionInvoices } from './schema.ts';

const vatRateBps = 2000;
/** Card payment references of commission invoices: `CI-<invoice id>`. */
const cardPrefix = 'CI';

export type CommissionInvoiceRow = typeof commissionInvoices.$inferSelect;

/**
 * The monthly invoice of what a merchant owes for sales it reported itself (API, pixel): the
 * approved commissions plus the plan's platform fee on those sales, VAT on top, due by card or
 * bank transfer. One invoice per merchant, month and currency; each commission on one invoice.
 */
export class CommissionInvoiceService {
  constructor(
    private readonly deps: {
      db: Database;
      commissions: CommissionFacts;
      ledger: LedgerPort;
      invoices: InvoicePort | null;
      plans: PlanPort;
      teams: TeamDirectory;
      people: PeopleDirectory;
      cards: CardPayments | null;
      publicUrl: string;
      dueDays: number;
    },
  ) {}

  async run(period: string, locale: Locale, now = new Date()): Promise<{ created: CommissionInvoiceRow[] }> {
    const { end } = periodBounds(period);
    if (end.getTime() > now.getTime()) throw refused(locale, 'conflict', 'period_not_closed');
    const since = new Date(end.getTime() - lookbackDays * 86_400_000);
    const candidates = await this.deps.commissions.approvedOnReportedSales(this.deps.db, { cutoff: end, since });
    const groups = new Map<string, typeof candidates>();
    for (const commission of candidates) {
      const key = `${commission.organizationId}\u0000${commission.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), commission]);
    }
    const created: CommissionInvoiceRow[] = [];
    for (const [key, group] of groups) {
      const [organizationId, currency] = key.split('\u0000') as [string, string];
      const row = await this.invoiceOne(period, organizationId, currency, group, now);
      if (row) created.push(row);
    }
    return { created };
  }

  private async invoiceOne(
    period: string,
    organizationId: string,
    currency: string,
    candidates: Awaited<ReturnType<CommissionFacts['approvedOnReportedSales']>>,
    now: Date,
  ): Promise<CommissionInvoiceRow | null> {
    let plan = findPlan('free');
    try {
      plan = await this.deps.plans.planOf(organizationId);
    } catch {}
    const name = (await this.deps.teams.namesOf([organizationId])).get(organizationId) ?? organizationId;
    const [managerId] = await this.deps.teams.managerIdsOf(organizationId);
    const contact = managerId ? await this.deps.people.getContact(managerId) : null;
    return this.deps.db.transaction(async (tx) => {
      const taken = await tx
        .select({ commissionId: commissionInvoiceItems.commissionId })
        .from(commissionInvoiceItems)
        .where(
          inArray(
            commissionInvoiceItems.commissionId,
            candidates.map((candidate) => candidate.id),
          ),
        );
      const takenIds = new Set(taken.map((row) => row.commissionId));
      const items = candidates.filter((candidate) => !takenIds.has(candidate.id));
      if (items.length === 0) return null;
      const sales = items.reduce((total, item) => total + item.saleMinor, 0);
      const commissions = items.reduce((total, item) => total + item.amountMinor, 0);
      const fee = shareOf(sales, plan.platformFeeBps);
      const dueAt = new Date(now.getTime() + this.deps.dueDays * 86_400_000);
      const [invoice] = await tx
        .insert(commissionInvoices)
        .values({
          organizationId,
          period,
          currency,
          salesMinor: sales,
          commissionsMinor: commissions,
          feeMinor: fee,
          feeBps: plan.platformFeeBps,
          totalMinor: 0,
          conversionCount: items.length,
          dueAt,
        })
        .onConflictDoNothing()
        .returning();
      if (!invoice) return null;
      await tx.insert(commissionInvoiceItems).values(
        items.map((item) => ({
          commissionId: item.id,
          invoiceId: invoice.id,
          conversionId: item.conversionId,
          orderRef: item.orderRef,
          saleMinor: item.saleMinor,
          commissionMinor: item.amountMinor,
        })),
      );
      const lines = [
        {
          description: `Affiliate commissions ${period}: ${items.length} reported sale(s)`,
          quantity: 1,
          unitAmountMinor: commissions,
        },
      ];
      if (fee > 0) {
        lines.push({
          description: `Souk platform fee ${period} (${(plan.platformFeeBps / 100).toFixed(2)} % of reported sales)`,
          quantity: 1,
          unitAmountMinor: fee,
        });
      }
      const payUrl = `${this.deps.publicUrl}/merchant/settlements?team=${encodeURIComponent(organizationId)}&invoice=${invoice.id}`;
      const excl = commissions + fee;
      const issued = this.deps.invoices
        ? await this.deps.invoices.issue(tx, {
            type: 'invoice',
            source: { kind: 'commission_invoice', id: invoice.id },
            buyer: {
              kind: 'organization',
              id: organizationId,
              name,
              email: contact?.email ?? '',
              locale: contact?.locale ?? 'fr',
            },
            lines,
            currency,
            paymentMethod: 'bank_transfer',
            status: 'due',
            dueAt,
            payUrl,
          })
        : { id: null, number: null, totalMinor: excl + shareOf(excl, vatRateBps) };
      const [updated] = await tx
        .update(commissionInvoices)
        .set({ invoiceId: issued.id, invoiceNumber: issued.number, totalMinor: issued.totalMinor })
        .where(eq(commissionInvoices.id, invoice.id))
        .returning();
      const row = updated as CommissionInvoiceRow;
      await settlementPostings.commissionInvoiced(this.deps.ledger, tx, {
        id: row.id,
        organizationId,
        currency,
        feeMinor: fee,
        vatMinor: issued.totalMinor - commissions - fee,
      });
      return row;
    });
  }

  /** Paid by bank transfer (admin) or by card (the gateway's confirmation); once only. */
  async markPaid(
    id: string,
    input: { method: 'card' | 'bank_transfer'; bankReference?: string | undefined },
    locale: Locale,
  ): Promise<CommissionInvoiceRow> {
    return this.deps.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(commissionInvoices)
        .set({ status: 'paid', paidAt: now, paymentMethod: input.method, bankReference: input.bankReference ?? null })
        .where(and(eq(commissionInvoices.id, id), eq(commissionInvoices.status, 'due')))
        .returning();
      if (!row) {
        const [existing] = await tx.select().from(commissionInvoices).where(eq(commissionInvoices.id, id));
        if (!existing) throw new AppError('not_found');
        throw refused(locale, 'conflict', 'invoice_already_paid');
      }
      if (this.deps.invoices && row.invoiceId) {
        await this.deps.invoices.markPaid(tx, row.invoiceId, {
          paymentMethod: input.method === 'card' ? 'card' : 'bank_transfer',
          paidAt: now,
        });
      }
      await settlementPostings.commissionInvoicePaid(this.deps.ledger, tx, row, input.method, now);
      return row;
    });
  }

  /** A card payment page for a due invoice; its reference names the invoice. */
  async startCardPayment(
    row: CommissionInvoiceRow,
    payer: { name: string; email: string },
    locale: Locale,
  ): Promise<PaymentStart> {
    if (row.status !== 'due') throw refused(locale, 'conflict', 'invoice_already_paid');
    const start = this.deps.cards
      ? await this.deps.cards.start({
          reference: `${cardPrefix}-${row.id}`,
          amountMinor: row.totalMinor,
          currency: row.currency as 'MAD',
          description: `Souk ${row.invoiceNumber ?? row.period}`,
          locale,
          payer,
        })
      : null;
    if (!start) throw refused(locale, 'conflict', 'card_payment_unavailable');
    return start;
  }

  /**
   * The gateway's verified word on a card payment: the amount and currency must be the
   * invoice's; paid once (a repeat is a duplicate), a decline changes nothing.
   */
  async applyCardPayment(
    reference: string,
    notification: { outcome: string; amountMinor: number | null; currency: string | null },
  ): Promise<'paid' | 'duplicate' | 'declined' | 'rejected'> {
    const id = reference.slice(cardPrefix.length + 1);
    if (!/^[0-9a-f-]{36}$/.test(id)) return 'rejected';
    const row = await this.find(id);
    if (!row) return 'rejected';
    if (notification.outcome !== 'approved') return notification.outcome === 'declined' ? 'declined' : 'rejected';
    if (
      notification.amountMinor !== row.totalMinor ||
      (notification.currency && notification.currency !== row.currency)
    ) {
      return 'rejected';
    }
    if (row.status === 'paid') return 'duplicate';
    try {
      await this.markPaid(id, { method: 'card' }, 'fr');
      return 'paid';
    } catch {
      return 'duplicate';
    }
  }

  /** Registers the card callbacks of commission invoices with the checkout's gateways. */
  registerCardPayments(): void {
    this.deps.cards?.register({
      prefix: cardPrefix,
      handle: (_gateway, notification) =>
        this.applyCardPayment(
          'reference' in notification.orderKey ? notification.orderKey.reference : '',
          notification,
        ),
      returnPath: async (reference, outcome) => {
        const row = await this.find(reference.slice(cardPrefix.length + 1));
        const team = row ? `?team=${encodeURIComponent(row.organizationId)}&payment=${outcome}` : '';
        return `/merchant/settlements${team}`;
      },
    });
  }

  async find(id: string): Promise<CommissionInvoiceRow | null> {
    const [row] = await this.deps.db.select().from(commissionInvoices).where(eq(commissionInvoices.id, id));
    return row ?? null;
  }

  async list(filter: {
    organizationId?: string | undefined;
    period?: string | undefined;
    status?: CommissionInvoiceRow['status'] | undefined;
  }): Promise<{ items: CommissionInvoice[]; nextCursor: string | null }> {
    const conditions: (SQL | undefined)[] = [
      filter.organizationId ? eq(commissionInvoices.organizationId, filter.organizationId) : undefined,
      filter.period ? eq(commissionInvoices.period, filter.period) : undefined,
      filter.status ? eq(commissionInvoices.status, filter.status) : undefined,
    ];
    const rows = await this.deps.db
      .select()
      .from(commissionInvoices)
      .where(and(...conditions))
      .orderBy(desc(commissionInvoices.createdAt), desc(commissionInvoices.id))
      .limit(200);
    return { items: await this.present(rows), nextCursor: null };
  }

  async present(rows: CommissionInvoiceRow[]): Promise<CommissionInvoice[]> {
    const names = await this.deps.teams.namesOf(rows.map((row) => row.organizationId));
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organizationId,
      organizationName: names.get(row.organizationId) ?? '',
      period: row.period,
      status: row.status,
      currency: row.currency,
      salesMinor: row.salesMinor,
      commissionsMinor: row.commissionsMinor,
      feeMinor: row.feeMinor,
      feeBps: row.feeBps,
      totalMinor: row.totalMinor,
      conversionCount: row.conversionCount,
      invoiceId: row.invoiceId,
      invoiceNumber: row.invoiceNumber,
      payUrl:
        row.status === 'due'
          ? `${this.deps.publicUrl}/merchant/settlements?team=${encodeURIComponent(row.organizationId)}&invoice=${row.id}`
          : null,
      paymentMethod: row.paymentMethod,
      paidAt: row.paidAt?.toISOString() ?? null,
      dueAt: row.dueAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
