import { z } from 'zod';

/** Team roles, strongest first. The owner is unique and changes only by transfer. */
export const teamRoles = ['owner', 'admin', 'editor', 'analyst'] as const;
export type TeamRole = (typeof teamRoles)[number];
export const invitableTeamRoles = ['admin', 'editor', 'analyst'] as const;

export const teamRoleRank: Record<TeamRole, number> = { owner: 4, admin: 3, editor: 2, analyst: 1 };

export const teamMembershipSchema = z
  .object({ teamId: z.uuid(), name: z.string(), role: z.enum(teamRoles) })
  .meta({ id: 'TeamMembership' });

export const teamMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(teamRoles),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'TeamMember' });

export const teamInvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(invitableTeamRoles),
    status: z.enum(['pending', 'accepted', 'revoked']),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'TeamInvitation' });

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    myRole: z.enum(teamRoles),
    members: z.array(teamMemberSchema),
    invitations: z.array(teamInvitationSchema).describe('Pending invitations; owners and admins only'),
  })
  .meta({ id: 'Team' });

export const inviteMemberBodySchema = z.object({ email: z.email().max(320), role: z.enum(invitableTeamRoles) });
export const changeMemberRoleBodySchema = z.object({ role: z.enum(invitableTeamRoles) });
export const transferOwnershipBodySchema = z.object({ userId: z.string().min(1).max(100) });
export const acceptInvitationBodySchema = z.object({ token: z.string().min(20).max(200) });
