import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  // Form targets without a page of their own.
  route('locale', 'routes/locale.ts'),
  route('sign-out', 'routes/sign-out.ts'),

  layout('routes/site-layout.tsx', [
    index('routes/home.tsx'),
    route('sign-in', 'routes/sign-in.tsx'),
    route('sign-up', 'routes/sign-up.tsx'),
    route('verify-email', 'routes/verify-email.tsx'),
    route('forgot-password', 'routes/forgot-password.tsx'),
    route('reset-password', 'routes/reset-password.tsx'),
    route('invitations/accept', 'routes/invitations/accept.tsx'),
    // Public site: pricing, contact, legal pages, newsletter.
    route('pricing', 'routes/pricing.tsx'),
    route('contact', 'routes/contact.tsx'),
    route('legal/:page', 'routes/legal/legal-page.tsx'),
    // Marketplace: public listing and deal pages.
    route('marketplace', 'routes/marketplace.tsx'),
    route('p/:slug', 'routes/deal/route.tsx'),
    // Checkout and orders: buying a deal, the order and its vouchers, the merchant's counter.
    route('p/:slug/buy', 'routes/checkout/route.tsx'),
    route('orders/:id', 'routes/orders/order-page.tsx'),
    route('account/orders', 'routes/orders/my-orders.tsx'),
    layout('routes/merchant/orders/orders-layout.tsx', [
      route('merchant/orders', 'routes/merchant/orders/list.tsx'),
      route('merchant/orders/:id', 'routes/merchant/orders/detail.tsx', { id: 'merchant-order' }),
      route('merchant/redeem', 'routes/merchant/orders/redeem.tsx'),
    ]),
    // Affiliation: promoting deals, tracked links, commissions.
    route('p/:slug/promote', 'routes/affiliation/promote.tsx'),
    layout('routes/affiliation/affiliation-layout.tsx', [
      route('influencer/affiliations', 'routes/affiliation/influencer-requests.tsx'),
      route('influencer/links', 'routes/affiliation/links.tsx'),
      route('influencer/links/:id', 'routes/affiliation/link-stats.tsx'),
      route('influencer/earnings', 'routes/affiliation/commissions.tsx', { id: 'influencer-earnings' }),
      route('merchant/affiliations', 'routes/affiliation/merchant-requests.tsx'),
      route('merchant/commissions', 'routes/affiliation/commissions.tsx', { id: 'merchant-commissions' }),
      route('merchant/affiliation-settings', 'routes/affiliation/merchant-settings.tsx'),
      route('merchant/conversions-api', 'routes/affiliation/conversions-help.tsx'),
    ]),
    // Social publishing: an influencer's or a merchant team's accounts and posts.
    layout('routes/social/social-layout.tsx', { id: 'social-layout' }, [
      route('social/accounts', 'routes/social/accounts.tsx'),
      route('social/compose', 'routes/social/compose.tsx'),
      route('social/calendar', 'routes/social/calendar.tsx'),
      route('social/posts', 'routes/social/posts.tsx'),
      route('social/posts/:id', 'routes/social/post.tsx'),
      route('social/approvals', 'routes/social/approvals.tsx'),
    ]),
    route('newsletter', 'routes/newsletter/subscribe.tsx'),
    route('newsletter/confirm', 'routes/newsletter/token-page.tsx', { id: 'newsletter-confirm' }),
    route('newsletter/unsubscribe', 'routes/newsletter/token-page.tsx', { id: 'newsletter-unsubscribe' }),
    route('dashboard', 'routes/dashboard.tsx'),
    // Merchant team's deals.
    route('merchant/products', 'routes/merchant/products/list.tsx'),
    route('merchant/products/new', 'routes/merchant/products/editor.tsx', { id: 'product-new' }),
    route('merchant/products/:id', 'routes/merchant/products/editor.tsx', { id: 'product-edit' }),
    // Billing: the team's plan, quotas and invoices; a person's own invoices.
    route('merchant/billing', 'routes/merchant/billing/billing.tsx'),
    route('merchant/billing/invoices', 'routes/merchant/billing/invoices.tsx'),
    route('account/invoices', 'routes/account/invoices.tsx'),
    route('notifications', 'routes/notifications/route.tsx'),
    route('settings', 'routes/settings/index.ts'),
    layout('routes/settings/settings-layout.tsx', [
      route('settings/account', 'routes/settings/account/route.tsx'),
      route('settings/api-keys', 'routes/settings/api-keys.tsx'),
      route('settings/notifications', 'routes/notification-settings.tsx'),
      route('settings/team', 'routes/settings/team.tsx'),
      route('settings/kyc', 'routes/settings/kyc/route.tsx'),
    ]),
    layout('routes/admin/admin-layout.tsx', [
      route('admin', 'routes/admin/admin-home.tsx'),
      route('admin/users', 'routes/admin/users.tsx'),
      route('admin/audit', 'routes/admin/audit.tsx'),
      route('admin/mail', 'routes/admin/mail-outbox.tsx'),
      route('admin/mail/:id', 'routes/admin/mail-message.tsx'),
      route('admin/messages', 'routes/admin/contact-messages.tsx'),
      route('admin/messages/:id', 'routes/admin/contact-message.tsx'),
      route('admin/home-content', 'routes/admin/home-content.tsx'),
      route('admin/kyc', 'routes/admin/kyc/queue.tsx'),
      route('admin/kyc/reviewers', 'routes/admin/kyc/reviewers.tsx'),
      route('admin/kyc/:id', 'routes/admin/kyc/review.tsx'),
      route('admin/catalog/products', 'routes/admin/catalog/products.tsx'),
      route('admin/catalog/promotions', 'routes/admin/catalog/promotions.tsx'),
      route('admin/catalog/categories', 'routes/admin/catalog/categories.tsx'),
      route('admin/catalog/reviews', 'routes/admin/catalog/reviews.tsx'),
      route('admin/orders', 'routes/admin/payments/orders.tsx'),
      route('admin/orders/:id', 'routes/merchant/orders/detail.tsx', { id: 'admin-order' }),
      route('admin/payments', 'routes/admin/payments/payments.tsx'),
      route('admin/plans', 'routes/admin/billing/plans.tsx'),
      route('admin/subscriptions', 'routes/admin/billing/subscriptions.tsx'),
      route('admin/invoices', 'routes/admin/billing/invoices.tsx'),
      // The platform's official social accounts: the same pages as /social, owner "platform".
      layout('routes/social/social-layout.tsx', { id: 'admin-social-layout' }, [
        route('admin/social', 'routes/social/manager.tsx'),
        route('admin/social/accounts', 'routes/social/accounts.tsx', { id: 'admin-social-accounts' }),
        route('admin/social/compose', 'routes/social/compose.tsx', { id: 'admin-social-compose' }),
        route('admin/social/calendar', 'routes/social/calendar.tsx', { id: 'admin-social-calendar' }),
        route('admin/social/posts', 'routes/social/posts.tsx', { id: 'admin-social-posts' }),
        route('admin/social/posts/:id', 'routes/social/post.tsx', { id: 'admin-social-post' }),
      ]),
    ]),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
