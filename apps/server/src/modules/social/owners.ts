import type { Locale } from '@souk/contracts/locales';
import type { SocialOwnerKind } from '@souk/contracts/social';
import { socialProblemMessages } from '@souk/contracts/social-messages';
import type { TeamRole } from '@souk/contracts/teams';
import type { Viewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { TeamDirectory } from './ports.ts';

/** Whose accounts and posts a call acts on, and the role the caller has there. */
export interface Owner {
  key: string;
  kind: SocialOwnerKind;
  teamId: string | null;
  /** The caller's team role; owner for their own things and admins on official accounts. */
  role: TeamRole;
}

export interface OwnerChoice {
  owner?: 'me' | 'team' | 'platform' | undefined;
  teamId?: string | undefined;
}

export function ownerKeyOf(kind: SocialOwnerKind, id: string | null): string {
  return kind === 'platform' ? 'platform' : `${kind}:${id}`;
}

export class OwnerResolver {
  constructor(private readonly teams: TeamDirectory) {}

  /**
   * `me`: the caller; `team`: a team they belong to with at least `minimum`; `platform`: admins
   * only. A team the caller is not in answers 404 through requireRole, never someone's data.
   */
  async resolve(viewer: Viewer, choice: OwnerChoice, minimum: TeamRole, locale: Locale): Promise<Owner> {
    const owner = choice.owner ?? 'me';
    if (owner === 'platform') {
      if (viewer.role !== 'admin') throw new AppError('forbidden', socialProblemMessages[locale].admins_only);
      return { key: 'platform', kind: 'platform', teamId: null, role: 'owner' };
    }
    if (owner === 'team') {
      if (!choice.teamId) throw new AppError('validation_failed', undefined, [{ path: 'teamId', message: 'teamId' }]);
      const role = await this.teams.requireRole(viewer.userId, choice.teamId, minimum);
      return { key: ownerKeyOf('team', choice.teamId), kind: 'team', teamId: choice.teamId, role };
    }
    return { key: ownerKeyOf('user', viewer.userId), kind: 'user', teamId: null, role: 'owner' };
  }
}
