import type { Locale } from '@souk/contracts/locales';
import { type PaymentsProblem, paymentsProblemMessages } from '@souk/contracts/payments-messages';
import { AppError } from '../../platform/http/app-error.ts';

/** 422 with one translated field error. */
export function invalid(locale: Locale, path: string, code: PaymentsProblem): AppError {
  const message = paymentsProblemMessages[locale][code];
  return new AppError('validation_failed', message, [{ path, message }]);
}

/** A translated 409 (or another status) whose detail is the problem's message. */
export function refused(
  locale: Locale,
  status: 'conflict' | 'forbidden' | 'not_found' | 'service_unavailable',
  code: PaymentsProblem,
): AppError {
  return new AppError(status, paymentsProblemMessages[locale][code]);
}
