import { AppError } from '../../platform/http/app-error.ts';
import type { AttemptLimiter } from '../../platform/http/attempt-limiter.ts';

/** Budgets of the public forms, beyond the global per-IP limit: a person never reaches them. */
export const siteLimits = {
  contactPerIp: { limit: 5, windowSeconds: 15 * 60 },
  newsletterPerIp: { limit: 10, windowSeconds: 60 * 60 },
  /** Caps the confirmation mails one address can be sent, whoever asks. */
  newsletterPerAddress: { limit: 3, windowSeconds: 60 * 60 },
} as const;

export async function spend(
  limiter: AttemptLimiter,
  key: string,
  budget: { limit: number; windowSeconds: number },
): Promise<void> {
  const verdict = await limiter.hit(key, budget.limit, budget.windowSeconds);
  if (!verdict.allowed) {
    throw new AppError('rate_limited', undefined, undefined, { 'retry-after': String(verdict.retryAfterSeconds) });
  }
}
