import type { Executor } from '../../platform/db/database.ts';

/**
 * The plan's team-seat quota (billing), counted in identity's own transactions: an invitation
 * needs a free seat (pending invitations hold theirs), joining takes one, leaving gives it back.
 */
export interface SeatQuota {
  assertRoom(executor: Executor, teamId: string, pendingInvitations: number): Promise<void>;
  consume(executor: Executor, teamId: string): Promise<void>;
  release(executor: Executor, teamId: string): Promise<void>;
}
