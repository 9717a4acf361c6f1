import { createHash, randomBytes } from 'node:crypto';
import { isLocale } from '@souk/contracts/locales';
import { type TeamRole, teamRoleRank } from '@souk/contracts/teams';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditLog } from './audit-log.ts';
import type { IdentityMailer } from './identity-mailer.ts';
import type { SeatQuota } from './ports.ts';
import { teamInvitations, teamMembers, teams, users } from './schema.ts';

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

type InvitationRow = typeof teamInvitations.$inferSelect;

function invitationView(row: InvitationRow) {
  return {
    id: row.id,
    email: row.email,
    role: row.role as 'admin' | 'editor' | 'analyst',
    status: row.status as 'pending' | 'accepted' | 'revoked',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Actor {
  userId: string;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
}

/**
 * Merchant teams: members, roles, invitations and ownership. Every method checks the caller's
 * own role first; a team the caller is not in does not exist for them (404).
 */
export class TeamService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly mailer: IdentityMailer,
    private readonly publicUrl: string,
    /** The plan's seats (billing); absent, teams have no size limit. */
    private readonly seats: () => SeatQuota | undefined = () => undefined,
  ) {}

  /** A merchant account is a team: created with its owner. */
  async createForOwner(userId: string, name: string, executor?: Executor): Promise<string> {
    const run = async (tx: Executor) => {
      const [team] = await tx.insert(teams).values({ name }).returning({ id: teams.id });
      const teamId = team?.id as string;
      await tx.insert(teamMembers).values({ teamId, userId, role: 'owner' });
      return teamId;
    };
    return executor ? run(executor) : this.db.transaction(run);
  }

  /** Members of a team (billing's seat gauge starts from it). */
  async memberCount(teamId: string, executor: Executor = this.db): Promise<number> {
    const [row] = await executor
      .select({ count: sql<number>`count(*)::int` })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId));
    return row?.count ?? 0;
  }

  async membershipsOf(userId: string) {
    return this.db
      .select({ teamId: teams.id, name: teams.name, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId))
      .orderBy(asc(teams.createdAt)) as Promise<{ teamId: string; name: string; role: TeamRole }[]>;
  }

  /**
   * The authorisation check other modules use: the caller's role in the team, if it is at least
   * `minimum`. Not a member: 404 (the team is invisible); too weak a role: 403.
   */
  async requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole> {
    const [row] = await (executor ?? this.db)
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    if (!row) throw new AppError('not_found');
    const role = row.role as TeamRole;
    if (teamRoleRank[role] < teamRoleRank[minimum]) throw new AppError('forbidden');
    return role;
  }

  /** Public names of teams (a merchant card shows its team's name); unknown ids are left out. */
  async namesOf(teamIds: readonly string[], executor: Executor = this.db): Promise<Map<string, string>> {
    if (teamIds.length === 0) return new Map();
    const rows = await executor
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(inArray(teams.id, [...new Set(teamIds)]));
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Members who run the team (owner and admins): the people told about what happens to it. */
  async managerIdsOf(teamId: string, executor?: Executor): Promise<string[]> {
    const rows = await (executor ?? this.db)
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.role, ['owner', 'admin'])))
      .orderBy(asc(teamMembers.createdAt));
    return rows.map((row) => row.userId);
  }

  async get(userId: string, teamId: string) {
    const myRole = await this.requireRole(userId, teamId, 'analyst');
    const [team] = await this.db.select().from(teams).where(eq(teams.id, teamId));
    const members = await this.db
      .select({
        userId: teamMembers.userId,
        name: users.name,
        email: users.email,
        role: teamMembers.role,
        joinedAt: teamMembers.createdAt,
      })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.teamId, teamId))
      .orderBy(
        sql`case ${teamMembers.role} when 'owner' then 0 when 'admin' then 1 when 'editor' then 2 else 3 end`,
        asc(users.name),
      );
    const canManage = teamRoleRank[myRole] >= teamRoleRank.admin;
    const invitations = canManage
      ? await this.db
          .select()
          .from(teamInvitations)
          .where(and(eq(teamInvitations.teamId, teamId), eq(teamInvitations.status, 'pending')))
          .orderBy(asc(teamInvitations.createdAt))
      : [];
    return {
      id: teamId,
      name: team?.name ?? '',
      myRole,
      members: members.map((member) => ({
        ...member,
        role: member.role as TeamRole,
        joinedAt: member.joinedAt.toISOString(),
      })),
      invitations: invitations.map(invitationView),
    };
  }

  async invite(actor: Actor, teamId: string, email: string, role: 'admin' | 'editor' | 'analyst') {
    const myRole = await this.requireRole(actor.userId, teamId, 'admin');
    // Only the owner appoints admins, by invitation as by role change.
    if (role === 'admin' && myRole !== 'owner') throw new AppError('forbidden');
    const normalized = email.trim().toLowerCase();
    const token = randomBytes(32).toString('base64url');
    const [inviter] = await this.db.select().from(users).where(eq(users.id, actor.userId));
    const [existingUser] = await this.db.select().from(users).where(eq(users.email, normalized));
    if (existingUser) {
      const [member] = await this.db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, existingUser.id)));
      if (member) throw new AppError('conflict', 'This person is already a member of the team.');
    }
    const [team] = await this.db.select().from(teams).where(eq(teams.id, teamId));
    return this.db.transaction(async (tx) => {
      // A new invitation to the same address replaces the pending one.
      await tx
        .update(teamInvitations)
        .set({ status: 'revoked' })
        .where(
          and(
            eq(teamInvitations.teamId, teamId),
            eq(teamInvitations.email, normalized),
            eq(teamInvitations.status, 'pending'),
          ),
        );
      const seats = this.seats();
      if (seats) {
        // Pending invitations hold a seat each: the plan's limit is checked before anyone joins.
        const [pending] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(teamInvitations)
          .where(
            and(
              eq(teamInvitations.teamId, teamId),
              eq(teamInvitations.status, 'pending'),
              sql`${teamInvitations.expiresAt} > now()`,
            ),
          );
        await seats.assertRoom(tx, teamId, pending?.count ?? 0);
      }
      const [invitation] = await tx
        .insert(teamInvitations)
        .values({
          teamId,
          email: normalized,
          role,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + invitationLifetimeMs),
        })
        .returning();
      const url = new URL(`/invitations/accept?token=${token}`, this.publicUrl).toString();
      await this.mailer.send({
        to: normalized,
        locale: isLocale(existingUser?.locale)
          ? existingUser.locale
          : isLocale(inviter?.locale)
            ? inviter.locale
            : 'fr',
        template: 'team-invitation',
        data: {
          name: existingUser?.name ?? normalized,
          url,
          teamName: team?.name ?? '',
          inviterName: inviter?.name ?? '',
        },
        executor: tx,
      });
      await this.audit.record(
        {
          action: 'team_member_invited',
          actorId: actor.userId,
          targetId: existingUser?.id ?? null,
          ipAddress: actor.ipAddress,
          userAgent: actor.userAgent,
          details: { teamId, email: normalized, role },
        },
        tx,
      );
      return invitationView(invitation as InvitationRow);
    });
  }

  async revokeInvitation(actor: Actor, teamId: string, invitationId: string) {
    await this.requireRole(actor.userId, teamId, 'admin');
    const [row] = await this.db
      .update(teamInvitations)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(teamInvitations.id, invitationId),
          eq(teamInvitations.teamId, teamId),
          eq(teamInvitations.status, 'pending'),
        ),
      )
      .returning();
    if (!row) throw new AppError('not_found');
  }

  /** The invitee, signed in with the invited address, joins with the invited role. */
  async accept(actor: Actor, token: string) {
    return this.db.transaction(async (tx) => {
      const [invitation] = await tx
        .select()
        .from(teamInvitations)
        .where(eq(teamInvitations.tokenHash, hashToken(token)))
        .for('update');
      if (invitation?.status !== 'pending' || invitation.expiresAt <= new Date()) {
        throw new AppError('invalid_token');
      }
      const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
      if (!user || user.email.toLowerCase() !== invitation.email) {
        throw new AppError('forbidden', 'This invitation was sent to another address.');
      }
      await this.seats()?.consume(tx, invitation.teamId);
      const inserted = await tx
        .insert(teamMembers)
        .values({ teamId: invitation.teamId, userId: actor.userId, role: invitation.role })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw new AppError('conflict', 'You are already a member of this team.');
      await tx.update(teamInvitations).set({ status: 'accepted' }).where(eq(teamInvitations.id, invitation.id));
      await this.audit.record(
        {
          action: 'team_member_joined',
          actorId: actor.userId,
          targetId: actor.userId,
          ipAddress: actor.ipAddress,
          userAgent: actor.userAgent,
          details: { teamId: invitation.teamId, role: invitation.role },
        },
        tx,
      );
      return { teamId: invitation.teamId, role: invitation.role as TeamRole };
    });
  }

  async changeRole(actor: Actor, teamId: string, userId: string, role: 'admin' | 'editor' | 'analyst') {
    await this.db.transaction(async (tx) => {
      // Checked under lock: a concurrent transfer or removal cannot slip between check and write.
      const roles = await this.lockMembers(tx, teamId);
      const myRole = roles.get(actor.userId);
      if (!myRole) throw new AppError('not_found');
      if (teamRoleRank[myRole] < teamRoleRank.admin) throw new AppError('forbidden');
      const target = roles.get(userId);
      if (!target) throw new AppError('not_found');
      if (target === 'owner') throw new AppError('forbidden', 'Ownership changes only by transfer.');
      // Admins manage editors and analysts; only the owner appoints or demotes admins.
      if (myRole !== 'owner' && (target === 'admin' || role === 'admin')) throw new AppError('forbidden');
      await tx
        .update(teamMembers)
        .set({ role })
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
      if (target === 'admin' && role !== 'admin') await this.revokeInvitationsBy(tx, teamId, userId);
      await this.audit.record(
        {
          action: 'role_changed',
          actorId: actor.userId,
          targetId: userId,
          ipAddress: actor.ipAddress,
          userAgent: actor.userAgent,
          details: { teamId, from: target, to: role },
        },
        tx,
      );
    });
  }

  async removeMember(actor: Actor, teamId: string, userId: string) {
    const leaving = actor.userId === userId;
    await this.db.transaction(async (tx) => {
      const roles = await this.lockMembers(tx, teamId);
      const myRole = roles.get(actor.userId);
      if (!myRole) throw new AppError('not_found');
      if (!leaving && teamRoleRank[myRole] < teamRoleRank.admin) throw new AppError('forbidden');
      const target = roles.get(userId);
      if (!target) throw new AppError('not_found');
      if (target === 'owner') throw new AppError('forbidden', 'Transfer ownership before leaving the team.');
      if (!leaving && myRole !== 'owner' && target === 'admin') throw new AppError('forbidden');
      await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
      await this.seats()?.release(tx, teamId);
      // What they sent while they could is withdrawn with them.
      await this.revokeInvitationsBy(tx, teamId, userId);
      await this.audit.record(
        {
          action: 'team_member_removed',
          actorId: actor.userId,
          targetId: userId,
          ipAddress: actor.ipAddress,
          userAgent: actor.userAgent,
          details: { teamId, role: target },
        },
        tx,
      );
    });
  }

  /** The owner hands the team to another member and stays on as an admin. */
  async transferOwnership(actor: Actor, teamId: string, userId: string) {
    await this.db.transaction(async (tx) => {
      const roles = await this.lockMembers(tx, teamId);
      const myRole = roles.get(actor.userId);
      if (!myRole) throw new AppError('not_found');
      if (myRole !== 'owner') throw new AppError('forbidden');
      if (userId === actor.userId) throw new AppError('conflict', 'You already own this team.');
      if (!roles.has(userId)) throw new AppError('not_found');
      await tx
        .update(teamMembers)
        .set({ role: 'admin' })
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, actor.userId)));
      await tx
        .update(teamMembers)
        .set({ role: 'owner' })
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
      await this.audit.record(
        {
          action: 'team_ownership_transferred',
          actorId: actor.userId,
          targetId: userId,
          ipAddress: actor.ipAddress,
          userAgent: actor.userAgent,
          details: { teamId },
        },
        tx,
      );
    });
  }

  /** Locks the team's member rows for the rest of the transaction and returns their roles. */
  private async lockMembers(tx: Executor, teamId: string): Promise<Map<string, TeamRole>> {
    const rows = await tx
      .select({ userId: teamMembers.userId, role: teamMembers.role })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId))
      .for('update');
    return new Map(rows.map((row) => [row.userId, row.role as TeamRole]));
  }

  private async revokeInvitationsBy(tx: Executor, teamId: string, inviterId: string): Promise<void> {
    await tx
      .update(teamInvitations)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(teamInvitations.teamId, teamId),
          eq(teamInvitations.invitedBy, inviterId),
          eq(teamInvitations.status, 'pending'),
        ),
      );
  }
}
