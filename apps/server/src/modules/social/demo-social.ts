import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { AccountService } from './account-service.ts';
import { ownerKeyOf } from './owners.ts';
import type { LinkFacts } from './ports.ts';
import type { PostService } from './post-service.ts';
import type { Publisher } from './publisher.ts';
import type { SandboxNetwork } from './sandbox/network.ts';
import { socialAccounts } from './schema.ts';

const demoHandle = 'salma.demo';

/**
 * The demo influencer's sandbox account, connected through the sandbox's real OAuth exchange,
 * with two posts published now (through the real pipeline) and one scheduled for tomorrow.
 * Changes nothing when the account exists.
 */
export async function seedDemoSocial(deps: {
  db: Database;
  sandbox: SandboxNetwork;
  accounts: AccountService;
  posts: PostService;
  publisher: Publisher;
  links: LinkFacts;
  influencerId: string;
}): Promise<void> {
  const ownerKey = ownerKeyOf('user', deps.influencerId);
  const [existing] = await deps.db
    .select({ id: socialAccounts.id })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.ownerKey, ownerKey), eq(socialAccounts.provider, 'sandbox')));
  if (existing) return;
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'urn:souk:demo';
  const code = await deps.sandbox.issueCode({
    handle: demoHandle,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    redirectUri,
  });
  const tokens = await deps.sandbox.token({
    grantType: 'authorization_code',
    code,
    codeVerifier: verifier,
    redirectUri,
  });
  if ('error' in tokens) return;
  const account = await deps.accounts.store('sandbox', ownerKey, deps.influencerId, {
    externalId: demoHandle,
    handle: demoHandle,
    displayName: `@${demoHandle}`,
    avatarUrl: null,
    profileUrl: `/sandbox/social/@${demoHandle}`,
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
      scopes: tokens.scope.split(' '),
    },
    providerData: {},
  });
  const [linkId] = await deps.links.linkIdsOf(deps.influencerId);
  const link = linkId ? await deps.links.linkOf(deps.influencerId, linkId) : null;
  const owner = { key: ownerKey, kind: 'user' as const, teamId: null, role: 'owner' as const };
  const compose = (caption: string, mode: 'now' | 'schedule', scheduledAt?: string) =>
    deps.posts.create(
      owner,
      deps.influencerId,
      {
        ...(link ? { productId: link.productId } : {}),
        media: [],
        targets: [{ accountId: account.id, caption, options: {} }],
        mode,
        ...(scheduledAt ? { scheduledAt } : {}),
      },
      'fr',
    );
  await compose('Mon bon plan de la semaine ✨ Réservez ici : {link} #bonplan #maroc', 'now');
  await compose('Testé et approuvé 👌 Tous les détails : {link}', 'now');
  await compose(
    'Demain, une surprise pour vous… {link}',
    'schedule',
    new Date(Date.now() + 24 * 3600_000).toISOString(),
  );
}
