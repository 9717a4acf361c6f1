import type { ConversionResult, FraudSignal } from '@souk/contracts/affiliation';
import type { Currency } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, desc, eq, gt, gte } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ClickBuffer } from './click-buffer.ts';
import { commissionAfterRefund, commissionAmount, ruleFor } from './commission-rules.ts';
import type { CommissionPresenter, CommissionRow, ConversionRow } from './commission-views.ts';
import { fraudSignalsFor } from './fraud-signals.ts';
import type {
  AuditTrail,
  CommissionLedger,
  CommissionMovement,
  FraudThresholds,
  PeopleDirectory,
  ProductDirectory,
} from './ports.ts';
import { invalid } from './problems.ts';
import {
  affiliationClicks,
  affiliationCommissions,
  affiliationConversions,
  affiliationLinks,
  affiliationRefunds,
  affiliationRequests,
} from './schema.ts';
import type { SettingsService } from './settings-service.ts';

export interface SaleReport {
  organizationId: string;
  orderRef: string;
  amount: number;
  currency: Currency;
  clickId?: string | null | undefined;
  items?: unknown[] | undefined;
  customerEmail?: string | undefined;
  customerUserId?: string | undefined;
  source: 'api' | 'pixel' | 'checkout';
  /** Where the report came from: the buyer's browser for the pixel. */
  ip?: string | null | undefined;
}

export interface RefundRequest {
  organizationId: string;
  orderRef: string;
  amount?: number | undefined;
  refundRef?: string | undefined;
  actorId: string | null;
  ip?: string | undefined;
}

export interface ConversionServiceDeps {
  db: Database;
  buffer: ClickBuffer;
  products: ProductDirectory;
  people: PeopleDirectory;
  settings: SettingsService;
  audit: AuditTrail;
  presenter: CommissionPresenter;
  thresholds: FraudThresholds;
  ledger: CommissionLedger;
}

export function commissionMovement(
  commission: CommissionRow,
  source: CommissionMovement['source'],
): CommissionMovement {
  return {
    id: commission.id,
    influencerId: commission.influencerId,
    organizationId: commission.organizationId,
    currency: commission.currency,
    source,
  };
}

type ClickRow = typeof affiliationClicks.$inferSelect;

/**
 * Sales reported by merchants (API, pixel) or made on Souk (checkout): attributed to the last
 * click within the merchant's window, each order once, with the commission its rule gives.
 */
export class ConversionService {
  constructor(private readonly deps: ConversionServiceDeps) {}

  /** `created` is false when the order was already reported (the first result comes back). */
  async record(report: SaleReport, locale: Locale): Promise<{ result: ConversionResult; created: boolean }> {
    const existing = await this.existing(report, locale);
    if (existing) return { result: existing, created: false };
    const now = new Date();
    const settings = await this.deps.settings.merchant(report.organizationId);
    const click = report.clickId
      ? await this.attributedClick(report, settings.attributionWindowDays, now, locale)
      : null;
    const conversionSignals: FraudSignal[] = [];
    if (!click) conversionSignals.push('no_click');
    if (report.source === 'pixel') conversionSignals.push('unverified_source');
    const earning = click ? await this.earning(click, report, now, locale) : null;
    try {
      // Presented after the commit: on PGlite a read outside the open transaction would wait on it.
      const written = await this.deps.db.transaction(async (tx) => {
        const [conversion] = await tx
          .insert(affiliationConversions)
          .values({
            organizationId: report.organizationId,
            orderRef: report.orderRef,
            clickId: click?.id ?? null,
            linkId: click?.linkId ?? null,
            amountMinor: report.amount,
            currency: report.currency,
            items: report.items ?? null,
            source: report.source,
            ip: report.ip ?? null,
            customerEmail: report.customerEmail ?? null,
            customerUserId: report.customerUserId ?? null,
            fraudSignals: conversionSignals,
            createdAt: now,
          })
          .returning();
        const row = conversion as ConversionRow;
        let commission: CommissionRow | null = null;
        if (earning) {
          const [inserted] = await tx
            .insert(affiliationCommissions)
            .values({
              conversionId: row.id,
              organizationId: report.organizationId,
              influencerId: earning.influencerId,
              linkId: earning.linkId,
              productId: earning.productId,
              amountMinor: earning.amount,
              originalAmountMinor: earning.amount,
              currency: report.currency,
              rule: earning.rule,
              fraudSignals: earning.signals,
              onHold: earning.signals.length > 0,
              approvableAt: new Date(now.getTime() + settings.holdDays * 86_400_000),
              createdAt: now,
            })
            .returning();
          commission = inserted as CommissionRow;
          await this.deps.ledger.accrued(tx, commissionMovement(commission, report.source), commission.amountMinor);
        }
        return { row, commission };
      });
      return { result: await this.deps.presenter.conversion(written.row, written.commission), created: true };
    } catch (error) {
      // The same order reported twice at once: the loser answers like a repeat.
      if (!isUniqueViolation(error)) throw error;
      const again = await this.existing(report, locale);
      if (!again) throw error;
      return { result: again, created: false };
    }
  }

  /** The stored result of an order already reported; 409 if it was reported with another amount. */
  private async existing(report: SaleReport, locale: Locale): Promise<ConversionResult | null> {
    const found = await this.find(report.organizationId, report.orderRef);
    if (!found) return null;
    if (found.conversion.amountMinor !== report.amount || found.conversion.currency !== report.currency) {
      throw new AppError('conflict', invalid(locale, 'body.amount', 'order_amount_differs').message);
    }
    return this.deps.presenter.conversion(found.conversion, found.commission);
  }

  private async find(
    organizationId: string,
    orderRef: string,
    executor: Executor = this.deps.db,
  ): Promise<{ conversion: ConversionRow; commission: CommissionRow | null } | null> {
    const [row] = await executor
      .select({ conversion: affiliationConversions, commission: affiliationCommissions })
      .from(affiliationConversions)
      .leftJoin(affiliationCommissions, eq(affiliationCommissions.conversionId, affiliationConversions.id))
      .where(
        and(eq(affiliationConversions.organizationId, organizationId), eq(affiliationConversions.orderRef, orderRef)),
      );
    return row ?? null;
  }

  /**
   * The click the sale is credited to. The named click must exist, come from one of this
   * merchant's links and be within the window; if the same visitor clicked another of the
   * merchant's links since, that later click wins (last click).
   */
  private async attributedClick(report: SaleReport, windowDays: number, now: Date, locale: Locale): Promise<ClickRow> {
    const clickId = report.clickId as string;
    // A click still in the buffer (the sale came within a quarter second): write it first.
    if (this.deps.buffer.has(clickId)) await this.deps.buffer.flush();
    const [click] = await this.deps.db.select().from(affiliationClicks).where(eq(affiliationClicks.id, clickId));
    if (!click) throw invalid(locale, 'body.clickId', 'click_unknown');
    if (click.organizationId !== report.organizationId) throw invalid(locale, 'body.clickId', 'click_other_merchant');
    const windowStart = new Date(now.getTime() - windowDays * 86_400_000);
    if (click.createdAt < windowStart) throw invalid(locale, 'body.clickId', 'click_expired');
    const [later] = await this.deps.db
      .select()
      .from(affiliationClicks)
      .where(
        and(
          eq(affiliationClicks.organizationId, report.organizationId),
          eq(affiliationClicks.visitorKey, click.visitorKey),
          gt(affiliationClicks.createdAt, click.createdAt),
          gte(affiliationClicks.createdAt, windowStart),
        ),
      )
      .orderBy(desc(affiliationClicks.createdAt))
      .limit(1);
    return later ?? click;
  }

  /** What the click's influencer earns on the sale, or null when the link no longer earns. */
  private async earning(click: ClickRow, report: SaleReport, now: Date, locale: Locale) {
    const [row] = await this.deps.db
      .select({ link: affiliationLinks, request: affiliationRequests })
      .from(affiliationLinks)
      .innerJoin(affiliationRequests, eq(affiliationRequests.id, affiliationLinks.requestId))
      .where(eq(affiliationLinks.id, click.linkId));
    if (!row?.link.active || row.request.status !== 'approved') return null;
    const product = await this.deps.products.find(row.link.productId);
    if (!product) return null;
    const bounds = await this.deps.settings.product(product.id);
    const rule = ruleFor(
      {
        productCommission: product.commission,
        override: row.request.commissionOverride ?? null,
        minMinor: bounds?.minCommissionMinor ?? null,
        maxMinor: bounds?.maxCommissionMinor ?? null,
      },
      report.amount,
    );
    if (!rule) return null;
    // A fixed amount (and the bounds) are in the deal's currency: a sale in another cannot use them.
    const needsSameCurrency = rule.commission.type === 'fixed' || rule.minMinor !== null || rule.maxMinor !== null;
    if (needsSameCurrency && report.currency !== product.currency) {
      throw invalid(locale, 'body.currency', 'currency_mismatch');
    }
    const influencer = await this.deps.people.getContact(row.link.influencerId);
    const signals = await fraudSignalsFor(
      this.deps.db,
      {
        click,
        link: row.link,
        influencerEmail: influencer?.email ?? null,
        conversion: {
          source: report.source,
          customerEmail: report.customerEmail ?? null,
          customerUserId: report.customerUserId ?? null,
          at: now,
        },
      },
      this.deps.thresholds,
    );
    return {
      influencerId: row.link.influencerId,
      linkId: row.link.id,
      productId: product.id,
      rule,
      amount: commissionAmount(rule),
      signals,
    };
  }

  /**
   * A refund of all that remains, or of part of it (then `refundRef` names it, so a repeat
   * changes nothing). The commission shrinks in proportion; a full refund reverses it.
   */
  async refund(request: RefundRequest, locale: Locale): Promise<ConversionResult> {
    if (request.amount !== undefined && !request.refundRef)
      throw invalid(locale, 'body.refundRef', 'refund_ref_required');
    const refundRef = request.refundRef ?? 'full';
    const written = await this.deps.db.transaction(async (tx) => {
      const found = await this.find(request.organizationId, request.orderRef, tx);
      if (!found) throw new AppError('not_found');
      // Serialise refunds of one order: the remaining amount is read under the lock.
      const [conversion] = (await tx
        .select()
        .from(affiliationConversions)
        .where(eq(affiliationConversions.id, found.conversion.id))
        .for('update')) as ConversionRow[];
      if (!conversion) throw new AppError('not_found');
      const [repeat] = await tx
        .select({ id: affiliationRefunds.id })
        .from(affiliationRefunds)
        .where(and(eq(affiliationRefunds.conversionId, conversion.id), eq(affiliationRefunds.refundRef, refundRef)));
      if (repeat) return { conversion, commission: await this.commissionOf(tx, conversion.id) };
      const remaining = conversion.amountMinor - conversion.refundedMinor;
      if (remaining === 0) throw new AppError('conflict', invalid(locale, 'path.orderRef', 'already_reversed').message);
      const amount = request.amount ?? remaining;
      if (amount > remaining) throw invalid(locale, 'body.amount', 'refund_too_large');
      const refunded = conversion.refundedMinor + amount;
      await tx.insert(affiliationRefunds).values({ conversionId: conversion.id, refundRef, amountMinor: amount });
      const [updated] = (await tx
        .update(affiliationConversions)
        .set({ refundedMinor: refunded })
        .where(eq(affiliationConversions.id, conversion.id))
        .returning()) as ConversionRow[];
      const commission = await this.commissionOf(tx, conversion.id);
      let next: CommissionRow | null = commission;
      if (commission && ['pending', 'approved', 'paid'].includes(commission.status)) {
        const full = refunded === conversion.amountMinor;
        const amountAfter = commissionAfterRefund(commission.originalAmountMinor, conversion.amountMinor, refunded);
        const now = new Date();
        const [changed] = await tx
          .update(affiliationCommissions)
          .set(
            full
              ? { status: 'reversed', amountMinor: 0, reversedAt: now, updatedAt: now }
              : { amountMinor: amountAfter, updatedAt: now },
          )
          .where(eq(affiliationCommissions.id, commission.id))
          .returning();
        next = changed ?? null;
        const takenBack = commission.amountMinor - (full ? 0 : amountAfter);
        if (takenBack > 0) {
          await this.deps.ledger.reduced(tx, commissionMovement(commission, conversion.source), {
            amountMinor: takenBack,
            from: commission.status as 'pending' | 'approved' | 'paid',
            reference: `${commission.id}:${refundRef}`,
          });
        }
        await this.deps.audit.record(
          {
            action: 'commission_reversed',
            actorId: request.actorId,
            targetId: commission.influencerId,
            ipAddress: request.ip,
            details: {
              commissionId: commission.id,
              orderRef: conversion.orderRef,
              refundRef,
              refundedMinor: amount,
              full,
              previousAmountMinor: commission.amountMinor,
              amountMinor: full ? 0 : amountAfter,
              previousStatus: commission.status,
            },
          },
          tx,
        );
      }
      return { conversion: updated as ConversionRow, commission: next };
    });
    return this.deps.presenter.conversion(written.conversion, written.commission);
  }

  private async commissionOf(executor: Executor, conversionId: string): Promise<CommissionRow | null> {
    const [row] = await executor
      .select()
      .from(affiliationCommissions)
      .where(eq(affiliationCommissions.conversionId, conversionId));
    return row ?? null;
  }
}
