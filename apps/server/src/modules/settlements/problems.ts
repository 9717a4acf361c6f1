import type { Locale } from '@souk/contracts/locales';
import { type SettlementsProblem, settlementsProblemMessages } from '@souk/contracts/settlements-messages';
import { AppError } from '../../platform/http/app-error.ts';

/** 422 with one translated field error. */
export function invalid(locale: Locale, path: string, code: SettlementsProblem): AppError {
  const message = settlementsProblemMessages[locale][code];
  return new AppError('validation_failed', message, [{ path, message }]);
}

/** A translated 409 (or another status) whose detail is the problem's message. */
export function refused(locale: Locale, status: 'conflict' | 'forbidden' | 'not_found', code: SettlementsProblem) {
  return new AppError(status, settlementsProblemMessages[locale][code]);
}
