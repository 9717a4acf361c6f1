import { isLocale } from '@souk/contracts/locales';
import { redirect } from 'react-router';
import { localeCookie } from '../lib/locale.server';
import { safeRedirectPath, sameOriginRefererPath } from '../lib/safe-redirect';
import type { Route } from './+types/locale';

/** Saves the chosen language in the cookie the API reads too, then goes back to the page. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = safeRedirectPath(form.get('returnTo'), sameOriginRefererPath(request) ?? '/');
  if (!isLocale(locale)) return redirect(back);
  return redirect(back, { headers: { 'set-cookie': localeCookie(locale, request) } });
}

/** Someone opening /locale directly gets the home page rather than an error. */
export function loader() {
  return redirect('/');
}
