/** What the account settings page's forms send (`intent`) and get back. */
export const accountIntents = [
  'profile',
  'email',
  'password',
  '2fa-enable',
  '2fa-confirm',
  '2fa-disable',
  '2fa-backup-codes',
  'revoke-session',
  'revoke-other-sessions',
] as const;
export type AccountIntent = (typeof accountIntents)[number];

/** Shown between "Turn on" and the confirming code; carried by the confirm form until it succeeds. */
export interface TwoFactorSetup {
  /** The QR code of `totpURI`, as an SVG data URL drawn on the server. */
  qrCode: string;
  totpURI: string;
  backupCodes: string[];
}

export type AccountActionData =
  | { ok: true; intent: AccountIntent; setup?: TwoFactorSetup; backupCodes?: string[] }
  | { ok: false; intent: AccountIntent; error: string; fieldErrors: Record<string, string>; setup?: TwoFactorSetup };

/** A row of the sessions list, without its token (a secret the page never needs). */
export interface SessionView {
  id: string;
  device: string | null;
  ipAddress: string | null;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

/** The result of the action when it was for one of `intents`, else nothing. */
export function resultFor(
  actionData: AccountActionData | undefined,
  ...intents: AccountIntent[]
): AccountActionData | undefined {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}
