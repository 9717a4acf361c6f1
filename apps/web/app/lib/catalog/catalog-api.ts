/**
 * The catalog API's paths, in one place. Merchant endpoints act for one organization (the team
 * the page works for), named in the query like the KYC endpoints.
 */
const merchantBase = '/api/v1/products';

function withTeam(path: string, teamId: string, extra?: URLSearchParams): string {
  const query = new URLSearchParams(extra);
  query.set('organizationId', teamId);
  return `${path}?${query}`;
}

export const merchantApi = {
  list: (teamId: string, query?: URLSearchParams) => withTeam(merchantBase, teamId, query),
  create: (teamId: string) => withTeam(merchantBase, teamId),
  product: (teamId: string, id: string) => withTeam(`${merchantBase}/${id}`, teamId),
  transition: (teamId: string, id: string, transition: 'publish' | 'unpublish' | 'archive') =>
    withTeam(`${merchantBase}/${id}/${transition}`, teamId),
  images: (teamId: string, id: string) => withTeam(`${merchantBase}/${id}/images`, teamId),
  image: (teamId: string, id: string, imageId: string) => withTeam(`${merchantBase}/${id}/images/${imageId}`, teamId),
  imageOrder: (teamId: string, id: string) => withTeam(`${merchantBase}/${id}/images/order`, teamId),
  /** The deal page's data for a deal in any status, for its team (the page's `?preview=<id>`). */
  preview: (id: string) => `${merchantBase}/${encodeURIComponent(id)}/preview`,
};

export const adminApi = {
  products: (query: URLSearchParams) => `/api/v1/admin/products?${query}`,
  unpublish: (id: string) => `/api/v1/admin/products/${id}/unpublish`,
  release: (id: string) => `/api/v1/admin/products/${id}/release`,
  placement: (id: string, placement: 'featured' | 'deal_of_the_day') =>
    `/api/v1/admin/products/${id}/placements/${placement}`,
  categories: '/api/v1/admin/categories',
  category: (id: string) => `/api/v1/admin/categories/${id}`,
  reviews: (query: URLSearchParams) => `/api/v1/admin/reviews?${query}`,
  review: (id: string) => `/api/v1/admin/reviews/${id}`,
};

export const publicApi = {
  categories: '/api/v1/marketplace/categories',
};
