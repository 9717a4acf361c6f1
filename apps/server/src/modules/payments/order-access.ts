import type { TeamRole } from '@souk/contracts/teams';
import type { Viewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { OrderAccessTokens } from './access-tokens.ts';
import type { OrderRow } from './order-records.ts';
import type { ViewerRole } from './order-views.ts';
import type { TeamDirectory } from './ports.ts';

/**
 * Who may see an order, and as what: its buyer (signed in, or holding the access token), an
 * admin, or a member of the merchant team. Anyone else gets 404: an order id reveals nothing.
 */
export class OrderAccess {
  constructor(private readonly deps: { teams: TeamDirectory; tokens: OrderAccessTokens }) {}

  async roleFor(order: OrderRow, viewer: Viewer | null, accessToken: string | undefined): Promise<ViewerRole> {
    if ((viewer && order.buyerUserId === viewer.userId) || this.deps.tokens.verify(order.id, accessToken))
      return 'buyer';
    if (viewer?.role === 'admin' && viewer.via === 'session') return 'admin';
    if (viewer) {
      const memberships = await this.deps.teams.membershipsOf(viewer.userId);
      if (memberships.some((membership) => membership.teamId === order.organizationId)) return 'merchant';
    }
    throw new AppError('not_found');
  }

  /** The merchant team a member acts for: the one named, else their first; checked against `minimum`. */
  async merchantTeam(userId: string, organizationId: string | undefined, minimum: TeamRole): Promise<string> {
    if (organizationId) {
      await this.deps.teams.requireRole(userId, organizationId, minimum);
      return organizationId;
    }
    const [first] = await this.deps.teams.membershipsOf(userId);
    if (!first) throw new AppError('forbidden');
    await this.deps.teams.requireRole(userId, first.teamId, minimum);
    return first.teamId;
  }

  /** Refunds: the merchant's owner or admins, or a platform admin. */
  async requireRefunder(order: OrderRow, viewer: Viewer): Promise<void> {
    if (viewer.role === 'admin' && viewer.via === 'session') return;
    const memberships = await this.deps.teams.membershipsOf(viewer.userId);
    if (!memberships.some((membership) => membership.teamId === order.organizationId)) throw new AppError('not_found');
    await this.deps.teams.requireRole(viewer.userId, order.organizationId, 'admin');
  }
}
