import type { Me } from '@souk/contracts/identity';
import type { TeamRole } from '@souk/contracts/teams';
import { type AppLoadContext, data } from 'react-router';
import { requireUser } from './session.server';

/** Team roles that may write the catalog; analysts only read. */
const editingRoles: TeamRole[] = ['owner', 'admin', 'editor'];

export interface MerchantTeam {
  teamId: string;
  name: string;
  canEdit: boolean;
}

/**
 * The merchant team a product page works for: the one named by `?team=`, else the viewer's
 * first merchant team (most people have one). Someone without a merchant team gets the 403 page.
 */
export async function requireMerchantTeam(
  context: AppLoadContext,
  request: Request,
): Promise<{ viewer: Me; team: MerchantTeam }> {
  const viewer = await requireUser(context, request);
  const wanted = new URL(request.url).searchParams.get('team');
  const membership =
    viewer.accountType === 'merchant'
      ? (viewer.teams.find((team) => team.teamId === wanted) ?? viewer.teams[0])
      : undefined;
  if (!membership) throw data(null, { status: 403 });
  return {
    viewer,
    team: { teamId: membership.teamId, name: membership.name, canEdit: editingRoles.includes(membership.role) },
  };
}
