import type { Locale } from '@souk/contracts/locales';
import { data, redirect } from 'react-router';
import type { ActionFeedback } from '../action-feedback';
import { type ApiFailure, fieldErrorsOf } from '../api.server';
import { problemMessage } from '../auth-feedback.server';
import { signInPath } from '../safe-redirect';

/** What a money page's action returns: the outcome, which form it was about and what to say. */
export type MoneyFeedback = ActionFeedback & {
  intent: string;
  id?: string;
  message?: string;
  /** A card payment to hand to the gateway: the signed form the browser posts. */
  handoff?: { action: string; fields: Record<string, string> };
};

/**
 * A failed API call as an action's answer. The money modules put their translated words in
 * `detail` (a payout line already paid, a run already approved); the title is the fallback.
 */
export function moneyFailed(failure: ApiFailure, locale: Locale, intent: string, returnPath: string, id?: string) {
  if (failure.status === 401) throw redirect(signInPath(returnPath));
  const error = failure.problem.detail || problemMessage(failure, locale);
  return data<MoneyFeedback>(
    { ok: false, intent, id, error, fieldErrors: fieldErrorsOf(failure.problem) },
    { status: failure.status },
  );
}

export function moneySucceeded(intent: string, message: string, id?: string): MoneyFeedback {
  return { ok: true, intent, id, message };
}

/** A `yyyy-mm` month from a form or a query, or null. */
export function monthOf(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return null;
  return value;
}

/** The month before `now`, as `yyyy-mm`: what a payout or settlement run is about by default. */
export function previousMonth(now = new Date()): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
