import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '@souk/contracts/locales';
import type { ConnectionErrorCode, SocialAccountView, SocialProvider } from '@souk/contracts/social';
import { socialProblemMessages, socialReasonText } from '@souk/contracts/social-messages';
import { and, count, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Owner } from './owners.ts';
import type { Notifier, PeopleDirectory, TeamDirectory } from './ports.ts';
import {
  type AccountCredentials,
  type ConnectedAccount,
  ProviderError,
  type SocialProviderAdapter,
} from './providers/types.ts';
import { type ProviderRegistry, redirectUriOf } from './registry.ts';
import { socialAccounts, socialOauthStates, socialTargets } from './schema.ts';
import type { TokenVault } from './token-vault.ts';

export type AccountRow = typeof socialAccounts.$inferSelect;

const stateLifetimeMs = 15 * 60_000;
/** Tokens ending sooner than this are renewed by the refresh job. */
export const refreshLeadMs = 30 * 60_000;
const expiringWarningMs = 24 * 3600_000;

export interface AccountServiceDeps {
  db: Database;
  publicUrl: string;
  providers: ProviderRegistry;
  vault: TokenVault;
  teams: TeamDirectory;
  people: PeopleDirectory & { listAdmins(): Promise<{ id: string }[]> };
  notifications: Notifier;
  logger: { warn(details: object, message: string): void };
}

/** Connected accounts: OAuth with PKCE and state, tokens sealed at rest, refresh and health. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  provider(id: SocialProvider): SocialProviderAdapter {
    const provider = this.deps.providers.get(id);
    if (!provider) throw new AppError('not_found');
    return provider;
  }

  async startConnection(userId: string, owner: Owner, providerId: SocialProvider, locale: Locale) {
    const provider = this.provider(providerId);
    if (!provider.configured()) throw new AppError('conflict', socialProblemMessages[locale].provider_not_configured);
    const state = randomBytes(24).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
    await this.deps.db.insert(socialOauthStates).values({
      state,
      provider: providerId,
      userId,
      ownerKey: owner.key,
      codeVerifier,
      expiresAt: new Date(Date.now() + stateLifetimeMs),
    });
    const redirectUri = redirectUriOf(this.deps.publicUrl, providerId);
    return { authorizationUrl: provider.authorizationUrl({ state, codeChallenge, redirectUri }), state };
  }

  /**
   * The browser's return from the platform. The state is used once: a wrong, expired or replayed
   * state, or one started for another platform, is refused before any code is exchanged.
   */
  async completeConnection(
    providerId: SocialProvider,
    query: { state?: string | undefined; code?: string | undefined; error?: string | undefined },
  ): Promise<{ ok: true; accounts: AccountRow[] } | { ok: false; error: ConnectionErrorCode }> {
    const [started] = query.state
      ? await this.deps.db.delete(socialOauthStates).where(eq(socialOauthStates.state, query.state)).returning()
      : [];
    if (!started || started.provider !== providerId || started.expiresAt.getTime() < Date.now()) {
      return { ok: false, error: 'state_invalid' };
    }
    if (query.error || !query.code) return { ok: false, error: 'access_denied' };
    const provider = this.provider(providerId);
    let connected: ConnectedAccount[];
    try {
      const tokens = await provider.exchangeCode({
        code: query.code,
        codeVerifier: started.codeVerifier,
        redirectUri: redirectUriOf(this.deps.publicUrl, providerId),
      });
      connected = await provider.accounts(tokens);
    } catch (error) {
      this.deps.logger.warn({ err: error, provider: providerId }, 'social connection failed');
      return { ok: false, error: 'token_exchange_failed' };
    }
    if (connected.length === 0) return { ok: false, error: 'account_unsupported' };
    const rows: AccountRow[] = [];
    for (const account of connected) rows.push(await this.store(providerId, started.ownerKey, started.userId, account));
    return { ok: true, accounts: rows };
  }

  /** Inserts or reconnects: a new refresh token replaces the stored one, a missing one never erases it. */
  async store(providerId: SocialProvider, ownerKey: string, userId: string, account: ConnectedAccount) {
    const { vault } = this.deps;
    const [kind, id] = ownerKey === 'platform' ? ['platform', null] : (ownerKey.split(':') as [string, string]);
    const sealedRefresh = account.tokens.refreshToken ? vault.seal(account.tokens.refreshToken) : null;
    const values = {
      handle: account.handle,
      displayName: account.displayName,
      avatarUrl: account.avatarUrl,
      profileUrl: account.profileUrl,
      accessToken: vault.seal(account.tokens.accessToken),
      tokenExpiresAt: account.tokens.expiresAt,
      scopes: account.tokens.scopes,
      providerData: account.providerData,
      reconnectNeeded: false,
      healthReason: null,
      disconnectedAt: null,
      connectedBy: userId,
      updatedAt: new Date(),
    };
    const [row] = await this.deps.db
      .insert(socialAccounts)
      .values({
        ...values,
        provider: providerId,
        ownerKey,
        ownerKind: kind as AccountRow['ownerKind'],
        teamId: kind === 'team' ? id : null,
        externalId: account.externalId,
        refreshToken: sealedRefresh,
      })
      .onConflictDoUpdate({
        target: [socialAccounts.provider, socialAccounts.externalId, socialAccounts.ownerKey],
        set: { ...values, refreshToken: sql`coalesce(${sealedRefresh}::text, ${socialAccounts.refreshToken})` },
      })
      .returning();
    return row as AccountRow;
  }

  async list(owner: Owner, locale: Locale): Promise<SocialAccountView[]> {
    const rows = await this.deps.db
      .select()
      .from(socialAccounts)
      .where(and(eq(socialAccounts.ownerKey, owner.key), isNull(socialAccounts.disconnectedAt)))
      .orderBy(socialAccounts.createdAt);
    const used = await this.usedToday(rows.map((row) => row.id));
    return rows.map((row) => this.present(row, used.get(row.id) ?? 0, locale));
  }

  /** Publications in the last 24 hours, per account (what the daily quotas count). */
  async usedToday(accountIds: string[]): Promise<Map<string, number>> {
    if (accountIds.length === 0) return new Map();
    const rows = await this.deps.db
      .select({ accountId: socialTargets.accountId, used: count() })
      .from(socialTargets)
      .where(
        and(
          inArray(socialTargets.accountId, accountIds),
          gt(socialTargets.publishedAt, new Date(Date.now() - 24 * 3600_000)),
        ),
      )
      .groupBy(socialTargets.accountId);
    return new Map(rows.map((row) => [row.accountId, Number(row.used)]));
  }

  present(row: AccountRow, usedToday: number, locale: Locale): SocialAccountView {
    const provider = this.provider(row.provider);
    const expiresAt = row.tokenExpiresAt?.getTime();
    const health = row.disconnectedAt
      ? 'disconnected'
      : row.reconnectNeeded
        ? 'reconnect_needed'
        : expiresAt !== undefined && expiresAt < Date.now() + expiringWarningMs && !row.refreshToken
          ? 'token_expiring'
          : 'connected';
    return {
      id: row.id,
      provider: row.provider,
      ownerKind: row.ownerKind,
      teamId: row.teamId,
      handle: row.handle,
      displayName: row.displayName,
      avatarUrl: row.avatarUrl,
      profileUrl: row.profileUrl,
      health,
      healthReason: row.reconnectNeeded
        ? socialReasonText(locale, 'reconnect_needed', { detail: row.healthReason ?? '' })
        : null,
      tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
      quota: { usedToday, limit: provider.rules.dailyPostLimit },
      connectedAt: row.createdAt.toISOString(),
    };
  }

  /** The owner's account, or 404: another owner's account is never revealed. */
  async load(owner: Owner, accountId: string, locale: Locale): Promise<AccountRow> {
    const [row] = await this.deps.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
    if (!row || row.ownerKey !== owner.key || row.disconnectedAt) {
      throw new AppError('not_found', socialProblemMessages[locale].account_not_found);
    }
    return row;
  }

  async byIds(ids: string[]): Promise<Map<string, AccountRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.deps.db.select().from(socialAccounts).where(inArray(socialAccounts.id, ids));
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Disconnecting cancels what was waiting to go out on the account. */
  async disconnect(owner: Owner, accountId: string, locale: Locale): Promise<void> {
    const row = await this.load(owner, accountId, locale);
    await this.deps.db
      .update(socialAccounts)
      .set({ disconnectedAt: new Date(), updatedAt: new Date() })
      .where(eq(socialAccounts.id, row.id));
  }

  credentials(row: AccountRow): AccountCredentials {
    return {
      externalId: row.externalId,
      handle: row.handle,
      accessToken: this.deps.vault.open(row.accessToken),
      refreshToken: row.refreshToken ? this.deps.vault.open(row.refreshToken) : null,
      providerData: row.providerData,
    };
  }

  /**
   * Renews the account's tokens. A refusal flags "reconnect needed" and tells the owner; the
   * caller gets the error. A new refresh token replaces the old one only when one was given.
   */
  async refresh(row: AccountRow): Promise<AccountRow> {
    const provider = this.provider(row.provider);
    try {
      const tokens = await provider.refresh(this.credentials(row));
      const [updated] = await this.deps.db
        .update(socialAccounts)
        .set({
          accessToken: this.deps.vault.seal(tokens.accessToken),
          ...(tokens.refreshToken ? { refreshToken: this.deps.vault.seal(tokens.refreshToken) } : {}),
          tokenExpiresAt: tokens.expiresAt,
          reconnectNeeded: false,
          healthReason: null,
          updatedAt: new Date(),
        })
        .where(eq(socialAccounts.id, row.id))
        .returning();
      return updated as AccountRow;
    } catch (error) {
      const transient = error instanceof ProviderError && error.kind === 'retry';
      if (!transient) await this.flagReconnect(row, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async flagReconnect(row: AccountRow, reason: string): Promise<void> {
    const [flagged] = await this.deps.db
      .update(socialAccounts)
      .set({ reconnectNeeded: true, healthReason: reason.slice(0, 500), updatedAt: new Date() })
      .where(and(eq(socialAccounts.id, row.id), eq(socialAccounts.reconnectNeeded, false)))
      .returning({ id: socialAccounts.id });
    if (!flagged) return;
    for (const recipient of await this.ownersOf(row)) {
      await this.deps.notifications
        .notify(recipient, 'social.reconnect_needed', { accountId: row.id, handle: row.handle, provider: row.provider })
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'reconnect notice not sent'));
    }
  }

  /** Who hears about an account: its person, the team's managers, or the admins. */
  async ownersOf(row: Pick<AccountRow, 'ownerKind' | 'ownerKey' | 'teamId'>): Promise<string[]> {
    if (row.ownerKind === 'team' && row.teamId) return this.deps.teams.managerIdsOf(row.teamId);
    if (row.ownerKind === 'platform') return (await this.deps.people.listAdmins()).map((admin) => admin.id);
    return [row.ownerKey.slice('user:'.length)];
  }

  /** The refresh job: every live account whose token ends soon. Returns [renewed, failed]. */
  async refreshDue(): Promise<[number, number]> {
    const due = await this.deps.db
      .select()
      .from(socialAccounts)
      .where(
        and(
          isNull(socialAccounts.disconnectedAt),
          eq(socialAccounts.reconnectNeeded, false),
          isNotNull(socialAccounts.tokenExpiresAt),
          lt(socialAccounts.tokenExpiresAt, new Date(Date.now() + refreshLeadMs)),
        ),
      )
      .limit(500);
    let renewed = 0;
    for (const row of due) {
      try {
        await this.refresh(row);
        renewed++;
      } catch (error) {
        this.deps.logger.warn({ err: error, accountId: row.id }, 'token refresh failed');
      }
    }
    return [renewed, due.length - renewed];
  }
}
