import { getTableName } from 'drizzle-orm';
import type { DatabaseHandle, PreparedStatement } from '../../platform/db/database.ts';
import type { ClickColumns } from './click-columns.ts';
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
  /**
   * Writes a batch atomically: all of it, or nothing (the buffer then retries it). Clicks come
   * as the columns the buffer encoded them into (`click-columns.ts`), null when there are none.
   */
  write(clicks: ClickColumns | null, previews: PreviewHit[]): Promise<void>;
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

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`): a whole column travels as one parameter, so a
 * batch of a thousand clicks is a 12-parameter statement, not a 12,000-parameter one.
 */
export function arrayLiteral(values: readonly (string | null)[]): string {
  const items = values.map((value) =>
    value === null ? 'NULL' : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}

/** The click columns of a batch of previews only: one empty array each, never written to. */
const emptyArray = Buffer.from('{}');
const noClicks: ClickColumns = {
  ids: emptyArray,
  linkIds: emptyArray,
  organizationIds: emptyArray,
  visitorKeys: emptyArray,
  ips: emptyArray,
  uniques: emptyArray,
  devices: emptyArray,
  browsers: emptyArray,
  oses: emptyArray,
  countries: emptyArray,
  referrerHosts: emptyArray,
  createdAtMs: emptyArray,
};

/**
 * Raw clicks and their hourly rollups in one statement: the clicks inserted from column arrays
 * (`unnest`), and a data-modifying CTE folds what was actually inserted, plus the previews, into
 * per-link, per-hour increments. One statement is one round trip to the database and atomic by
 * itself, where a transaction around two inserts took four. A retried batch may have been written
 * before the connection failed: the ids make the insert idempotent, and only rows inserted now
 * reach the rollups. Previews carry no id: if a connection drops after the statement committed,
 * the retried batch counts its previews again (they are only an indication, never attributed).
 *
 * $1-$12 are the click columns (`ClickColumns`), $13-$14 the previews.
 */
const clickBatchStatement: PreparedStatement = {
  name: 'souk_affiliation_click_batch',
  text: `
    with inserted as (
      insert into ${getTableName(affiliationClicks)} (id, link_id, organization_id, visitor_key, ip, is_unique, device, browser, os, country, referrer_host, created_at)
      select id, link_id, organization_id, visitor_key, ip, is_unique, device, browser, os, country, referrer_host,
        to_timestamp(created_ms / 1000.0)
      from unnest(
        $1::text::uuid[], $2::text::uuid[], $3::text::text[], $4::text::text[], $5::text::text[], $6::text::boolean[],
        $7::text::text[], $8::text::text[], $9::text::text[], $10::text::text[], $11::text::text[], $12::text::bigint[]
      ) as batch (id, link_id, organization_id, visitor_key, ip, is_unique, device, browser, os, country, referrer_host, created_ms)
      on conflict (id) do nothing
      returning link_id, created_at, is_unique
    ),
    hits as (
      select link_id, created_at as at, case when is_unique then 1 else 0 end as is_unique, 1 as click, 0 as preview
      from inserted
      union all
      select link_id, at, 0, 0, 1
      from unnest($13::text::uuid[], $14::text::timestamptz[]) as preview (link_id, at)
    )
    insert into ${getTableName(affiliationClickRollups)} as rollup (link_id, hour, clicks, unique_clicks, previews)
    select link_id, date_trunc('hour', at, 'UTC'), sum(click), sum(is_unique), sum(preview)
    from hits
    group by 1, 2
    on conflict (link_id, hour) do update set
      clicks = rollup.clicks + excluded.clicks,
      unique_clicks = rollup.unique_clicks + excluded.unique_clicks,
      previews = rollup.previews + excluded.previews`,
};

export class DatabaseClickSink implements ClickSink {
  constructor(private readonly database: Pick<DatabaseHandle, 'runPrepared'>) {}

  async write(clicks: ClickColumns | null, previews: PreviewHit[]): Promise<void> {
    if (clicks === null && previews.length === 0) return;
    const columns = clicks ?? noClicks;
    await this.database.runPrepared(clickBatchStatement, [
      columns.ids,
      columns.linkIds,
      columns.organizationIds,
      columns.visitorKeys,
      columns.ips,
      columns.uniques,
      columns.devices,
      columns.browsers,
      columns.oses,
      columns.countries,
      columns.referrerHosts,
      columns.createdAtMs,
      arrayLiteral(previews.map((preview) => preview.linkId)),
      arrayLiteral(previews.map((preview) => preview.at.toISOString())),
    ]);
  }
}
