import { index, layout, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  // Form targets without a page of their own.
  route('locale', 'routes/locale.ts'),
  route('sign-out', 'routes/sign-out.ts'),

  layout('routes/site-layout.tsx', [
    index('routes/home.tsx'),
    route('sign-in', 'routes/sign-in.tsx'),
    route('dashboard', 'routes/dashboard.tsx'),
    route('notifications', 'routes/notifications/route.tsx'),
    route('settings/notifications', 'routes/notification-settings.tsx'),
    route('admin', 'routes/admin/admin-home.tsx'),
    route('admin/mail', 'routes/admin/mail-outbox.tsx'),
    route('admin/mail/:id', 'routes/admin/mail-message.tsx'),
    route('*', 'routes/not-found.tsx'),
  ]),
] satisfies RouteConfig;
