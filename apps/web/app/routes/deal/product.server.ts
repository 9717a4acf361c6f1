import type { ProductRedirect, PublicProduct, ReviewPage } from '@souk/contracts/catalog';
import type { Problem } from '@souk/contracts/errors';
import { type AppLoadContext, data, redirect } from 'react-router';
import { apiJson, unwrap } from '../../lib/api.server';
import { merchantApi } from '../../lib/catalog/catalog-api';
import { signInPath } from '../../lib/safe-redirect';

/**
 * The deal for a page. A slug the deal no longer has is a permanent redirect to its current
 * page (links shared before a rename keep working and search engines move their index); an
 * unknown slug is the 404 page.
 */
export async function loadPublicProduct(
  context: AppLoadContext,
  request: Request,
  slug: string,
): Promise<PublicProduct> {
  const url = new URL(request.url);
  const previewId = url.searchParams.get('preview');
  if (previewId) {
    // A team member's look at their deal in any status (the editor's "Preview" button).
    const preview = await apiJson<PublicProduct>(context, merchantApi.preview(previewId));
    if (!preview.ok && preview.status === 401) throw redirect(signInPath(`${url.pathname}${url.search}`));
    return unwrap(preview);
  }
  const response = await context.api(`/api/v1/marketplace/products/${encodeURIComponent(slug)}`, {
    headers: { accept: 'application/json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 301 || response.status === 308) {
    const { redirectTo } = body as ProductRedirect;
    throw redirect(`/p/${encodeURIComponent(redirectTo)}${url.search}`, 301);
  }
  if (!response.ok) throw data(body as Problem | null, { status: response.status });
  return body as PublicProduct;
}

/** Reviews are a part of the page, not a condition for it: if they fail, the deal still shows. */
export async function loadReviews(context: AppLoadContext, slug: string, cursor: string | null) {
  const query = new URLSearchParams({ limit: '10' });
  if (cursor) query.set('cursor', cursor.slice(0, 300));
  const result = await apiJson<ReviewPage>(
    context,
    `/api/v1/marketplace/products/${encodeURIComponent(slug)}/reviews?${query}`,
  );
  return result.ok ? result.data : null;
}
