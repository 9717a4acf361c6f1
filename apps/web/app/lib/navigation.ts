import type { Me } from '@souk/contracts/identity';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
  /** Only active on an exact match, so "Home" is not highlighted on every page. */
  end?: boolean;
}

function dashboardLabel(viewer: Me): ParseKeys {
  if (viewer.accountType === 'merchant') return 'nav.merchantDashboard';
  if (viewer.accountType === 'influencer') return 'nav.influencerDashboard';
  return 'nav.dashboard';
}

/** What the main navigation offers to whoever is looking; only pages that exist are listed. */
export function navItemsFor(viewer: Me | null): NavItem[] {
  const home: NavItem = { to: '/', labelKey: 'nav.home', end: true };
  const marketplace: NavItem = { to: '/marketplace', labelKey: 'catalogNav.marketplace' };
  if (!viewer) {
    return [home, marketplace, { to: '/sign-in', labelKey: 'nav.signIn' }, { to: '/sign-up', labelKey: 'nav.signUp' }];
  }
  const items: NavItem[] = [home, marketplace, { to: '/dashboard', labelKey: dashboardLabel(viewer) }];
  if (viewer.accountType === 'merchant' && viewer.teams.length > 0) {
    items.push({ to: '/merchant/products', labelKey: 'catalogNav.merchantProducts' });
    // One link: the orders and the voucher counter share tabs (routes/merchant/orders/orders-layout.tsx).
    items.push({ to: '/merchant/orders', labelKey: 'paymentsNav.merchantOrders' });
    // One link: the affiliation pages have their own tabs (routes/affiliation/affiliation-layout.tsx).
    items.push({ to: '/merchant/affiliations', labelKey: 'affiliationNav.merchant' });
    // One link: the social pages have their own tabs (routes/social/social-layout.tsx).
    items.push({ to: '/social/posts', labelKey: 'social.nav.main' });
  }
  if (viewer.accountType === 'influencer') {
    items.push({ to: '/influencer/links', labelKey: 'affiliationNav.myLinks' });
    items.push({ to: '/influencer/earnings', labelKey: 'affiliationNav.earnings' });
    items.push({ to: '/social/posts', labelKey: 'social.nav.main' });
  }
  if (viewer.role === 'admin') {
    // One link: the admin pages have their own tabs (routes/admin/admin-layout.tsx).
    items.push({ to: '/admin', labelKey: 'nav.admin' });
  }
  // A KYC reviewer sees only the review queue of the admin pages.
  if (viewer.role === 'kyc_reviewer') items.push({ to: '/admin/kyc', labelKey: 'kycAdmin.nav' });
  return items;
}
