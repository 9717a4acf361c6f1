import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyScope, ApiKeyView } from '@souk/contracts/api-keys';
import { type PlatformRole, toPlatformRole } from '@souk/contracts/identity';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditLog } from './audit-log.ts';
import { apiKeys, users } from './schema.ts';

const keyPrefix = 'souk_';
/** How stale `last_used_at` may get before a request writes it again (one write per minute, not per call). */
const lastUsedResolutionMs = 60_000;

type ApiKeyRow = typeof apiKeys.$inferSelect;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface ApiKeyCaller {
  userId: string;
  role: PlatformRole;
  scopes: string[];
}

/**
 * API keys for programs. The secret is 32 random bytes shown once; only its SHA-256 is stored
 * (a fast hash is right here: the input is random, not a human password).
 */
export class ApiKeyService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    userId: string,
    input: { name: string; scopes: ApiKeyScope[]; expiresInDays?: number | undefined },
    context: { ipAddress?: string; userAgent?: string | undefined } = {},
  ): Promise<{ key: string; apiKey: ApiKeyView }> {
    const key = `${keyPrefix}${randomBytes(32).toString('base64url')}`;
    const expiresAt = input.expiresInDays ? new Date(this.now().getTime() + input.expiresInDays * 86_400_000) : null;
    const row = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(apiKeys)
        .values({
          userId,
          name: input.name,
          prefix: key.slice(0, keyPrefix.length + 6),
          keyHash: hashApiKey(key),
          scopes: [...new Set(input.scopes)],
          expiresAt,
        })
        .returning();
      await this.audit.record(
        {
          action: 'api_key_created',
          actorId: userId,
          targetId: userId,
          ipAddress: context.ipAddress,
          userAgent: context.userAgent,
          details: { apiKeyId: created?.id, name: input.name, scopes: input.scopes },
        },
        tx,
      );
      return created as ApiKeyRow;
    });
    return { key, apiKey: toView(row) };
  }

  async list(userId: string): Promise<ApiKeyView[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(desc(apiKeys.createdAt));
    return rows.map(toView);
  }

  /** Revoking someone else's key, or an unknown one, is a 404: keys of others do not exist for you. */
  async revoke(userId: string, id: string, context: { ipAddress?: string; userAgent?: string | undefined } = {}) {
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(apiKeys)
        .set({ revokedAt: this.now() })
        .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .returning();
      if (!row) {
        const [existing] = await tx
          .select({ id: apiKeys.id })
          .from(apiKeys)
          .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)));
        if (!existing) throw new AppError('not_found');
        return; // already revoked: revoking again changes nothing
      }
      await this.audit.record(
        {
          action: 'api_key_revoked',
          actorId: userId,
          targetId: userId,
          ipAddress: context.ipAddress,
          userAgent: context.userAgent,
          details: { apiKeyId: id },
        },
        tx,
      );
    });
  }

  /** The caller behind a presented key, or null when it is unknown, revoked, expired or its owner suspended. */
  async authenticate(key: string): Promise<ApiKeyCaller | null> {
    if (!key.startsWith(keyPrefix) || key.length > 200) return null;
    const now = this.now();
    const [row] = await this.db
      .select({ key: apiKeys, role: users.role, banned: users.banned })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.keyHash, hashApiKey(key)))
      .limit(1);
    if (!row || row.key.revokedAt || row.banned) return null;
    if (row.key.expiresAt && row.key.expiresAt <= now) return null;
    const stale = new Date(now.getTime() - lastUsedResolutionMs);
    await this.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
    return { userId: row.key.userId, role: toPlatformRole(row.role), scopes: row.key.scopes };
  }
}
