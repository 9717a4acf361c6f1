import { redirect } from 'react-router';
import { apiJson, forwardedCookies } from '../lib/api.server';
import type { Route } from './+types/sign-out';

export async function action({ context }: Route.ActionArgs) {
  const result = await apiJson(context, '/api/auth/sign-out', { method: 'POST', json: {} });
  // The cookies that clear the session are forwarded even on failure: going home signed in is
  // better than an error page for someone who wanted to leave.
  return redirect('/', { headers: forwardedCookies(result.headers) });
}

export function loader() {
  return redirect('/');
}
