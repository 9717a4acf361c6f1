import type { AuditAction } from '@souk/contracts/audit';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { auditEvents } from './schema.ts';

export { type AuditAction, auditActions } from '@souk/contracts/audit';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null | undefined;
  targetId?: string | null | undefined;
  ipAddress?: string | null | undefined;
  userAgent?: string | null | undefined;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  limit: number;
  cursor?: string | undefined;
  userId?: string | undefined;
  action?: AuditAction | undefined;
}

type AuditRow = typeof auditEvents.$inferSelect;

function encodeCursor(row: AuditRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { createdAt, id };
}

/** Append-only record of security events, readable by admins. */
export class AuditLog {
  constructor(private readonly db: Database) {}

  async record(entry: AuditEntry, executor?: Executor): Promise<void> {
    await (executor ?? this.db).insert(auditEvents).values({
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetId: entry.targetId ?? null,
      ipAddress: entry.ipAddress ?? null,
      userAgent: entry.userAgent?.slice(0, 500) ?? null,
      details: entry.details ?? {},
    });
  }

  /** Newest first, keyset-paginated. An unreadable cursor returns null (the route answers 422). */
  async list(query: AuditQuery): Promise<{ items: AuditRow[]; nextCursor: string | null } | null> {
    const conditions: SQL[] = [];
    if (query.userId) {
      conditions.push(or(eq(auditEvents.actorId, query.userId), eq(auditEvents.targetId, query.userId)) as SQL);
    }
    if (query.action) conditions.push(eq(auditEvents.action, query.action));
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      if (!after) return null;
      conditions.push(
        or(
          lt(auditEvents.createdAt, after.createdAt),
          and(eq(auditEvents.createdAt, after.createdAt), lt(auditEvents.id, after.id)),
        ) as SQL,
      );
    }
    const rows = await this.db
      .select()
      .from(auditEvents)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  /** Whether this user has signed in before from this user agent (new-device warning). */
  async hasSignedInFrom(userId: string, userAgent: string | null): Promise<{ any: boolean; same: boolean }> {
    const rows = await this.db
      .select({ userAgent: auditEvents.userAgent })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, userId), eq(auditEvents.action, 'sign_in')))
      .orderBy(desc(auditEvents.createdAt))
      .limit(50);
    return { any: rows.length > 0, same: rows.some((row) => row.userAgent === (userAgent?.slice(0, 500) ?? null)) };
  }
}
