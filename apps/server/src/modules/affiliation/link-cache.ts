/** What the redirect needs to know about a code, cached so the hot path does not query. */
export interface LinkTarget {
  linkId: string;
  organizationId: string;
  /** Absolute URL of the deal page (or the merchant's store). */
  destination: string;
  attributionWindowDays: number;
}

interface Entry {
  target: LinkTarget | null;
  expiresAt: number;
}

/**
 * Codes to targets, in memory. Every change to a link (ended affiliation, disabled link) deletes
 * its code on every node through the event bus; the lifetime only bounds how long a change made
 * elsewhere (a product's new slug) takes to show. Unknown codes are cached briefly too, so a
 * scanner trying random codes does not reach the database for each.
 */
export class LinkCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lifetimeMs = 300_000,
    private readonly missingLifetimeMs = 10_000,
    private readonly maxEntries = 100_000,
  ) {}

  /** undefined: not cached; null: cached as unknown or inactive. */
  get(code: string, now = Date.now()): LinkTarget | null | undefined {
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(code);
      return undefined;
    }
    return entry.target;
  }

  set(code: string, target: LinkTarget | null, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(code, { target, expiresAt: now + (target ? this.lifetimeMs : this.missingLifetimeMs) });
  }

  invalidate(codes: readonly string[]): void {
    for (const code of codes) this.entries.delete(code);
  }

  clear(): void {
    this.entries.clear();
  }
}
