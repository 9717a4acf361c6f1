import type { KycKind } from '@souk/contracts/kyc';
import { AppError } from '../../platform/http/app-error.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { UserDirectory } from '../identity/user-directory.ts';

/** Whose KYC it is: an influencer's belongs to the user, a merchant's to the team. */
export interface KycSubject {
  type: 'user' | 'organization';
  id: string;
  name: string;
  kind: KycKind;
}

export type TeamDirectory = Pick<IdentityModule['teams'], 'membershipsOf' | 'requireRole'>;

/**
 * The subject a caller acts for. A team's KYC is submitted by its owner or an admin member;
 * anyone else gets the team's own answer (404 when not a member, 403 when the role is too weak).
 */
export async function resolveSubject(
  deps: { users: UserDirectory; teams: TeamDirectory },
  userId: string,
  organizationId: string | undefined,
): Promise<KycSubject> {
  const contact = await deps.users.getContact(userId);
  if (!contact) throw new AppError('unauthenticated');
  const memberships = await deps.teams.membershipsOf(userId);
  const teamId =
    organizationId ??
    (contact.accountType === 'merchant'
      ? memberships.find((membership) => membership.role === 'owner' || membership.role === 'admin')?.teamId
      : undefined);
  if (!teamId) return { type: 'user', id: userId, name: contact.name, kind: 'individual' };
  await deps.teams.requireRole(userId, teamId, 'admin');
  const team = memberships.find((membership) => membership.teamId === teamId);
  return { type: 'organization', id: teamId, name: team?.name ?? contact.name, kind: 'company' };
}

/** Whether this person belongs to the subject (themselves, or a member of the team). */
export async function belongsTo(
  teams: TeamDirectory,
  userId: string,
  subject: { type: 'user' | 'organization'; id: string },
): Promise<boolean> {
  if (subject.type === 'user') return subject.id === userId;
  return (await teams.membershipsOf(userId)).some((membership) => membership.teamId === subject.id);
}
