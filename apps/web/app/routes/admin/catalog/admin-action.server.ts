import { type AppLoadContext, data, redirect } from 'react-router';
import { type ApiInit, apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { problemMessage } from '../../../lib/auth-feedback.server';
import { localeOf } from '../../../lib/locale.server';
import { signInPath } from '../../../lib/safe-redirect';

export type AdminActionData =
  | { ok: true; intent: string; id: string }
  | { ok: false; intent: string; id: string; error: string; fieldErrors: Record<string, string> };

/**
 * One admin write: the API call, then the outcome the page shows inline and as a toast. `id`
 * says which row of the page the outcome belongs to.
 */
export async function adminWrite(
  context: AppLoadContext,
  request: Request,
  call: { path: string; init: ApiInit; intent: string; id: string },
) {
  const result = await apiJson(context, call.path, call.init);
  if (result.ok) return data<AdminActionData>({ ok: true, intent: call.intent, id: call.id });
  if (result.status === 401) throw redirect(signInPath(new URL(request.url).pathname));
  const fieldErrors = fieldErrorsOf(result.problem);
  return data<AdminActionData>(
    {
      ok: false,
      intent: call.intent,
      id: call.id,
      error: Object.values(fieldErrors)[0] ?? result.problem.detail ?? problemMessage(result, localeOf(request)),
      fieldErrors,
    },
    { status: result.status },
  );
}
