import type { QuotaName } from './quota-names';

/**
 * The billing and invoicing API's paths, in one place. Billing endpoints act for one merchant
 * team, named in the query on reads and in the body on writes.
 */
export const billingApi = {
  plans: '/api/v1/plans',
  overview: (teamId: string) => `/api/v1/billing?${new URLSearchParams({ organizationId: teamId })}`,
  trial: '/api/v1/billing/trial',
  change: '/api/v1/billing/change',
  cancel: '/api/v1/billing/cancel',
  resume: '/api/v1/billing/resume',
  checkout: '/api/v1/billing/checkout',
  portal: '/api/v1/billing/portal',
  adminPlans: '/api/v1/admin/plans',
  adminPlan: (id: string) => `/api/v1/admin/plans/${encodeURIComponent(id)}`,
  adminSubscriptions: (query: URLSearchParams) => `/api/v1/admin/subscriptions?${query}`,
};

export const invoicesApi = {
  mine: (query: URLSearchParams) => `/api/v1/invoices?${query}`,
  team: (teamId: string, query: URLSearchParams = new URLSearchParams()) => {
    const params = new URLSearchParams(query);
    params.set('organizationId', teamId);
    return `/api/v1/invoices?${params}`;
  },
  pdf: (id: string) => `/api/v1/invoices/${encodeURIComponent(id)}/pdf`,
  admin: (query: URLSearchParams) => `/api/v1/admin/invoices?${query}`,
};

export type { QuotaName };
