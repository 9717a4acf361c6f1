import type { Me } from '@souk/contracts/identity';
import { type AppLoadContext, data, redirect } from 'react-router';
import { type ApiResult, apiJson, unwrap } from './api.server';
import { signInPath } from './safe-redirect';

function returnPathOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** The signed-in person, or null for a visitor. Other API failures go to the error boundary. */
export async function getViewer(context: AppLoadContext): Promise<Me | null> {
  const result = await apiJson<Me>(context, '/api/v1/me');
  if (!result.ok && result.status === 401) return null;
  return unwrap(result);
}

/** For pages that need someone signed in: visitors are sent to sign in and brought back. */
export async function requireUser(context: AppLoadContext, request: Request): Promise<Me> {
  const viewer = await getViewer(context);
  if (!viewer) throw redirect(signInPath(returnPathOf(request)));
  return viewer;
}

export async function requireAdmin(context: AppLoadContext, request: Request): Promise<Me> {
  const viewer = await requireUser(context, request);
  if (viewer.role !== 'admin') throw data(null, { status: 403 });
  return viewer;
}

/**
 * For loaders of signed-in pages that only call their own endpoint: the API's 401 becomes the
 * sign-in redirect, which saves asking /me first.
 */
export function unwrapForPage<T>(result: ApiResult<T>, request: Request): T {
  if (!result.ok && result.status === 401) throw redirect(signInPath(returnPathOf(request)));
  return unwrap(result);
}
