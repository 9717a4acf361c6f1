import type { Locale } from '@souk/contracts/locales';
import { fillSocialText, type SocialProblem, socialProblemMessages } from '@souk/contracts/social-messages';
import { AppError, type FieldError } from '../../platform/http/app-error.ts';

export function problemText(locale: Locale, code: string, values?: Record<string, string | number>): string {
  const template = (socialProblemMessages[locale] as Record<string, string>)[code] ?? code;
  return fillSocialText(template, values);
}

export function fieldProblem(
  locale: Locale,
  path: string,
  code: string,
  values?: Record<string, string | number>,
): FieldError {
  return { path, message: problemText(locale, code, values) };
}

/** 422 with translated field errors (one per target field for post validation). */
export function invalid(errors: FieldError[]): AppError {
  return new AppError('validation_failed', errors[0]?.message, errors);
}

export function refused(locale: Locale, status: 'conflict' | 'forbidden' | 'not_found', code: SocialProblem): AppError {
  return new AppError(status, socialProblemMessages[locale][code]);
}
