import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { affiliationClickRollups, affiliationClicks } from './schema.ts';

/** One click as recorded: everything the redirect learnt, nothing it must look up again. */
export interface RecordedClick {
  id: string;
  linkId: string;
  organizationId: string;
  visitorKey: string;
  ip: string | null;
  isUnique: boolean;
  device: string | null;
  browser: string | null;
  os: string | null;
  country: string | null;
  referrerHost: string | null;
  createdAt: Date;
}

/** A link-preview bot's fetch: counted apart, never a click, never attributed. */
export interface PreviewHit {
  linkId: string;
  at: Date;
}

/**
 * Where batches of clicks go. PostgreSQL (or PGlite) today; an analytical store can be added
 * behind the same two methods without touching the redirect.
 */
export interface ClickSink {
  /** Writes a batch atomically: all of it, or nothing (the buffer then retries it). */
  write(clicks: RecordedClick[], previews: PreviewHit[]): Promise<void>;
}

function hourOf(date: Date): number {
  return Math.floor(date.getTime() / 3_600_000) * 3_600_000;
}

interface RollupIncrement {
  linkId: string;
  hour: Date;
  clicks: number;
  uniqueClicks: number;
  previews: number;
}

/** Folds a batch into per-link, per-hour increments: one upserted row per pair, not per click. */
export function rollupIncrements(clicks: RecordedClick[], previews: PreviewHit[]): RollupIncrement[] {
  const byKey = new Map<string, RollupIncrement>();
  const slot = (linkId: string, at: Date) => {
    const hour = hourOf(at);
    const key = `${linkId}|${hour}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { linkId, hour: new Date(hour), clicks: 0, uniqueClicks: 0, previews: 0 };
      byKey.set(key, entry);
    }
    return entry;
  };
  for (const click of clicks) {
    const entry = slot(click.linkId, click.createdAt);
    entry.clicks++;
    if (click.isUnique) entry.uniqueClicks++;
  }
  for (const preview of previews) slot(preview.linkId, preview.at).previews++;
  return [...byKey.values()];
}

/** Raw clicks by multi-row insert, and the hourly rollups incremented, in one transaction. */
export class DatabaseClickSink implements ClickSink {
  constructor(private readonly db: Database) {}

  async write(clicks: RecordedClick[], previews: PreviewHit[]): Promise<void> {
    const increments = rollupIncrements(clicks, previews);
    await this.db.transaction(async (tx) => {
      // A retried batch may have been half-written before a crash of the connection: the ids
      // make the insert idempotent, and rollups are only incremented for rows actually inserted.
      const inserted =
        clicks.length === 0
          ? []
          : await tx
              .insert(affiliationClicks)
              .values(clicks)
              .onConflictDoNothing({ target: affiliationClicks.id })
              .returning({ id: affiliationClicks.id });
      const insertedIds = new Set(inserted.map((row) => row.id));
      const fresh =
        inserted.length === clicks.length
          ? increments
          : rollupIncrements(
              clicks.filter((click) => insertedIds.has(click.id)),
              previews,
            );
      if (fresh.length === 0) return;
      await tx
        .insert(affiliationClickRollups)
        .values(fresh)
        .onConflictDoUpdate({
          target: [affiliationClickRollups.linkId, affiliationClickRollups.hour],
          set: {
            clicks: sql`${affiliationClickRollups.clicks} + excluded.clicks`,
            uniqueClicks: sql`${affiliationClickRollups.uniqueClicks} + excluded.unique_clicks`,
            previews: sql`${affiliationClickRollups.previews} + excluded.previews`,
          },
        });
    });
  }
}
