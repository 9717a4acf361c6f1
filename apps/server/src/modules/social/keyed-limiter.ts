/**
 * Caps how many calls run at once per key (a provider, an account). Waiters queue in order.
 * Per process: with several worker nodes the effective cap is this times the node count.
 */
export class KeyedLimiter {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly capOf: (key: string) => number) {}

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    // Always acquired in the same (sorted) order, so two holders never wait on each other.
    const ordered = [...keys].sort();
    for (const key of ordered) await this.acquire(key);
    try {
      return await work();
    } finally {
      for (const key of ordered.reverse()) this.release(key);
    }
  }

  private acquire(key: string): Promise<void> {
    const current = this.running.get(key) ?? 0;
    if (current < this.capOf(key)) {
      this.running.set(key, current + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  private release(key: string): void {
    const next = this.waiting.get(key)?.shift();
    if (next) {
      next();
      return;
    }
    const current = (this.running.get(key) ?? 1) - 1;
    if (current <= 0) this.running.delete(key);
    else this.running.set(key, current);
  }
}
