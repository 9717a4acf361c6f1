import type { Redis } from 'ioredis';

export interface AttemptVerdict {
  allowed: boolean;
  /** Seconds until the window resets; what a 429's Retry-After says. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters for sensitive actions (sign-in, password reset, two-factor codes).
 * Every attempt counts, right or wrong, so an attacker gains nothing from speed: once an
 * account's budget is spent, even the right password waits for the window to end.
 * In memory by default; in Redis when several nodes must share the counts.
 */
export interface AttemptLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<AttemptVerdict>;
}

export function createAttemptLimiter(redis: Redis | undefined, now: () => number = Date.now): AttemptLimiter {
  return redis ? new RedisAttemptLimiter(redis) : new MemoryAttemptLimiter(now);
}

class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>();

  constructor(private readonly now: () => number) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<AttemptVerdict> {
    const now = this.now();
    if (this.windows.size > 50_000) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      window = { count: 0, resetsAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      allowed: window.count <= limit,
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - now) / 1000)),
    };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }
}

class RedisAttemptLimiter implements AttemptLimiter {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<AttemptVerdict> {
    const redisKey = `souk:attempts:${key}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(redisKey).pttl(redisKey).exec()) as [
      [unknown, number],
      [unknown, number],
    ];
    let remainingMs = ttl;
    if (ttl < 0) {
      await this.redis.pexpire(redisKey, windowSeconds * 1000);
      remainingMs = windowSeconds * 1000;
    }
    return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }
}
