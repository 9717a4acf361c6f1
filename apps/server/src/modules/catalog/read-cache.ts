/**
 * A short-lived in-process cache for public marketplace reads (listings, categories, stats): the
 * same anonymous query is answered from memory for a few seconds instead of hitting the database.
 * Any catalog write clears it on this node; other nodes catch up within the lifetime.
 */
export class ReadCache {
  readonly #entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxEntries = 2000,
  ) {}

  /** The cached value, or the loader's (shared by concurrent callers; a failure is not kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const value = load();
    this.#entries.set(key, { expiresAt: now + this.lifetimeMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
