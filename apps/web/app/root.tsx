import { ColorSchemeScript, Container, DirectionProvider, MantineProvider, mantineHtmlProps } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import notificationStylesHref from '@mantine/notifications/styles.css?url';
import type { Me } from '@souk/contracts/identity';
import { defaultLocale, directionOf, isLocale, localeQueryParam } from '@souk/contracts/locales';
import type { NotificationList } from '@souk/contracts/notifications';
import { type ReactNode, useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, type ShouldRevalidateFunction } from 'react-router';
import type { Route } from './+types/root';
import { DirectionSync } from './components/direction-sync';
import { ErrorPage } from './components/error-page';
import { NavigationProgress } from './components/navigation-progress';
import { apiJson } from './lib/api.server';
import { createI18n } from './lib/i18n';
import { loadWords } from './lib/load-words';
import { localeOf } from './lib/locale.server';
import { useRootData } from './lib/root-data';
import { cssVariablesResolver, theme } from './lib/theme';
import globalStylesHref from './styles/global.css?url';
import mantineStylesHref from './styles/mantine.css?url';

const favicon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%233b5bdb'/%3E%3Ctext x='16' y='23' font-family='Arial' font-size='20' font-weight='700' fill='white' text-anchor='middle'%3ES%3C/text%3E%3C/svg%3E";

/**
 * The site-wide stylesheets, with a React precedence: React then writes them at the top of
 * `<head>`, before the ~25 script preloads. Without it they came after them, and a phone on a
 * slow network (six connections) fetched the scripts first while nothing could be painted.
 */
const siteStylesheets = [mantineStylesHref, notificationStylesHref, globalStylesHref].map((href) => ({
  rel: 'stylesheet',
  href,
  precedence: 'site',
}));

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: favicon }, ...siteStylesheets];

/**
 * Who is visiting and in which language, for every page. An unavailable identity service shows
 * the site as to a visitor rather than failing every page; pages that need the person ask
 * again and report the error themselves.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const me = await apiJson<Me>(context, '/api/v1/me');
  const viewer = me.ok ? me.data : null;
  let unreadCount = 0;
  if (viewer) {
    const notifications = await apiJson<NotificationList>(context, '/api/v1/notifications?limit=1');
    if (notifications.ok) unreadCount = notifications.data.unreadCount;
  }
  // The language the URL names (`?lang=`, else the default): what canonical links point at, so a
  // page negotiated into English from `/` still names `/` as itself.
  const urlLocale = new URL(request.url).searchParams.get(localeQueryParam);
  const pageLocale = isLocale(urlLocale) ? urlLocale : defaultLocale;
  return { locale, pageLocale, viewer, unreadCount, origin: context.publicOrigin };
}

/**
 * In the browser, after the first page (whose words the entry loads before hydrating): the
 * words of the language the server answers in, before the page renders in it (a change of
 * language, a sign-in that switches to the person's language).
 */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await loadWords(data.locale);
  return data;
}

/**
 * The root's data (who is visiting, in which language) does not depend on the rest of the URL:
 * a search or a filter (a GET form) does not fetch it again. Actions (sign-in, sign-out, language) and a
 * change of `?lang=` still do.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (formMethod && formMethod !== 'GET') return defaultShouldRevalidate;
  if (currentUrl.searchParams.get(localeQueryParam) !== nextUrl.searchParams.get(localeQueryParam)) return true;
  if (currentUrl.pathname === nextUrl.pathname && currentUrl.search === nextUrl.search) {
    return defaultShouldRevalidate;
  }
  return false;
};

export function Layout({ children }: { children: ReactNode }) {
  const { locale } = useRootData();
  const direction = directionOf(locale);
  const i18n = useMemo(() => createI18n(locale), [locale]);

  return (
    <html lang={locale} dir={direction} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <DirectionProvider initialDirection={direction} detectDirection={false}>
            <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
              <DirectionSync direction={direction} />
              <Notifications position={direction === 'rtl' ? 'top-left' : 'top-right'} />
              <NavigationProgress />
              {children}
            </MantineProvider>
          </DirectionProvider>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the document once React owns it: browser tests wait for it before typing, since a
  // field filled in before hydration can be reset by it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return <Outlet />;
}

/** Only reached when the root itself fails; page errors are caught inside the site frame. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <Container size="sm">
      <ErrorPage error={error} />
    </Container>
  );
}
