/**
 * Whose social accounts and posts a page shows. The same pages serve an influencer (their own),
 * a merchant team (`?team=`, else the first team) and the platform's official accounts (under
 * /admin/social, admins only).
 */
export interface SocialScope {
  owner: 'me' | 'team' | 'platform';
  teamId: string | null;
  teamName: string | null;
  /** Where this scope's pages live: "/social" or "/admin/social". */
  base: string;
  /** Owner/admin of the team, or a platform admin: approves posts, changes team settings. */
  canApprove: boolean;
}

/** `owner=…&teamId=…` for the API's list and connection calls. */
export function ownerParams(scope: SocialScope, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams({ owner: scope.owner, ...extra });
  if (scope.teamId) params.set('teamId', scope.teamId);
  return params;
}

/** The same, as fields of a JSON body. */
export function ownerFields(scope: SocialScope): { owner: SocialScope['owner']; teamId?: string } {
  return scope.teamId ? { owner: scope.owner, teamId: scope.teamId } : { owner: scope.owner };
}

/** A page path of the scope, keeping the chosen team. */
export function scopedPath(scope: SocialScope, path: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (scope.owner === 'team' && scope.teamId) params.set('team', scope.teamId);
  const query = params.toString();
  return `${scope.base}${path}${query ? `?${query}` : ''}`;
}

/** The team's social settings (require approval) live with the team. */
export function teamSettingsPath(teamId: string): string {
  return `/api/v1/social/teams/${encodeURIComponent(teamId)}/settings`;
}
