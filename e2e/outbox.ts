import type { ServerProcess } from './server-process.ts';

/** Signs in through the API and returns the session cookie, for reading the admin outboxes. */
export async function apiSignIn(server: ServerProcess, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function poll<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('nothing arrived in the outbox');
}

/** The first link to `pathFragment` in the newest mail of a template sent to `to`. */
export async function outboxMailLink(
  server: ServerProcess,
  adminCookie: string,
  to: string,
  template: string,
  pathFragment: string,
): Promise<string> {
  const headers = { cookie: adminCookie };
  const id = await poll(async () => {
    const list = (await (
      await fetch(`${server.url}/api/v1/admin/mail-messages?to=${encodeURIComponent(to)}`, { headers })
    ).json()) as { items: { id: string; template: string }[] };
    return list.items.find((item) => item.template === template)?.id;
  });
  const { text } = (await (await fetch(`${server.url}/api/v1/admin/mail-messages/${id}`, { headers })).json()) as {
    text: string;
  };
  const link = text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(pathFragment));
  if (!link) throw new Error(`no link to ${pathFragment} in:\n${text}`);
  return link;
}

/** The 6-digit code in the newest SMS to a number, from the admin SMS outbox. */
export async function outboxSmsCode(server: ServerProcess, adminCookie: string, to: string): Promise<string> {
  return poll(async () => {
    const list = (await (
      await fetch(`${server.url}/api/v1/admin/sms?limit=20`, { headers: { cookie: adminCookie } })
    ).json()) as { items: { to: string; body: string }[] };
    return list.items.find((item) => item.to === to)?.body.match(/\b\d{6}\b/)?.[0];
  });
}
