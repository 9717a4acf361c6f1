import type { Locale } from '@souk/contracts/locales';
import type { ApiFailure } from '../api.server';
import { translations } from '../i18n';
import { intlLocale } from '../intl';
import { isQuotaName } from './quota-names';

export const billingPagePath = '/merchant/billing';

/** What a page keeps from a `quota_exceeded` refusal: the message in its language and the way out. */
export interface QuotaRefusal {
  error: string;
  upgradeUrl: string;
}

/** Only a path of this site: the link is rendered as is. */
function safeUpgradeUrl(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : billingPagePath;
}

/**
 * The page's own words for a refusal at a plan's limit (the API names the quota and the figures),
 * or null for any other failure. Pages spread it into their failure data, which makes the upgrade
 * button appear next to the message.
 */
export function quotaRefusalOf(failure: ApiFailure, locale: Locale): QuotaRefusal | null {
  const problem = failure.problem as ApiFailure['problem'] & Record<string, unknown>;
  if ((problem.code as string) !== 'quota_exceeded') return null;
  const words = translations[locale];
  const format = new Intl.NumberFormat(intlLocale(locale));
  const quota = isQuotaName(problem.quota) ? words.plans.quotas[problem.quota] : null;
  const { limit, used } = problem;
  let error: string;
  if (quota && typeof limit === 'number' && typeof used === 'number') {
    error = words.billing.quotaExceeded
      .replace('{{quota}}', quota)
      .replace('{{used}}', format.format(used))
      .replace('{{limit}}', format.format(limit));
  } else if (quota) {
    error = words.billing.quotaExceededShort.replace('{{quota}}', quota);
  } else {
    error = problem.detail || problem.title;
  }
  return { error, upgradeUrl: safeUpgradeUrl(problem.upgradeUrl) };
}
