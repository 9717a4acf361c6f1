import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Locale } from '@souk/contracts/locales';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { siteNewsletterSubscriptions } from './schema.ts';
import type { SiteMailer } from './site-mailer.ts';

export interface NewsletterServiceDeps {
  db: Database;
  mailer: SiteMailer;
  publicUrl: string;
  /** Signs unsubscribe tokens. */
  secret: string;
  now?: () => Date;
}

const confirmLifetimeMs = 7 * 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Newsletter with double opt-in. Whatever the address's state, `subscribe` answers the same, so
 * nobody learns who is subscribed; only the owner of the mailbox can confirm.
 */
export class NewsletterService {
  private readonly now: () => Date;

  constructor(private readonly deps: NewsletterServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async subscribe(rawEmail: string, locale: Locale): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    await this.deps.db.transaction(async (tx) => {
      await tx
        .insert(siteNewsletterSubscriptions)
        .values({ email, locale, status: 'pending' })
        .onConflictDoNothing({ target: siteNewsletterSubscriptions.email });
      const [row] = await tx
        .select()
        .from(siteNewsletterSubscriptions)
        .where(eq(siteNewsletterSubscriptions.email, email))
        .for('update');
      if (!row || row.status === 'confirmed') return;
      await this.sendConfirmation(tx, row.id, email, locale);
    });
  }

  /** Following the link twice (or a mail scanner before the person) keeps it confirmed. */
  async confirm(token: string): Promise<void> {
    const [row] = await this.deps.db
      .select()
      .from(siteNewsletterSubscriptions)
      .where(eq(siteNewsletterSubscriptions.confirmTokenHash, hashToken(token)));
    const expired = !row?.confirmTokenExpiresAt || row.confirmTokenExpiresAt < this.now();
    if (!row || expired || row.status === 'unsubscribed') throw new AppError('invalid_token');
    if (row.status === 'confirmed') return;
    await this.deps.db
      .update(siteNewsletterSubscriptions)
      .set({ status: 'confirmed', confirmedAt: this.now() })
      .where(eq(siteNewsletterSubscriptions.id, row.id));
  }

  async unsubscribe(token: string): Promise<void> {
    const id = this.verifyUnsubscribeToken(token);
    const updated = await this.deps.db
      .update(siteNewsletterSubscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: this.now(), confirmTokenHash: null, confirmTokenExpiresAt: null })
      .where(eq(siteNewsletterSubscriptions.id, id))
      .returning({ id: siteNewsletterSubscriptions.id });
    if (updated.length === 0) throw new AppError('invalid_token');
  }

  /** Stable for a subscription, so every newsletter can carry it without storing it. */
  unsubscribeToken(id: string): string {
    return `${id}.${this.sign(id)}`;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.deps.secret).update(`newsletter-unsubscribe:${id}`).digest('base64url');
  }

  private verifyUnsubscribeToken(token: string): string {
    const [id = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    const valid = /^[0-9a-f-]{36}$/i.test(id) && given.length === expected.length && timingSafeEqual(given, expected);
    if (!valid) throw new AppError('invalid_token');
    return id;
  }

  private async sendConfirmation(tx: Executor, id: string, email: string, locale: Locale): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    await tx
      .update(siteNewsletterSubscriptions)
      .set({
        status: 'pending',
        locale,
        confirmTokenHash: hashToken(token),
        confirmTokenExpiresAt: new Date(this.now().getTime() + confirmLifetimeMs),
      })
      .where(eq(siteNewsletterSubscriptions.id, id));
    const link = (path: string, value: string) => {
      const url = new URL(path, this.deps.publicUrl);
      url.searchParams.set('token', value);
      if (locale !== 'fr') url.searchParams.set('lang', locale);
      return url.toString();
    };
    await this.deps.mailer.send({
      to: email,
      locale,
      template: 'newsletter-confirm',
      data: {
        url: link('/newsletter/confirm', token),
        unsubscribeUrl: link('/newsletter/unsubscribe', this.unsubscribeToken(id)),
      },
      executor: tx,
    });
  }
}
