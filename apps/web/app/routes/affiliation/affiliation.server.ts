import type { Locale } from '@souk/contracts/locales';
import { type AppLoadContext, data, redirect } from 'react-router';
import type { ActionFeedback } from '../../lib/action-feedback';
import { type ApiFailure, fieldErrorsOf } from '../../lib/api.server';
import { problemMessage } from '../../lib/auth-feedback.server';
import { quotaRefusalOf } from '../../lib/billing/quota-refusal.server';
import { signInPath } from '../../lib/safe-redirect';
import { requireUser } from '../../lib/session.server';

/** What an action returns: the outcome plus which form or item it was about. */
export type AffiliationFeedback = ActionFeedback & { intent: string; id?: string; message?: string };

/**
 * A failed API call as an action's answer: the affiliation module puts its translated words in
 * `detail` (the title is the generic one), field errors keyed by field name.
 */
export function failed(failure: ApiFailure, locale: Locale, intent: string, returnPath: string, id?: string) {
  if (failure.status === 401) throw redirect(signInPath(returnPath));
  const quota = quotaRefusalOf(failure, locale);
  const error = quota?.error ?? (failure.problem.detail || problemMessage(failure, locale));
  return data<AffiliationFeedback>(
    { ok: false, intent, id, error, fieldErrors: fieldErrorsOf(failure.problem), upgradeUrl: quota?.upgradeUrl },
    { status: failure.status },
  );
}

export function succeeded(intent: string, message: string, id?: string): AffiliationFeedback {
  return { ok: true, intent, id, message };
}

/** The first day of `value` (a yyyy-mm-dd input), as an ISO instant; null if unreadable. */
export function dayStart(value: string | null, endOfDay = false): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface MerchantSide {
  teamId: string;
  name: string;
  /** Owner, admin, editor: decide on requests and commissions. */
  canDecide: boolean;
  /** Owner, admin: change the team's affiliation settings. */
  canConfigure: boolean;
}

/** The viewer's merchant team (`?team=` or the first one); others get the 403 page. */
export async function requireMerchantSide(context: AppLoadContext, request: Request): Promise<MerchantSide> {
  const viewer = await requireUser(context, request);
  const wanted = new URL(request.url).searchParams.get('team');
  const membership =
    viewer.accountType === 'merchant'
      ? (viewer.teams.find((team) => team.teamId === wanted) ?? viewer.teams[0])
      : undefined;
  if (!membership) throw data(null, { status: 403 });
  return {
    teamId: membership.teamId,
    name: membership.name,
    canDecide: ['owner', 'admin', 'editor'].includes(membership.role),
    canConfigure: ['owner', 'admin'].includes(membership.role),
  };
}
