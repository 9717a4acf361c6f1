import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import type { Locale } from '@souk/contracts/locales';
import { validateMoroccanPhone } from '@souk/contracts/moroccan-identifiers';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { MessagingModule } from '../messaging/module.ts';
import type { KycService } from './kyc-service.ts';
import { kycPhoneCodes, kycProfiles } from './schema.ts';
import type { KycSubject } from './subjects.ts';

export const phoneCodeLifetimeMs = 10 * 60 * 1000;
export const phoneCodeMaxAttempts = 5;
/** Codes one person can ask for per hour: five tries each must not add up to a brute force. */
const codesPerHour = 5;

export interface PhoneVerificationDeps {
  db: Database;
  sms: Pick<MessagingModule['sms'], 'send'>;
  profiles: Pick<KycService, 'lockOrCreate'>;
  /** Keys the code hashes, so a database dump does not reveal live codes. */
  secret: string;
}

/** One-time codes proving the person holds the phone number on their KYC. */
export class PhoneVerification {
  constructor(private readonly deps: PhoneVerificationDeps) {}

  async sendCode(
    subject: KycSubject,
    phoneInput: string,
    locale: Locale,
  ): Promise<{ phone: string; expiresAt: string }> {
    const phone = validateMoroccanPhone(phoneInput);
    if (!phone.ok) {
      const message = identifierProblemMessages[locale][phone.problem];
      throw new AppError('validation_failed', message, [{ path: 'body.phone', message }]);
    }
    const since = new Date(Date.now() - 60 * 60 * 1000);
    const [recent] = await this.deps.db
      .select({ count: sql<number>`count(*)::int` })
      .from(kycPhoneCodes)
      .where(and(eq(kycPhoneCodes.userId, subject.id), gt(kycPhoneCodes.createdAt, since)));
    if ((recent?.count ?? 0) >= codesPerHour)
      throw new AppError('rate_limited', undefined, undefined, { 'retry-after': '3600' });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + phoneCodeLifetimeMs);
    await this.deps.db.transaction(async (tx) => {
      // Asking for a new code withdraws the previous one.
      await tx
        .update(kycPhoneCodes)
        .set({ consumedAt: new Date() })
        .where(and(eq(kycPhoneCodes.userId, subject.id), sql`${kycPhoneCodes.consumedAt} is null`));
      await tx
        .insert(kycPhoneCodes)
        .values({ userId: subject.id, phone: phone.value, codeHash: this.hash(subject.id, code), expiresAt });
      await this.deps.sms.send({ to: phone.value, purpose: 'kyc.phone_code', body: smsText[locale](code) }, tx);
    });
    return { phone: phone.value, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Checks a code against the latest one. Each wrong try counts, under a row lock so parallel
   * guesses cannot slip past the limit; the fifth wrong try locks the code for good.
   */
  async verify(subject: KycSubject, code: string): Promise<{ phone: string }> {
    return this.deps.db
      .transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(kycPhoneCodes)
          .where(eq(kycPhoneCodes.userId, subject.id))
          .orderBy(desc(kycPhoneCodes.createdAt))
          .limit(1)
          .for('update');
        if (!current || current.consumedAt || current.expiresAt < new Date()) throw new AppError('invalid_code');
        if (current.attempts >= phoneCodeMaxAttempts) {
          throw new AppError('rate_limited', 'Too many wrong codes: ask for a new one.');
        }
        const expected = Buffer.from(current.codeHash);
        const given = Buffer.from(this.hash(subject.id, code));
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
          await tx
            .update(kycPhoneCodes)
            .set({ attempts: current.attempts + 1 })
            .where(eq(kycPhoneCodes.id, current.id));
          // Returned, not thrown: the counted attempt must commit.
          return { phone: '' };
        }
        await tx.update(kycPhoneCodes).set({ consumedAt: new Date() }).where(eq(kycPhoneCodes.id, current.id));
        const profile = await this.deps.profiles.lockOrCreate(tx, subject);
        await tx
          .update(kycProfiles)
          .set({ phoneNumber: current.phone, phoneVerifiedAt: new Date(), updatedAt: new Date() })
          .where(eq(kycProfiles.id, profile.id));
        return { phone: current.phone };
      })
      .then((result) => {
        if (!result.phone) throw new AppError('invalid_code');
        return result;
      });
  }

  private hash(userId: string, code: string): string {
    return createHmac('sha256', this.deps.secret).update(`${userId}:${code}`).digest('base64url');
  }
}

const smsText: Record<Locale, (code: string) => string> = {
  fr: (code) => `Souk : votre code de vérification est ${code}. Il expire dans 10 minutes.`,
  en: (code) => `Souk: your verification code is ${code}. It expires in 10 minutes.`,
  ar: (code) => `Souk: رمز التحقق الخاص بك هو ${code}. تنتهي صلاحيته بعد 10 دقائق.`,
};
