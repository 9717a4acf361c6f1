/** Where signing in lands when no page asked for it. */
export const afterSignIn = '/dashboard';

/**
 * Where the link of a confirmation mail lands: the API confirms the address, signs the person
 * in and redirects here (or here with `&error=` when the link is no longer valid).
 */
export const afterEmailVerified = '/dashboard?welcome=1';

/** What /verify-email answers to a request for a new link. */
export type ResendResult =
  | { ok: true; email: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; email: string };
