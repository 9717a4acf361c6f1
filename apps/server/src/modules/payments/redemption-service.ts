import type { Locale } from '@souk/contracts/locales';
import type { RedemptionOutcome, RedemptionResult } from '@souk/contracts/payments';
import { redemptionMessages } from '@souk/contracts/payments-messages';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { OrderMails } from './order-mails.ts';
import { loadBundle, type OrderBundle, recordOrderEvent, type VoucherRow } from './order-records.ts';
import { voucherStatusOf } from './order-views.ts';
import type { PeopleDirectory } from './ports.ts';
import { paymentsOrders, paymentsVouchers } from './schema.ts';
import { checkVoucherCode, formatVoucherCode } from './voucher-codes.ts';

/** A scanned QR holds the redemption page's URL with `?code=`; a typed code is itself. */
function codeFromInput(input: string): string {
  const match = /[?&]code=([^&#\s]+)/.exec(input);
  return match?.[1] ? decodeURIComponent(match[1]) : input;
}

/**
 * The merchant's counter. Redeeming is one conditional UPDATE (valid, this merchant's, not
 * expired): two phones at once, exactly one row changes, the other is told "already used".
 */
export class RedemptionService {
  constructor(private readonly deps: { db: Database; people: PeopleDirectory; mails: OrderMails }) {}

  async lookup(organizationId: string, input: string, locale: Locale): Promise<RedemptionResult> {
    return this.explain(organizationId, input, locale, 'valid');
  }

  async redeem(
    organizationId: string,
    input: string,
    actor: { id: string; name: string },
    locale: Locale,
  ): Promise<RedemptionResult> {
    const checked = checkVoucherCode(codeFromInput(input));
    if (!checked.ok) return this.result(locale, 'invalid_code', null);
    const now = new Date();
    const merchantName = await this.deps.mails.merchantName(organizationId);
    const redeemed = await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(paymentsVouchers)
        .set({ status: 'redeemed', redeemedAt: now, redeemedBy: actor.id })
        .where(
          and(
            eq(paymentsVouchers.code, checked.code),
            eq(paymentsVouchers.organizationId, organizationId),
            eq(paymentsVouchers.status, 'valid'),
            or(isNull(paymentsVouchers.expiresAt), gt(paymentsVouchers.expiresAt, sql`now()`)),
          ),
        )
        .returning();
      if (!row) return null;
      await recordOrderEvent(tx, row.orderId, 'voucher_redeemed', actor.name, { voucherId: row.id });
      const bundle = (await loadBundle(tx, row.orderId)) as OrderBundle;
      await this.deps.mails.voucherRedeemed(tx, bundle, row, merchantName);
      return { row, bundle };
    });
    if (redeemed) return this.result(locale, 'redeemed', await this.details(redeemed.row, redeemed.bundle));
    return this.explain(organizationId, input, locale, 'valid');
  }

  /** Why a code is (or is not) redeemable now. */
  private async explain(
    organizationId: string,
    input: string,
    locale: Locale,
    whenValid: RedemptionOutcome,
  ): Promise<RedemptionResult> {
    const checked = checkVoucherCode(codeFromInput(input));
    if (!checked.ok) return this.result(locale, 'invalid_code', null);
    const [voucher] = await this.deps.db.select().from(paymentsVouchers).where(eq(paymentsVouchers.code, checked.code));
    if (!voucher) return this.result(locale, 'not_found', null);
    if (voucher.organizationId !== organizationId) return this.result(locale, 'other_merchant', null);
    const bundle = (await loadBundle(this.deps.db, voucher.orderId)) as OrderBundle;
    const status = voucherStatusOf(voucher);
    const outcome: RedemptionOutcome =
      status === 'redeemed'
        ? 'already_redeemed'
        : status === 'expired'
          ? 'expired'
          : status === 'void'
            ? 'void'
            : status === 'pending'
              ? 'not_paid'
              : whenValid;
    return this.result(locale, outcome, await this.details(voucher, bundle));
  }

  private async details(voucher: VoucherRow, bundle: OrderBundle): Promise<RedemptionResult['voucher']> {
    const by = voucher.redeemedBy ? await this.deps.people.getContact(voucher.redeemedBy) : null;
    return {
      code: formatVoucherCode(voucher.code),
      status: voucherStatusOf(voucher),
      productTitle: bundle.items[0]?.title ?? '',
      buyerName: bundle.order.buyerName,
      orderReference: bundle.order.reference,
      expiresAt: voucher.expiresAt?.toISOString() ?? null,
      redeemedAt: voucher.redeemedAt?.toISOString() ?? null,
      redeemedBy: by ? by.name || by.email : null,
    };
  }

  private result(locale: Locale, outcome: RedemptionOutcome, voucher: RedemptionResult['voucher']): RedemptionResult {
    return {
      outcome,
      ok: outcome === 'redeemed' || outcome === 'valid',
      message: redemptionMessages[locale][outcome],
      voucher,
    };
  }

  /** Verified purchase: this person holds a redeemed voucher of this deal (for reviews). */
  async hasRedeemed(userId: string, productId: string): Promise<boolean> {
    const [row] = await this.deps.db
      .select({ id: paymentsVouchers.id })
      .from(paymentsVouchers)
      .innerJoin(paymentsOrders, eq(paymentsOrders.id, paymentsVouchers.orderId))
      .where(
        and(
          eq(paymentsOrders.buyerUserId, userId),
          eq(paymentsVouchers.productId, productId),
          eq(paymentsVouchers.status, 'redeemed'),
        ),
      )
      .limit(1);
    return Boolean(row);
  }
}
