import type { ServerProcess } from './server-process.ts';

/**
 * A JSON call to the server's API as a signed-in person (their session cookie), from the site's
 * own origin; answers the parsed body and throws with the status and body on any error status.
 */
export async function callApi<T>(
  server: ServerProcess,
  path: string,
  cookie: string,
  init: { method?: string; json?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie,
      origin: server.url,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const body = (await response.json().catch(() => null)) as T;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}
