import type { Locale } from '@souk/contracts/locales';
import { type PayoutsProblem, payoutsProblemMessages } from '@souk/contracts/payouts-messages';
import { AppError } from '../../platform/http/app-error.ts';

/** A translated problem; a 422 carries the message as the field error of `path`. */
export function refused(
  locale: Locale,
  status: 'conflict' | 'forbidden' | 'not_found' | 'validation_failed',
  code: PayoutsProblem,
  path = 'body.period',
): AppError {
  const message = payoutsProblemMessages[locale][code];
  return status === 'validation_failed'
    ? new AppError(status, message, [{ path, message }])
    : new AppError(status, message);
}
