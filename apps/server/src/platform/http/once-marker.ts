import type { Redis } from 'ioredis';

/**
 * Remembers that something happened, for a while: `mark` answers true the first time a key is
 * marked in its window and false after. Used to refuse a one-time code seen twice.
 */
export interface OnceMarker {
  mark(key: string, ttlSeconds: number): Promise<boolean>;
}

export function createOnceMarker(redis: Redis | undefined, now: () => number = Date.now): OnceMarker {
  if (redis) {
    return {
      async mark(key, ttlSeconds) {
        return (await redis.set(`souk:once:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
      },
    };
  }
  const seen = new Map<string, number>();
  return {
    async mark(key, ttlSeconds) {
      const current = now();
      if (seen.size > 50_000) for (const [k, until] of seen) if (until <= current) seen.delete(k);
      const until = seen.get(key);
      if (until !== undefined && until > current) return false;
      seen.set(key, current + ttlSeconds * 1000);
      return true;
    },
  };
}
