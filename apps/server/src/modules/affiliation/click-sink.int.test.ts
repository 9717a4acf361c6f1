import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink } from '../../../test/affiliation.ts';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { ClickColumnsWriter } from './click-columns.ts';
import { DatabaseClickSink, type RecordedClick } from './click-sink.ts';

describe('affiliation: click batches in the database', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('stores every field as it was, awkward text and the millisecond included, and counts the rollups', async () => {
    const { link } = await affiliatedLink(test);
    const organizationId = (
      await rowsOf<{ organization_id: string }>(
        test,
        sql`select organization_id from affiliation_links where id = ${link.id}`,
      )
    )[0]?.organization_id as string;
    const at = new Date('2026-12-03T10:59:59.987Z');
    const base = { linkId: link.id, organizationId, createdAt: at };
    const clicks: RecordedClick[] = [
      {
        ...base,
        id: randomUUID(),
        visitorKey: 'key-1',
        ip: '203.0.113.7',
        isUnique: true,
        device: 'mobile',
        browser: 'Say "hi", {braces}',
        os: 'back\\slash',
        country: 'MA',
        referrerHost: 'news.example, with comma',
        createdAt: at,
      },
      {
        ...base,
        id: randomUUID(),
        visitorKey: 'key "2"',
        ip: null,
        isUnique: false,
        device: 'NULL',
        browser: null,
        os: null,
        country: null,
        referrerHost: null,
        createdAt: new Date('2026-12-03T11:00:00.001Z'),
      },
      {
        ...base,
        id: randomUUID(),
        visitorKey: 'key-3',
        ip: '2001:db8::1',
        isUnique: false,
        device: '',
        browser: 'Öpera "x" \\ 😀,{}',
        os: 'متصفح',
        country: null,
        referrerHost: '',
        createdAt: new Date('2026-12-03T11:00:00.002Z'),
      },
    ];
    const sink = new DatabaseClickSink(test.runtime.database);
    const batch = new ClickColumnsWriter();
    for (const click of clicks) batch.append(click);
    await sink.write(batch.columns(), [{ linkId: link.id, at }]);
    // The same batch again (a retry after a lost answer): nothing doubles but the previews.
    await sink.write(batch.columns(), []);

    const rows = await rowsOf<Record<string, unknown>>(
      test,
      sql`select id, visitor_key, ip, is_unique, device, browser, os, country, referrer_host, created_at
          from affiliation_clicks where link_id = ${link.id} order by created_at`,
    );
    expect(rows).toEqual(
      clicks.map((click) => ({
        id: click.id,
        visitor_key: click.visitorKey,
        ip: click.ip,
        is_unique: click.isUnique,
        device: click.device,
        browser: click.browser,
        os: click.os,
        country: click.country,
        referrer_host: click.referrerHost,
        created_at: expect.anything(),
      })),
    );
    expect(rows.map((row) => new Date(row.created_at as string).toISOString())).toEqual([
      '2026-12-03T10:59:59.987Z',
      '2026-12-03T11:00:00.001Z',
      '2026-12-03T11:00:00.002Z',
    ]);

    const rollups = await rowsOf<{ hour: string; clicks: number; unique_clicks: number; previews: number }>(
      test,
      sql`select hour, clicks, unique_clicks, previews from affiliation_click_rollups
          where link_id = ${link.id} order by hour`,
    );
    expect(rollups.map((row) => ({ ...row, hour: new Date(row.hour).toISOString() }))).toEqual([
      { hour: '2026-12-03T10:00:00.000Z', clicks: 1, unique_clicks: 1, previews: 1 },
      { hour: '2026-12-03T11:00:00.000Z', clicks: 2, unique_clicks: 0, previews: 0 },
    ]);
  });
});
