import type { Locale } from '@souk/contracts/locales';
import { type SettlementsProblem, settlementsProblemMessages } from '@souk/contracts/settlements-messages';
import { AppError } from '../../platform/http/app-error.ts';

/** 422 on the referral code, with its translated reason. */
export function refusedCode(locale: Locale, code: SettlementsProblem, path = 'body.code'): AppError {
  const message = settlementsProblemMessages[locale][code];
  return new AppError('validation_failed', message, [{ path, message }]);
}
