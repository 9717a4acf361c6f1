import { createHash, randomBytes } from 'node:crypto';
import type { MediaInput } from '@souk/contracts/social';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { ProviderError } from '../providers/types.ts';
import { socialSandboxGrants, socialSandboxPosts } from '../schema.ts';

const codeLifetimeMs = 10 * 60_000;
/** Sandbox access tokens last a day, like many real ones: the refresh job has real work to do. */
export const sandboxAccessLifetimeMs = 24 * 3600_000;

export const sandboxHandlePattern = /^[a-z0-9_.]{3,30}$/;

export interface SandboxTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: 'bearer';
  scope: string;
}

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * The built-in social network: an OAuth server (codes with PKCE, access and refresh tokens),
 * a publishing API with the same pending/finished states as the real ones, and public feeds.
 */
export class SandboxNetwork {
  /** Access token -> handle and expiry: the publishing calls skip a lookup (revocation clears it). */
  private readonly sessions = new Map<string, { handle: string; expiresAt: number }>();

  constructor(private readonly db: Database) {}

  async issueCode(input: { handle: string; codeChallenge: string; redirectUri: string }): Promise<string> {
    const code = secret('sbc');
    await this.db.insert(socialSandboxGrants).values({
      token: code,
      kind: 'code',
      handle: input.handle,
      codeChallenge: input.codeChallenge,
      redirectUri: input.redirectUri,
      expiresAt: new Date(Date.now() + codeLifetimeMs),
    });
    return code;
  }

  /** The token endpoint: a code (once, with its PKCE verifier) or a refresh token. */
  async token(input: {
    grantType: string;
    code?: string | undefined;
    codeVerifier?: string | undefined;
    redirectUri?: string | undefined;
    refreshToken?: string | undefined;
  }): Promise<SandboxTokens | { error: string }> {
    if (input.grantType === 'authorization_code') {
      const [grant] = await this.db
        .update(socialSandboxGrants)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(socialSandboxGrants.token, input.code ?? ''),
            eq(socialSandboxGrants.kind, 'code'),
            isNull(socialSandboxGrants.revokedAt),
          ),
        )
        .returning();
      const valid =
        grant &&
        (grant.expiresAt?.getTime() ?? 0) > Date.now() &&
        grant.redirectUri === input.redirectUri &&
        grant.codeChallenge === challengeOf(input.codeVerifier ?? '');
      if (!valid) return { error: 'invalid_grant' };
      return this.issueTokens(grant.handle);
    }
    if (input.grantType === 'refresh_token') {
      const grant = await this.grant(input.refreshToken ?? '', 'refresh');
      if (!grant) return { error: 'invalid_grant' };
      return this.issueTokens(grant.handle, input.refreshToken);
    }
    return { error: 'unsupported_grant_type' };
  }

  private async issueTokens(handle: string, keepRefresh?: string): Promise<SandboxTokens> {
    const access = secret('sba');
    const refresh = keepRefresh ?? secret('sbr');
    await this.db
      .insert(socialSandboxGrants)
      .values([
        { token: access, kind: 'access', handle, expiresAt: new Date(Date.now() + sandboxAccessLifetimeMs) },
        ...(keepRefresh ? [] : [{ token: refresh, kind: 'refresh' as const, handle }]),
      ]);
    return {
      access_token: access,
      refresh_token: refresh,
      expires_in: sandboxAccessLifetimeMs / 1000,
      token_type: 'bearer',
      scope: 'profile publish',
    };
  }

  private async grant(token: string, kind: 'access' | 'refresh') {
    const [grant] = await this.db
      .select()
      .from(socialSandboxGrants)
      .where(
        and(
          eq(socialSandboxGrants.token, token),
          eq(socialSandboxGrants.kind, kind),
          isNull(socialSandboxGrants.revokedAt),
        ),
      );
    if (!grant || (grant.expiresAt && grant.expiresAt.getTime() <= Date.now())) return null;
    return grant;
  }

  /** The handle behind an access token; an expired or revoked one is the platform's 401. */
  async handleOf(accessToken: string): Promise<string> {
    const known = this.sessions.get(accessToken);
    if (known && known.expiresAt > Date.now()) return known.handle;
    const grant = await this.grant(accessToken, 'access');
    if (!grant) throw new ProviderError('refresh-token', 'token_invalid', 'The sandbox token is expired or revoked');
    // Remembered for a minute at most, so a revocation made on another node shows within a minute.
    if (this.sessions.size > 10_000) this.sessions.clear();
    this.sessions.set(accessToken, {
      handle: grant.handle,
      expiresAt: Math.min(Date.now() + 60_000, grant.expiresAt?.getTime() ?? 0),
    });
    return grant.handle;
  }

  /** Revokes every token of a handle (tests, and the feed's "revoke access" control). */
  async revoke(token: string): Promise<void> {
    this.sessions.delete(token);
    await this.db
      .update(socialSandboxGrants)
      .set({ revokedAt: new Date() })
      .where(eq(socialSandboxGrants.token, token));
  }

  /** Step one: the post is received and processing (like a container). */
  async createPost(
    accessToken: string,
    input: { caption: string; media: MediaInput[]; linkUrl: string | null; clientRef: string | null },
  ): Promise<{ id: string; status: 'processing' }> {
    const handle = await this.handleOf(accessToken);
    const [row] = await this.db
      .insert(socialSandboxPosts)
      .values({
        handle,
        caption: input.caption,
        media: input.media,
        linkUrl: input.linkUrl,
        clientRef: input.clientRef,
        status: 'processing',
      })
      .returning({ id: socialSandboxPosts.id });
    return { id: (row as { id: string }).id, status: 'processing' };
  }

  /** Read-only: the sandbox finishes processing at once. */
  async postStatus(
    accessToken: string,
    id: string,
  ): Promise<{ id: string; status: 'processing' | 'finished' | 'published' }> {
    const handle = await this.handleOf(accessToken);
    const [row] = await this.db.select().from(socialSandboxPosts).where(eq(socialSandboxPosts.id, id));
    if (!row || row.handle !== handle) throw new ProviderError('bad-body', 'post_not_found', 'No such sandbox post');
    return { id, status: row.status === 'published' ? 'published' : 'finished' };
  }

  /** Step three, the mutation: the post appears on the public feed. */
  async publish(accessToken: string, id: string): Promise<{ id: string; url: string }> {
    const handle = await this.handleOf(accessToken);
    const [row] = await this.db
      .update(socialSandboxPosts)
      .set({ status: 'published', publishedAt: new Date() })
      .where(and(eq(socialSandboxPosts.id, id), eq(socialSandboxPosts.handle, handle)))
      .returning({ id: socialSandboxPosts.id });
    if (!row) throw new ProviderError('bad-body', 'post_not_found', 'No such sandbox post');
    return { id, url: `/sandbox/social/@${handle}#post-${id}` };
  }

  feed(handle: string, limit = 100) {
    return this.db
      .select()
      .from(socialSandboxPosts)
      .where(and(eq(socialSandboxPosts.handle, handle), eq(socialSandboxPosts.status, 'published')))
      .orderBy(desc(socialSandboxPosts.publishedAt))
      .limit(limit);
  }
}
