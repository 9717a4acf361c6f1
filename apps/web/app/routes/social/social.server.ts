import type { Locale } from '@souk/contracts/locales';
import { type AppLoadContext, data, redirect } from 'react-router';
import type { ActionFeedback } from '../../lib/action-feedback';
import { type ApiFailure, apiJson, fieldErrorsOf } from '../../lib/api.server';
import { problemMessage } from '../../lib/auth-feedback.server';
import { quotaRefusalOf } from '../../lib/billing/quota-refusal.server';
import { translations } from '../../lib/i18n';
import { signInPath } from '../../lib/safe-redirect';
import { requireUser } from '../../lib/session.server';
import type { SocialScope } from './social-scope';

export async function requireSocialScope(context: AppLoadContext, request: Request): Promise<SocialScope> {
  const viewer = await requireUser(context, request);
  const url = new URL(request.url);
  if (url.pathname.startsWith('/admin/social')) {
    if (viewer.role !== 'admin') throw data(null, { status: 403 });
    return { owner: 'platform', teamId: null, teamName: null, base: '/admin/social', canApprove: true };
  }
  if (viewer.accountType === 'influencer') {
    return { owner: 'me', teamId: null, teamName: null, base: '/social', canApprove: false };
  }
  if (viewer.accountType === 'merchant') {
    const wanted = url.searchParams.get('team');
    const team = viewer.teams.find((item) => item.teamId === wanted) ?? viewer.teams[0];
    if (team) {
      return {
        owner: 'team',
        teamId: team.teamId,
        teamName: team.name,
        base: '/social',
        canApprove: ['owner', 'admin'].includes(team.role),
      };
    }
  }
  // An administrator without a personal side lands here back from a platform's consent screen
  // (connecting an official account): their pages are the official accounts'.
  if (viewer.role === 'admin') throw redirect(`/admin${url.pathname}${url.search}`);
  throw data(null, { status: 403 });
}

export type SocialFeedback = ActionFeedback & {
  intent: string;
  id?: string;
  message?: string;
  /** Post creation: messages per target (by account id), from the API's `targetErrors`. */
  targetErrors?: Record<string, string>;
};

interface TargetError {
  accountId: string;
  message: string;
}

/**
 * Errors about one target of a post, by account: from `targetErrors`, or from field errors whose
 * path names the target (`targets.2.caption`), `targetAccounts` giving the accounts in sent order.
 */
function targetErrorsOf(failure: ApiFailure, targetAccounts: string[]): Record<string, string> {
  const byAccount: Record<string, string> = {};
  const listed = (failure.problem as { targetErrors?: TargetError[] }).targetErrors;
  for (const item of Array.isArray(listed) ? listed : []) byAccount[item.accountId] ??= item.message;
  for (const { path, message } of failure.problem.errors ?? []) {
    const index = /(?:^|\.)targets\.(\d+)/.exec(path)?.[1];
    const accountId = index === undefined ? undefined : targetAccounts[Number(index)];
    if (accountId) byAccount[accountId] ??= message;
  }
  return byAccount;
}

/** A failed API call as an action's answer, in the visitor's language. */
export function failed(
  failure: ApiFailure,
  locale: Locale,
  intent: string,
  returnPath: string,
  id?: string,
  targetAccounts: string[] = [],
) {
  if (failure.status === 401) throw redirect(signInPath(returnPath));
  const quota = quotaRefusalOf(failure, locale);
  const error = quota?.error ?? (failure.problem.detail || problemMessage(failure, locale));
  const targetErrors = targetErrorsOf(failure, targetAccounts);
  return data<SocialFeedback>(
    {
      ok: false,
      intent,
      id,
      error,
      fieldErrors: fieldErrorsOf(failure.problem),
      targetErrors,
      upgradeUrl: quota?.upgradeUrl,
    },
    { status: failure.status },
  );
}

export function succeeded(intent: string, message: string, id?: string): SocialFeedback {
  return { ok: true, intent, id, message };
}

/** Approves or rejects (with a reason) a post waiting for approval. */
export async function decideOnPost(
  context: AppLoadContext,
  locale: Locale,
  intent: 'approve' | 'reject',
  postId: string,
  reason: string,
  returnPath: string,
) {
  const path = `/api/v1/social/posts/${encodeURIComponent(postId)}/${intent}`;
  const result = await apiJson(context, path, { method: 'POST', json: intent === 'reject' ? { reason } : {} });
  if (!result.ok) return failed(result, locale, intent, returnPath, postId);
  const words = translations[locale].social.post;
  return succeeded(intent, intent === 'approve' ? words.approved : words.rejected, postId);
}
