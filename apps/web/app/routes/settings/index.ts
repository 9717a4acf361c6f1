import { redirect } from 'react-router';

/** /settings has no page of its own: the account comes first. */
export function loader() {
  return redirect('/settings/account');
}
