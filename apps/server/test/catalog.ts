import type { ProductCreateInput } from '@souk/contracts/catalog';
import type { SQL } from 'drizzle-orm';
import type { TestApp, TestUser } from './harness.ts';
import { latestMail, linkIn } from './mailbox.ts';

export const origin = 'http://localhost:3000';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An API call as a signed-in person (or anonymous with `null`), in a given language. */
export function call(
  test: TestApp,
  user: TestUser | null,
  method: Method,
  url: string,
  payload?: unknown,
  locale: 'fr' | 'en' | 'ar' = 'en',
) {
  return test.app.inject({
    method,
    url,
    headers: { origin, 'x-souk-locale': locale, ...(user ? { cookie: user.cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function teamOf(test: TestApp, user: TestUser): Promise<string> {
  const [team] = await test.runtime.services.identity.teams.membershipsOf(user.id);
  if (!team) throw new Error('no team');
  return team.teamId;
}

/** Invites `invitee` into the team and accepts through the mailed link, as people do. */
export async function joinTeam(
  test: TestApp,
  owner: TestUser,
  invitee: TestUser,
  role: 'admin' | 'editor' | 'analyst',
): Promise<void> {
  const teamId = await teamOf(test, owner);
  await unlimitedSeats(test, owner);
  const invite = await call(test, owner, 'POST', `/api/v1/teams/${teamId}/invitations`, { email: invitee.email, role });
  if (invite.statusCode !== 201) throw new Error(`invite refused: ${invite.body}`);
  const mail = await latestMail(test, invitee.email, 'team-invitation');
  const token = new URL(linkIn(mail?.text ?? '', '/invitations/accept')).searchParams.get('token') ?? '';
  const accepted = await call(test, invitee, 'POST', '/api/v1/invitations/accept', { token });
  if (accepted.statusCode !== 200) throw new Error(`accept refused: ${accepted.body}`);
}

/**
 * Free has one seat: tests about roles (not about plans) lift that limit for their platform, as
 * an admin may. The seat quota itself is tested with billing.
 */
export async function unlimitedSeats(test: TestApp, actor: TestUser): Promise<void> {
  const free = await test.runtime.services.billing.plans.get('free');
  if (free.quotas.teamSeats !== null) {
    await test.runtime.services.billing.plans.update(actor.id, 'free', { quotas: { teamSeats: null } });
  }
}

let categoryCounter = 0;

export async function createCategory(test: TestApp, slug = `test-category-${++categoryCounter}`) {
  return test.runtime.services.catalog.categories.create(
    {
      slug,
      icon: 'star',
      position: categoryCounter,
      names: { fr: `Catégorie ${slug}`, en: `Category ${slug}`, ar: `فئة ${slug}` },
    },
    'en',
  );
}

export function dealInput(categoryId: string, overrides: Partial<ProductCreateInput> = {}): ProductCreateInput {
  return {
    title: 'Massage relaxant au hammam',
    categoryId,
    descriptionHtml: '<p>Un moment de détente.</p>',
    originalPriceMinor: 50_000,
    discountedPriceMinor: 25_000,
    location: { address: 'Rue de la Liberté', city: 'Marrakech', latitude: 31.63, longitude: -7.98 },
    expiresAt: new Date(Date.now() + 10 * 24 * 3600_000).toISOString(),
    ...overrides,
  };
}

/** Rows of a raw query, whichever driver runs it (node-postgres and PGlite shape results alike). */
export async function rowsOf<T>(test: TestApp, query: SQL): Promise<T[]> {
  const result: unknown = await test.runtime.database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
