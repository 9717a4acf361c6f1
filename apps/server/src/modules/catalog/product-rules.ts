import { type CatalogProblem, catalogProblemMessages } from '@souk/contracts/catalog-messages';
import type { Locale } from '@souk/contracts/locales';
import { AppError, type FieldError } from '../../platform/http/app-error.ts';

/** The fields whose combination matters, as they will be once a write is applied. */
export interface ProductRuleInput {
  originalPriceMinor: number;
  discountedPriceMinor: number;
  minPerPurchase: number;
  maxPerPurchase: number | null;
  expiresAt: Date | null;
}

export function fieldError(locale: Locale, path: string, problem: CatalogProblem): FieldError {
  return { path, message: catalogProblemMessages[locale][problem] };
}

/**
 * Rules across fields, checked on the product as it would be after the write (a PATCH of one
 * price is judged against the other one stored). `live`: the deal is or is about to be public,
 * so it must not already be over.
 */
export function productProblems(product: ProductRuleInput, locale: Locale, options: { live: boolean }): FieldError[] {
  const problems: FieldError[] = [];
  if (product.discountedPriceMinor > product.originalPriceMinor) {
    problems.push(fieldError(locale, 'body.discountedPriceMinor', 'discount_above_original'));
  }
  if (product.maxPerPurchase !== null && product.maxPerPurchase < product.minPerPurchase) {
    problems.push(fieldError(locale, 'body.maxPerPurchase', 'max_below_min'));
  }
  if (options.live && product.expiresAt && product.expiresAt.getTime() <= Date.now()) {
    problems.push(fieldError(locale, 'body.expiresAt', 'expiry_in_past'));
  }
  return problems;
}

export function assertNoProblems(problems: FieldError[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]?.message, problems);
}
