import { defaultLocale } from '@souk/contracts/locales';
import { useRouteLoaderData } from 'react-router';
import type { loader } from '../root';

/**
 * The root loader's data from anywhere. It can be missing when the root itself failed, hence the
 * anonymous, default-locale fallback.
 */
export function useRootData() {
  const data = useRouteLoaderData<typeof loader>('root');
  return data ?? { locale: defaultLocale, pageLocale: defaultLocale, viewer: null, unreadCount: 0, origin: '' };
}
