import type { Locale } from '@souk/contracts/locales';
import { data, redirect } from 'react-router';
import type { ActionFeedback } from '../../../lib/action-feedback';
import type { ApiFailure } from '../../../lib/api.server';
import { problemMessage } from '../../../lib/auth-feedback.server';
import { signInPath } from '../../../lib/safe-redirect';

export type BillingIntent = 'trial' | 'change' | 'cancel' | 'resume' | 'portal' | 'checkout';
export const billingIntents: readonly BillingIntent[] = ['trial', 'change', 'cancel', 'resume', 'portal', 'checkout'];

export type BillingFeedback = ActionFeedback & {
  intent: BillingIntent;
  message?: string;
  /** Paying a due invoice by card: the signed form the browser posts to the card page. */
  handoff?: { action: string; fields: Record<string, string> };
};

export function billingFailed(failure: ApiFailure, locale: Locale, intent: BillingIntent, returnPath: string) {
  if (failure.status === 401) throw redirect(signInPath(returnPath));
  const error = failure.problem.detail || problemMessage(failure, locale);
  return data<BillingFeedback>({ ok: false, intent, error }, { status: failure.status });
}
