import { data } from 'react-router';
import { ErrorPage } from '../components/error-page';

/** Thrown so the response carries a real 404 status; the layout's boundary renders the page. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return <ErrorPage error={{ status: 404, statusText: 'Not Found', internal: false, data: null }} />;
}
