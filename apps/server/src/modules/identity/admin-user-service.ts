import type { AdminUserView } from '@souk/contracts/admin';
import { toPlatformRole } from '@souk/contracts/identity';
import { and, desc, eq, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditLog, AuditQuery } from './audit-log.ts';
import { sessions, users } from './schema.ts';

type UserRow = typeof users.$inferSelect;

function toView(row: UserRow): AdminUserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: toPlatformRole(row.role),
    accountType: row.accountType === 'merchant' || row.accountType === 'influencer' ? row.accountType : null,
    emailVerified: row.emailVerified,
    twoFactorEnabled: row.twoFactorEnabled,
    banned: row.banned,
    banReason: row.banReason,
    createdAt: row.createdAt.toISOString(),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export interface RequestContext {
  ipAddress?: string;
  userAgent?: string | undefined;
}

/** What platform operators do to accounts: find, suspend, reactivate; and read the audit log. */
export class AdminUserService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  async list(query: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
    const conditions: SQL[] = [];
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern)) as SQL);
    }
    if (query.cursor) {
      const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
      const createdAt = new Date(at ?? '');
      if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('validation_failed', 'Invalid cursor');
      conditions.push(or(lt(users.createdAt, createdAt), and(eq(users.createdAt, createdAt), lt(users.id, id))) as SQL);
    }
    const rows = await this.db
      .select()
      .from(users)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url')
        : null;
    return { items: items.map(toView), nextCursor };
  }

  /** Suspends at once: the flag stops every session and key on their next request; sessions are deleted too. */
  async suspend(adminId: string, userId: string, reason: string, context: RequestContext): Promise<AdminUserView> {
    if (adminId === userId) throw new AppError('conflict', 'You cannot suspend your own account.');
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ banned: true, banReason: reason, updatedAt: new Date() })
        .where(eq(users.id, userId))
        .returning();
      if (!row) throw new AppError('not_found');
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await this.audit.record(
        { action: 'user_suspended', actorId: adminId, targetId: userId, ...context, details: { reason } },
        tx,
      );
      return toView(row);
    });
  }

  async reactivate(adminId: string, userId: string, context: RequestContext): Promise<AdminUserView> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ banned: false, banReason: null, banExpires: null, updatedAt: new Date() })
        .where(eq(users.id, userId))
        .returning();
      if (!row) throw new AppError('not_found');
      await this.audit.record({ action: 'user_reactivated', actorId: adminId, targetId: userId, ...context }, tx);
      return toView(row);
    });
  }

  /**
   * Grants or withdraws the KYC reviewer role. Admin is never granted here (CLI only), and an
   * admin is never demoted here either.
   */
  async setReviewer(
    adminId: string,
    userId: string,
    reviewer: boolean,
    context: RequestContext,
  ): Promise<AdminUserView> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for('update');
      if (!current) throw new AppError('not_found');
      if (current.role === 'admin') throw new AppError('conflict', 'An admin already reviews KYC.');
      const role = reviewer ? 'kyc_reviewer' : 'user';
      const [row] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
      await this.audit.record(
        {
          action: 'role_changed',
          actorId: adminId,
          targetId: userId,
          ...context,
          details: { from: current.role, to: role },
        },
        tx,
      );
      return toView(row as UserRow);
    });
  }

  /** The audit log with the people involved named by email. */
  async auditEvents(query: AuditQuery) {
    const page = await this.audit.list(query);
    if (!page) throw new AppError('validation_failed', 'Invalid cursor');
    const ids = [...new Set(page.items.flatMap((item) => [item.actorId, item.targetId]).filter(Boolean))] as string[];
    const emails = new Map(
      ids.length
        ? (await this.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids))).map(
            (row) => [row.id, row.email] as const,
          )
        : [],
    );
    return {
      items: page.items.map((item) => ({
        id: item.id,
        action: item.action,
        actorId: item.actorId,
        actorEmail: item.actorId ? (emails.get(item.actorId) ?? null) : null,
        targetId: item.targetId,
        targetEmail: item.targetId ? (emails.get(item.targetId) ?? null) : null,
        ipAddress: item.ipAddress,
        userAgent: item.userAgent,
        details: item.details,
        createdAt: item.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
