import { type AccountType, type Me, type PlatformRole, toPlatformRole } from '@souk/contracts/identity';
import { isLocale, type Locale } from '@souk/contracts/locales';
import { hashPassword } from 'better-auth/crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { accounts, sessions, users } from './schema.ts';
import type { TeamService } from './team-service.ts';
import type { UserContact, UserDirectory } from './user-directory.ts';

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role?: PlatformRole;
  accountType?: AccountType | null;
  locale?: Locale | null;
  emailVerified?: boolean;
}

type UserRow = typeof users.$inferSelect;

function toContact(row: UserRow): UserContact {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : null,
    role: row.role === 'admin' ? 'admin' : 'user',
    accountType: row.accountType === 'merchant' || row.accountType === 'influencer' ? row.accountType : null,
  };
}

export class UserService implements UserDirectory {
  constructor(
    private readonly db: Database,
    private readonly teams: TeamService,
  ) {}

  /**
   * Creates a user with a password the way better-auth stores it (a `credential` account), so
   * the seed and tests make accounts that sign in through the real flow.
   */
  async create(input: NewUser): Promise<UserContact> {
    const id = crypto.randomUUID();
    const passwordHash = await hashPassword(input.password);
    const email = input.email.trim().toLowerCase();
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          id,
          name: input.name,
          email,
          emailVerified: input.emailVerified ?? true,
          role: input.role ?? 'user',
          accountType: input.accountType ?? null,
          locale: input.locale ?? null,
        })
        .returning();
      await tx.insert(accounts).values({
        id: crypto.randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
      });
      // A merchant account is a team from the start, with its creator as owner.
      if (input.accountType === 'merchant') await this.teams.createForOwner(id, input.name, tx);
      return toContact(row as UserRow);
    });
  }

  async getContact(userId: string, options: { executor?: Executor | undefined } = {}): Promise<UserContact | null> {
    const [row] = await (options.executor ?? this.db).select().from(users).where(eq(users.id, userId)).limit(1);
    return row ? toContact(row) : null;
  }

  /** When the account was created (referral windows start there). */
  async signedUpAt(userId: string): Promise<Date | null> {
    const [row] = await this.db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).limit(1);
    return row?.createdAt ?? null;
  }

  async findByEmail(email: string): Promise<UserContact | null> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
    return row ? toContact(row) : null;
  }

  /** The signed-in person's own view of their account (GET /me). */
  async getMe(userId: string): Promise<Me | null> {
    const [row] = await this.db.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!row) return null;
    const contact = toContact(row);
    const memberships = await this.teams.membershipsOf(userId);
    return {
      ...contact,
      role: toPlatformRole(row.role),
      emailVerified: row.emailVerified,
      twoFactorEnabled: row.twoFactorEnabled,
      teams: memberships,
    };
  }

  async revokeSessionByToken(token: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.token, token));
  }

  async listAdmins(): Promise<UserContact[]> {
    const rows = await this.db.select().from(users).where(eq(users.role, 'admin')).orderBy(asc(users.createdAt));
    return rows.map(toContact);
  }

  /** How many accounts of a kind exist (the marketplace shows its number of influencers). */
  async countByAccountType(accountType: AccountType): Promise<number> {
    const [row] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.accountType, accountType));
    return row?.count ?? 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ count: sql<number>`count(*)::int` }).from(users);
    return row?.count ?? 0;
  }
}
