import type { TeamRole } from '@souk/contracts/teams';
import { AppError } from '../../platform/http/app-error.ts';
import type { PeopleDirectory, TeamDirectory } from './ports.ts';

/** Which side of the affiliation a caller is on: a merchant team member, or an influencer. */
export type Side = { kind: 'merchant'; organizationId: string } | { kind: 'influencer'; influencerId: string };

export class ViewerSides {
  constructor(
    private readonly teams: TeamDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  /**
   * A member of a merchant team acts for it (the named one, else their first); anyone else must
   * be an influencer. Team roles are checked against `minimum`.
   */
  async of(userId: string, organizationId: string | undefined, minimum: TeamRole = 'analyst'): Promise<Side> {
    if (organizationId) {
      await this.teams.requireRole(userId, organizationId, minimum);
      return { kind: 'merchant', organizationId };
    }
    const [first] = await this.teams.membershipsOf(userId);
    if (first) {
      await this.teams.requireRole(userId, first.teamId, minimum);
      return { kind: 'merchant', organizationId: first.teamId };
    }
    const contact = await this.people.getContact(userId);
    if (contact?.accountType === 'influencer') return { kind: 'influencer', influencerId: userId };
    throw new AppError('forbidden');
  }

  async merchant(userId: string, organizationId: string | undefined, minimum: TeamRole): Promise<string> {
    const side = await this.of(userId, organizationId, minimum);
    if (side.kind !== 'merchant') throw new AppError('forbidden');
    return side.organizationId;
  }

  /** Only influencer accounts request affiliations and create links. */
  async influencer(userId: string, message: string): Promise<string> {
    const contact = await this.people.getContact(userId);
    if (contact?.accountType !== 'influencer') throw new AppError('forbidden', message);
    return userId;
  }
}
