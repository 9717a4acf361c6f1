import type { InvoicingProblem } from '@souk/contracts/invoicing-messages';
import { invoicingProblemMessages } from '@souk/contracts/invoicing-messages';
import type { Locale } from '@souk/contracts/locales';
import { AppError } from '../../platform/http/app-error.ts';

/**
 * A translated refusal. Services are called by other modules (not only by requests), so the
 * detail is French by default, the language of the documents; routes pass the reader's locale.
 */
export function problem(
  status: 'validation_failed' | 'conflict' | 'not_found',
  code: InvoicingProblem,
  locale: Locale = 'fr',
): AppError {
  const message = invoicingProblemMessages[locale][code];
  return status === 'validation_failed'
    ? new AppError(status, message, [{ path: 'body', message }])
    : new AppError(status, message);
}
