import type { TeamRole } from '@souk/contracts/teams';
import type { MessagingModule } from '../messaging/module.ts';

export type Mailer = Pick<MessagingModule['mail'], 'send'>;

/** Teams, to show a team's invoices to its members. */
export interface TeamDirectory {
  requireRole(userId: string, teamId: string, minimum: TeamRole): Promise<TeamRole>;
  membershipsOf(userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]>;
}
