import { type AffiliationProblem, affiliationProblemMessages } from '@souk/contracts/affiliation-messages';
import type { Locale } from '@souk/contracts/locales';
import { AppError, type FieldError } from '../../platform/http/app-error.ts';

export function problem(locale: Locale, path: string, code: AffiliationProblem): FieldError {
  return { path, message: affiliationProblemMessages[locale][code] };
}

/** 422 with one translated field error. */
export function invalid(locale: Locale, path: string, code: AffiliationProblem): AppError {
  const error = problem(locale, path, code);
  return new AppError('validation_failed', error.message, [error]);
}

/** A translated 409 (or another status) whose detail is the problem's message. */
export function refused(
  locale: Locale,
  status: 'conflict' | 'forbidden' | 'not_found',
  code: AffiliationProblem,
): AppError {
  return new AppError(status, affiliationProblemMessages[locale][code]);
}
