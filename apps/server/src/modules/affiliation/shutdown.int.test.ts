import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, clickLink } from '../../../test/affiliation.ts';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

describe('affiliation: graceful shutdown', () => {
  let test: TestApp;

  beforeAll(async () => {
    // A long interval: the clicks are still in memory when the stop begins.
    test = await buildTestApp({ env: { CLICK_FLUSH_INTERVAL_MS: '5000' } });
  });
  afterAll(() => test.close());

  it('writes every buffered click when the runtime stops (SIGTERM path), none lost', async () => {
    const { link } = await affiliatedLink(test);
    const responses = await Promise.all(
      Array.from({ length: 150 }, (_, index) => clickLink(test, link.code, { ip: `203.0.113.${index % 200}` })),
    );
    expect(responses.every(({ response }) => response.statusCode === 302)).toBe(true);
    const buffer = test.runtime.services.affiliation.clicks;
    expect(buffer.size).toBe(150);
    // Counted where the runtime's stop calls the services, after HTTP closed, before the database does.
    let recorded = -1;
    const services = test.runtime.services;
    const stopServices = services.stop;
    services.stop = async () => {
      await stopServices();
      const rows = await rowsOf<{ n: number }>(
        test,
        sql`select count(*)::int as n from affiliation_clicks where link_id = ${link.id}`,
      );
      recorded = rows[0]?.n ?? -1;
    };
    await test.runtime.stop();
    expect(recorded).toBe(150);
  });
});
