import type { CommissionRule } from '@souk/contracts/affiliation';
import type { Commission } from '@souk/contracts/catalog';

/** a * b / c rounded half-up, on integers only (BigInt: no float ever touches money). */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('divisor must be positive');
  const numerator = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  const quotient = (numerator * 2n + divisor) / (divisor * 2n);
  return Number(quotient);
}

export interface RuleInput {
  productCommission: Commission | null;
  override: Commission | null;
  minMinor: number | null;
  maxMinor: number | null;
}

/** The rule that applies to a sale: the influencer's override wins over the product's commission. */
export function ruleFor(input: RuleInput, saleAmountMinor: number): CommissionRule | null {
  const commission = input.override ?? input.productCommission;
  if (!commission) return null;
  return {
    commission,
    source: input.override ? 'override' : 'product',
    minMinor: input.minMinor,
    maxMinor: input.maxMinor,
    saleAmountMinor,
  };
}

/**
 * The commission for a sale under a rule, in minor units: a percentage (basis points) of the
 * amount rounded half-up, or a fixed amount per sale; then the minimum, then the cap. Never more
 * than the sale itself.
 */
export function commissionAmount(rule: CommissionRule): number {
  const base =
    rule.commission.type === 'percentage'
      ? mulDivHalfUp(rule.saleAmountMinor, rule.commission.basisPoints, 10_000)
      : rule.commission.amountMinor;
  let amount = base;
  if (rule.minMinor !== null) amount = Math.max(amount, rule.minMinor);
  if (rule.maxMinor !== null) amount = Math.min(amount, rule.maxMinor);
  return Math.min(amount, rule.saleAmountMinor);
}

/** What a commission becomes when part of its sale is refunded: the same share of what remains. */
export function commissionAfterRefund(originalCommission: number, saleAmount: number, refundedTotal: number): number {
  const remaining = saleAmount - refundedTotal;
  if (remaining <= 0) return 0;
  return mulDivHalfUp(originalCommission, remaining, saleAmount);
}
