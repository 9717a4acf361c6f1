import type { Locale } from '@souk/contracts/locales';
import type { ApiFailure } from './api.server';
import { translations } from './i18n';
import { intlLocale } from './intl';

/** "in 5 minutes", "dans 15 minutes", "خلال 3 دقائق": Intl knows each language's plurals. */
export function retryWhen(seconds: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'always' });
  if (seconds < 60) return format.format(Math.ceil(seconds), 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return format.format(minutes, 'minute');
  return format.format(Math.ceil(minutes / 60), 'hour');
}

/**
 * What to tell someone about a failed call: the API's translated title, except that a rate
 * limit also says when to try again (from Retry-After), which the title cannot know.
 */
export function problemMessage(failure: ApiFailure, locale: Locale): string {
  if (failure.problem.code === 'rate_limited') {
    const seconds = Number(failure.headers.get('retry-after'));
    if (Number.isFinite(seconds) && seconds > 0) {
      return translations[locale].errors.rateLimitedRetry.replace('{{when}}', retryWhen(seconds, locale));
    }
  }
  return failure.problem.title;
}

/** The text of a form field, trimmed; absent fields read as empty. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A password field, untouched: spaces may be part of it. */
export function formSecret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
