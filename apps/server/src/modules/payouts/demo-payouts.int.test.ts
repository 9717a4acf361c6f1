import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { seedDemoData } from '../../seed/seed-demo.ts';

describe('payouts on the demo data', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('posts opening balances for the demo commissions once, so the demo influencer can be paid', async () => {
    const services = test.runtime.services;
    await seedDemoData(services);
    const influencer = await services.identity.users.findByEmail('influencer@souk.test');
    const id = influencer?.id ?? '';
    const [owed] = await rowsOf<{ pending: number; approved: number }>(
      test,
      sql`select coalesce(sum(amount_minor) filter (where status = 'pending'), 0)::int as pending,
                 coalesce(sum(amount_minor) filter (where status = 'approved'), 0)::int as approved
          from affiliation_commissions where influencer_id = ${id} and currency = 'MAD'`,
    );
    expect(owed?.approved).toBeGreaterThan(0);
    const balances = () =>
      services.ledger.ledger.balancesOf(id, ['influencer_pending', 'influencer_payable', 'influencer_in_payout']);
    expect(await balances()).toEqual({
      influencer_pending: -(owed?.pending ?? 0),
      influencer_payable: -(owed?.approved ?? 0),
      influencer_in_payout: 0,
    });
    // A second seed (and so a second pass of opening balances) posts nothing more.
    await seedDemoData(services);
    expect(await balances()).toMatchObject({ influencer_payable: -(owed?.approved ?? 0) });
    expect((await services.ledger.ledger.check()).ok).toBe(true);

    // The demo admin's run: the approved demo influencer is paid if above the minimum, else listed as rolling over.
    const admin = await services.identity.users.findByEmail('admin@souk.test');
    const { run } = await services.payouts.runs.create({}, { id: admin?.id ?? null }, 'en');
    const line = run.lines.find((entry) => entry.influencerId === id);
    const left = run.excluded.find((entry) => entry.influencerId === id);
    // Today the demo influencer's approved 92.80 MAD is under the 100.00 minimum: it rolls over.
    expect(line?.amountMinor ?? left?.amountMinor).toBe(owed?.approved);
    expect(line ? 'in the run' : left?.reason).toBe(
      (owed?.approved ?? 0) >= run.minimumMinor ? 'in the run' : 'below_minimum',
    );
    // influencer2's KYC is waiting: left out with that reason when it has approved commissions.
    const waiting = await services.identity.users.findByEmail('influencer2@souk.test');
    const other = run.excluded.find((entry) => entry.influencerId === waiting?.id);
    if (other) expect(other.reason).toBe('kyc_not_approved');
  }, 120_000);
});
