import { Outlet } from 'react-router';
import { ErrorPage } from '../components/error-page';
import { SiteShell } from '../components/site-shell';
import type { Route } from './+types/site-layout';

export default function SiteLayout() {
  return (
    <SiteShell>
      <Outlet />
    </SiteShell>
  );
}

/** Page errors (404, 403, API failures) keep the header, so people can navigate away. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <SiteShell>
      <ErrorPage error={error} />
    </SiteShell>
  );
}
