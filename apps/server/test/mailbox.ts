import { and, desc, eq, sql } from 'drizzle-orm';
import { mailMessages } from '../src/modules/messaging/schema.ts';
import type { TestApp } from './harness.ts';

/** The newest mail of a template sent to an address, as the outbox stored it. */
export async function latestMail(test: TestApp, to: string, template: string) {
  const [row] = await test.runtime.database.db
    .select()
    .from(mailMessages)
    .where(and(sql`lower(${mailMessages.toAddress}) = ${to.toLowerCase()}`, eq(mailMessages.template, template)))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1);
  return row ?? null;
}

/** The first link of a mail's plain-text part that points at `pathFragment`. */
export function linkIn(text: string, pathFragment: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(pathFragment));
  if (!link) throw new Error(`no link to ${pathFragment} in:\n${text}`);
  return link;
}

/** Cookie header value from a response's Set-Cookie headers. */
export function cookieFrom(cookies: { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
