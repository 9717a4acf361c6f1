import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter.ts';

describe('memory attempt limiter', () => {
  it('allows the budget, refuses past it until the window ends, then starts again', async () => {
    let now = 0;
    const limiter = createAttemptLimiter(undefined, () => now);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push((await limiter.hit('account:a', 3, 60)).allowed);
    expect(verdicts).toEqual([true, true, true, false]);
    now = 30_000;
    expect(await limiter.hit('account:a', 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now = 60_001;
    expect((await limiter.hit('account:a', 3, 60)).allowed).toBe(true);
  });

  it('counts keys separately', async () => {
    const limiter = createAttemptLimiter(undefined, () => 0);
    await limiter.hit('a', 1, 60);
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(false);
    expect((await limiter.hit('b', 1, 60)).allowed).toBe(true);
  });
});
