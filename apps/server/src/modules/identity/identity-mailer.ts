import type { Locale } from '@souk/contracts/locales';
import type { Executor } from '../../platform/db/database.ts';

/** The mails identity sends; the messaging module owns their templates and delivery. */
export type IdentityMail =
  | { template: 'verify-email'; data: { name: string; url: string } }
  | { template: 'password-reset'; data: { name: string; url: string } }
  | { template: 'two-factor-code'; data: { code: string } }
  | { template: 'team-invitation'; data: { name: string; url: string; teamName: string; inviterName: string } }
  | { template: 'new-sign-in'; data: { device: string; ipAddress: string | null; at: string } };

/** Identity's port to mail, wired to the messaging module by the composition root. */
export interface IdentityMailer {
  send(input: IdentityMail & { to: string; locale: Locale; executor?: Executor | undefined }): Promise<string>;
}
