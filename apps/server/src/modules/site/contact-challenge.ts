import type { AltchaChallenge } from '@souk/contracts/site';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { lt } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { siteUsedChallenges } from './schema.ts';

export interface ContactChallengeDeps {
  db: Database;
  hmacKey: string;
  maxNumber: number;
  /** How long a visitor has between loading the form and sending it. */
  lifetimeSeconds?: number;
  now?: () => Date;
}

/**
 * ALTCHA proof of work (protocol v1: SHA-256 over salt + number, HMAC-signed, expiry in the
 * salt). Self-hosted: no third party sees the visitor. A solution counts once: its signature is
 * remembered in the database until the challenge expires, so every node refuses a replay.
 */
export class ContactChallenge {
  private readonly lifetimeSeconds: number;
  private readonly now: () => Date;

  constructor(private readonly deps: ContactChallengeDeps) {
    this.lifetimeSeconds = deps.lifetimeSeconds ?? 30 * 60;
    this.now = deps.now ?? (() => new Date());
  }

  async create(): Promise<AltchaChallenge> {
    const expires = new Date(this.now().getTime() + this.lifetimeSeconds * 1000);
    const challenge = await createChallenge({ hmacKey: this.deps.hmacKey, maxNumber: this.deps.maxNumber, expires });
    return challenge;
  }

  /** Throws `challenge_failed` for a missing, forged, wrong, expired or already used solution. */
  async consume(payload: string | undefined, missingMessage: string): Promise<void> {
    if (!payload) {
      throw new AppError('challenge_failed', undefined, [{ path: 'body.altcha', message: missingMessage }]);
    }
    const described = this.describe(payload);
    // Only the algorithm we issue: a payload may not pick a cheaper one.
    if (described?.algorithm !== 'SHA-256') throw new AppError('challenge_failed');
    if (!(await verifySolution(payload, this.deps.hmacKey, true).catch(() => false))) {
      throw new AppError('challenge_failed');
    }
    const { signature, expiresAt } = described;
    const now = this.now();
    await this.deps.db.delete(siteUsedChallenges).where(lt(siteUsedChallenges.expiresAt, now));
    const inserted = await this.deps.db
      .insert(siteUsedChallenges)
      .values({ signature, expiresAt })
      .onConflictDoNothing()
      .returning({ signature: siteUsedChallenges.signature });
    if (inserted.length === 0) throw new AppError('challenge_failed', 'This challenge was already used.');
  }

  private describe(payload: string): { algorithm: unknown; signature: string; expiresAt: Date } | null {
    try {
      const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
      if (typeof decoded.signature !== 'string') return null;
      const expires = Number(extractParams(payload).expires);
      // Signed challenges always carry their expiry; without one, remember the solution a full lifetime.
      const fallback = this.now().getTime() + this.lifetimeSeconds * 1000;
      return {
        algorithm: decoded.algorithm,
        signature: decoded.signature,
        expiresAt: new Date(Number.isFinite(expires) && expires > 0 ? expires * 1000 : fallback),
      };
    } catch {
      return null;
    }
  }
}
