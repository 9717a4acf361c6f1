import type { Locale } from '@souk/contracts/locales';
import type { Executor } from '../../platform/db/database.ts';

/** The mails the site sends; the messaging module owns their templates and delivery. */
export type SiteMail =
  | { template: 'newsletter-confirm'; data: { url: string; unsubscribeUrl: string } }
  | { template: 'contact-auto-reply'; data: { name: string; message: string } }
  | { template: 'contact-answer'; data: { name: string; message: string; answer: string } }
  | {
      template: 'contact-received';
      data: { name: string; email: string; subject: string; message: string; inboxUrl: string };
    };

/** The site's port to mail, wired to the messaging module by the composition root. */
export interface SiteMailer {
  send(input: SiteMail & { to: string; locale: Locale; executor?: Executor | undefined }): Promise<string>;
}
