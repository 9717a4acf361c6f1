import { inflateRawSync } from 'node:zlib';
import { validateRib } from '@souk/contracts/moroccan-identifiers';
import type { PayoutRun } from '@souk/contracts/payouts';
import { payoutsProblemMessages } from '@souk/contracts/payouts-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Affiliated,
  affiliatedLink,
  apiKeyOf,
  clickLink,
  flushClicks,
  withKey,
} from '../../../test/affiliation.ts';
import { call, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { submitIndividualKyc } from '../../../test/kyc.ts';
import { latestMail } from '../../../test/mailbox.ts';
import {
  buyer,
  paidSaleThroughLink,
  payWithSandbox,
  placeOrder,
  readOrder,
  testCards,
} from '../../../test/payments.ts';
import { previousPeriod } from './payout-runs.ts';

/** The files of a ZIP archive (an XLSX), read from its local headers. */
function unzip(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let offset = 0;
  while (archive.readUInt32LE(offset) === 0x04034b50) {
    const method = archive.readUInt16LE(offset + 8);
    const size = archive.readUInt32LE(offset + 18);
    const nameLength = archive.readUInt16LE(offset + 26);
    const extraLength = archive.readUInt16LE(offset + 28);
    const name = archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength + extraLength;
    const data = archive.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset = start + size;
  }
  return files;
}

describe('payouts: balances, the monthly run, the bank file', () => {
  let test: TestApp;
  let admin: TestUser;
  let ipCounter = 10;
  const thisMonth = new Date().toISOString().slice(0, 7);
  const lastMonth = previousPeriod();
  const twoMonthsAgo = previousPeriod(new Date(`${lastMonth}-15T00:00:00Z`));
  const threeMonthsAgo = previousPeriod(new Date(`${twoMonthsAgo}-15T00:00:00Z`));
  const fourMonthsAgo = previousPeriod(new Date(`${threeMonthsAgo}-15T00:00:00Z`));

  beforeAll(async () => {
    // Sales here follow their click within milliseconds: the "faster than a person" hold has its own test.
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0' } });
    admin = await createTestUser(test, { role: 'admin', locale: 'en' });
  });
  afterAll(() => test.close());

  async function approveKyc(user: TestUser) {
    const submitted = await submitIndividualKyc(test, user);
    const opened = await call(test, admin, 'GET', `/api/v1/admin/kyc/${submitted.id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const decided = await call(test, admin, 'POST', `/api/v1/admin/kyc/${submitted.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
  }

  /** A sale reported through the conversions API after a fresh click; returns the commission id. */
  async function reportSale(affiliated: Affiliated, key: string, orderRef: string, amount: number): Promise<string> {
    const { clickId } = await clickLink(test, affiliated.link.code, { ip: `198.51.100.${ipCounter++}` });
    await flushClicks(test);
    const reported = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef,
      amount,
      currency: 'MAD',
    });
    expect(reported.statusCode, reported.body).toBe(201);
    return reported.json().commission.id as string;
  }

  /** An order paid on Souk through the influencer's link; returns the order and its commission id. */
  function _checkoutSale(affiliated: Affiliated) {
    return paidSaleThroughLink(test, affiliated, `198.51.100.${ipCounter++}`);
  }

  async function checkoutSale(affiliated: Affiliated) {
    const { clickId } = await clickLink(test, affiliated.link.code, { ip: `198.51.100.${ipCounter++}` });
    await flushClicks(test);
    const created = await placeOrder(test, {
      productId: affiliated.product.id,
      quantity: 1,
      buyer: buyer(),
      gateway: 'sandbox',
      clickId: clickId as string,
    });
    expect(created.statusCode, created.body).toBe(201);
    await payWithSandbox(test, created.json(), testCards.mastercard);
    const order = (await readOrder(test, created.json().order.id, { access: created.json().accessToken })).json();
    expect(order.status).toBe('paid');
    const commissionId = await eventually(async () => {
      const rows = await rowsOf<{ id: string }>(
        test,
        sql`select c.id from affiliation_commissions c join affiliation_conversions v on v.id = c.conversion_id
            where v.order_ref = ${order.reference}`,
      );
      expect(rows).toHaveLength(1);
      return rows[0]?.id as string;
    });
    return { order, commissionId };
  }

  async function approve(merchant: TestUser, commissionId: string) {
    const approved = await call(test, merchant, 'POST', `/api/v1/commissions/${commissionId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
  }

  async function balanceOf(user: TestUser) {
    const read = await call(test, user, 'GET', '/api/v1/payouts/balance');
    expect(read.statusCode, read.body).toBe(200);
    return read.json().balances.find((entry: { currency: string }) => entry.currency === 'MAD');
  }

  async function createRun(period: string) {
    return call(test, admin, 'POST', '/api/v1/admin/payout-runs', { period });
  }

  async function ledgerBalances() {
    const check = await test.runtime.services.ledger.ledger.check();
    expect(check.unbalanced).toEqual([]);
    expect(check.ok).toBe(true);
    for (const total of check.totals) expect(total.sumMinor).toBe(0);
  }

  let alice: Affiliated;
  let aliceLineId: string;
  let firstRunId: string;
  let bob: Affiliated;
  let carla: Affiliated;
  let driss: Affiliated;

  // Many steps through the real API: a loaded machine needs more than the default 30 s.
  it('a month of activity gives a run whose total is the approved commissions; the ledger balances', async () => {
    // Alice: KYC approved with a valid RIB; sales on Souk's checkout and through the conversions API.
    alice = await affiliatedLink(test, { deal: { stockQuantity: 20 } });
    await approveKyc(alice.influencer);
    const aliceKey = await apiKeyOf(test, alice.merchant, ['conversions:write']);
    const paid = await checkoutSale(alice); // 1,000.00 MAD -> 100.00 commission, approved
    await approve(alice.merchant, paid.commissionId);
    const refunded = await checkoutSale(alice); // fully refunded before approval -> reversed
    const refund = await call(test, alice.merchant, 'POST', `/api/v1/orders/${refunded.order.id}/refunds`, {
      reason: 'Client absent',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    await eventually(async () => {
      const rows = await rowsOf<{ status: string }>(
        test,
        sql`select status from affiliation_commissions where id = ${refunded.commissionId}`,
      );
      expect(rows).toEqual([{ status: 'reversed' }]);
    });
    const big = await reportSale(alice, aliceKey, 'A-2001', 200_000); // 200.00 commission
    await approve(alice.merchant, big);
    // Part of an approved sale refunded: the commission shrinks to 150.00.
    const partial = await withKey(test, aliceKey, 'POST', '/api/v1/conversions/A-2001/refund', {
      amount: 50_000,
      refundRef: 'R-1',
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().commission).toMatchObject({ status: 'approved', amountMinor: 15_000 });
    await reportSale(alice, aliceKey, 'A-2002', 80_000); // stays pending: not in the run

    // Bob: approved KYC, but the RIB on file fails its key (a record from before key checks).
    bob = await affiliatedLink(test);
    await approveKyc(bob.influencer);
    await test.runtime.database.db.execute(
      sql`update kyc_profiles set approved_rib = '011519000001205000534922' where subject_id = ${bob.influencer.id}`,
    );
    await approve(
      bob.merchant,
      await reportSale(bob, await apiKeyOf(test, bob.merchant, ['conversions:write']), 'B-1', 150_000),
    );
    // Carla: no KYC at all.
    carla = await affiliatedLink(test);
    await approve(
      carla.merchant,
      await reportSale(carla, await apiKeyOf(test, carla.merchant, ['conversions:write']), 'C-1', 120_000),
    );
    // Driss: everything in order, but 50.00 MAD is under the 100.00 minimum: it rolls over.
    driss = await affiliatedLink(test);
    await approveKyc(driss.influencer);
    await approve(
      driss.merchant,
      await reportSale(driss, await apiKeyOf(test, driss.merchant, ['conversions:write']), 'D-1', 50_000),
    );

    expect(await balanceOf(alice.influencer)).toEqual({
      currency: 'MAD',
      pendingMinor: 8_000,
      approvedMinor: 25_000,
      inPayoutMinor: 0,
      paidMinor: 0,
    });
    const approvedByApi = await call(test, alice.influencer, 'GET', '/api/v1/commissions?status=approved');
    const approvedTotal = approvedByApi.json().totals[0].approved as number;
    expect(approvedTotal).toBe(25_000);

    const created = await createRun(thisMonth);
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json() as PayoutRun;
    firstRunId = run.id;
    expect(run).toMatchObject({ status: 'preview', period: thisMonth, currency: 'MAD', minimumMinor: 10_000 });
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatchObject({
      influencerId: alice.influencer.id,
      amountMinor: approvedTotal,
      commissionCount: 2,
      status: 'pending',
    });
    expect(run.totalMinor).toBe(approvedTotal);
    aliceLineId = run.lines[0]?.id as string;
    const reasons = Object.fromEntries(
      run.excluded.map((entry) => [entry.influencerId, [entry.reason, entry.amountMinor]]),
    );
    expect(reasons).toEqual({
      [bob.influencer.id]: ['rib_key_invalid', 15_000],
      [carla.influencer.id]: ['kyc_not_approved', 12_000],
      [driss.influencer.id]: ['below_minimum', 5_000],
    });
    // Every approved commission is either in the run or listed as left out, with its reason.
    const [all] = await rowsOf<{ total: number }>(
      test,
      sql`select coalesce(sum(amount_minor), 0)::int as total from affiliation_commissions where status = 'approved'`,
    );
    expect(run.totalMinor + run.excluded.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBe(all?.total);
    await ledgerBalances();

    // The influencers see why they are left out.
    const bobBalance = await call(test, bob.influencer, 'GET', '/api/v1/payouts/balance');
    expect(bobBalance.json().account).toMatchObject({ status: 'rib_key_invalid' });
    const carlaBalance = await call(test, carla.influencer, 'GET', '/api/v1/payouts/balance');
    expect(carlaBalance.json().account).toEqual({ status: 'kyc_not_approved', ribMasked: null });
    const aliceList = await call(test, alice.influencer, 'GET', '/api/v1/payouts');
    expect(aliceList.json().items).toMatchObject([{ id: aliceLineId, status: 'scheduled', amountMinor: 25_000 }]);
    expect(
      aliceList
        .json()
        .items[0].lines.map((line: { amountMinor: number }) => line.amountMinor)
        .sort(),
    ).toEqual([10_000, 15_000]);
  }, 120_000);

  it('running the run twice (admin or the monthly job) creates no second run', async () => {
    const again = await createRun(thisMonth);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(firstRunId);
    const job = test.runtime.services.payouts.jobs.find((entry) => entry.queue === 'payouts.monthly-run');
    expect(job?.cron?.expression).toBe('0 4 1 * *');
    const logger = { info: () => {}, warn: () => {}, error: () => {} };
    await job?.handle({ period: thisMonth }, { logger } as never);
    const runs = await rowsOf<{ n: number }>(
      test,
      sql`select count(*)::int as n from payouts_runs where period = ${thisMonth}`,
    );
    expect(runs[0]?.n).toBe(1);
    const items = await rowsOf<{ n: number }>(test, sql`select count(*)::int as n from payouts_items`);
    expect(items[0]?.n).toBe(2);
  });

  it('exports the bank file once approved: every RIB passes its key check', async () => {
    const early = await call(test, admin, 'GET', `/api/v1/admin/payout-runs/${firstRunId}/export.csv`);
    expect(early.statusCode).toBe(409);
    const approved = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${firstRunId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', totalMinor: 25_000 });
    expect(await balanceOf(alice.influencer)).toMatchObject({ approvedMinor: 0, inPayoutMinor: 25_000 });
    const twice = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${firstRunId}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(payoutsProblemMessages.en.run_not_preview);

    const csv = await call(test, admin, 'GET', `/api/v1/admin/payout-runs/${firstRunId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['beneficiary', 'rib', 'amount', 'currency', 'reference']);
    expect(rows.slice(1)).toHaveLength(1);
    for (const row of rows.slice(1)) expect(validateRib(row[1] as string).ok).toBe(true);
    expect(rows[1]?.slice(2)).toEqual(['250.00', 'MAD', expect.stringMatching(/^SOUK-PO-\d{6}-0001$/)]);

    const xlsx = await call(test, admin, 'GET', `/api/v1/admin/payout-runs/${firstRunId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const files = unzip(xlsx.rawPayload);
    expect([...files.keys()]).toContain('[Content_Types].xml');
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    const ribs = [...sheet.matchAll(/<t xml:space="preserve">(\d{24})<\/t>/g)].map((match) => match[1] as string);
    expect(ribs).toEqual([rows[1]?.[1]]);
    for (const rib of ribs) expect(validateRib(rib).ok).toBe(true);
    expect(sheet).toContain('<v>250</v>');
  });

  it('marks a line paid once: commissions paid, balance moved, mail with the statement; twice is a 409', async () => {
    const paid = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${firstRunId}/lines/${aliceLineId}/paid`);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', amountMinor: 25_000 });
    const twice = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${firstRunId}/lines/${aliceLineId}/paid`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(payoutsProblemMessages.en.line_already_settled);
    const failedAfter = await call(
      test,
      admin,
      'POST',
      `/api/v1/admin/payout-runs/${firstRunId}/lines/${aliceLineId}/failed`,
      { reason: 'Compte clôturé' },
    );
    expect(failedAfter.statusCode).toBe(409);

    expect(await balanceOf(alice.influencer)).toEqual({
      currency: 'MAD',
      pendingMinor: 8_000,
      approvedMinor: 0,
      inPayoutMinor: 0,
      paidMinor: 25_000,
    });
    const postings = await rowsOf<{ n: number }>(
      test,
      sql`select count(*)::int as n from ledger_transactions where kind = 'payout.paid' and reference = ${aliceLineId}`,
    );
    expect(postings[0]?.n).toBe(1);
    const statuses = await call(test, alice.influencer, 'GET', '/api/v1/commissions?status=paid');
    expect(statuses.json().totals[0]).toMatchObject({ paid: 25_000 });
    const run = (await call(test, admin, 'GET', `/api/v1/admin/payout-runs/${firstRunId}`)).json();
    expect(run).toMatchObject({ status: 'closed', paidCount: 1 });
    await ledgerBalances();

    const mail = await latestMail(test, alice.influencer.email, 'payout-processed');
    expect(mail).not.toBeNull();
    expect(mail?.text).toContain('250');
    expect(mail?.text).toContain('http://localhost:3000/influencer/payouts');
    expect(mail?.attachments?.[0]).toMatchObject({ contentType: 'application/pdf' });
    const pdf = Buffer.from(mail?.attachments?.[0]?.contentBase64 ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const list = await call(test, alice.influencer, 'GET', '/api/v1/payouts');
    expect(list.json().items[0]).toMatchObject({ status: 'paid', reference: expect.stringMatching(/^SOUK-PO-/) });
    const statement = await call(test, alice.influencer, 'GET', `/api/v1/payouts/${aliceLineId}/statement?format=csv`);
    expect(statement.statusCode).toBe(200);
    expect(statement.body).toContain('A-2001');
    expect(statement.body).toContain('250.00');
    const statementPdf = await call(test, alice.influencer, 'GET', `/api/v1/payouts/${aliceLineId}/statement`);
    expect(statementPdf.headers['content-type']).toBe('application/pdf');
    expect(statementPdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a failed line returns to the balance with the reason, and goes into a later run; one live line per commission', async () => {
    const erin = await affiliatedLink(test);
    await approveKyc(erin.influencer);
    const commissionId = await reportSale(
      erin,
      await apiKeyOf(test, erin.merchant, ['conversions:write']),
      'E-1',
      300_000,
    );
    await approve(erin.merchant, commissionId);

    const created = await createRun(lastMonth);
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json() as PayoutRun;
    expect(run.lines.map((line) => [line.influencerId, line.amountMinor])).toEqual([[erin.influencer.id, 30_000]]);
    // Driss's 50.00 rolled over and is still under the minimum.
    expect(run.excluded.find((entry) => entry.influencerId === driss.influencer.id)).toMatchObject({
      reason: 'below_minimum',
      amountMinor: 5_000,
    });
    const lineId = run.lines[0]?.id as string;
    const early = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/lines/${lineId}/paid`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(payoutsProblemMessages.en.run_not_approved);

    // The database refuses a second live batch of the same commission, whatever the code does.
    await expect(
      test.runtime.database.db.execute(
        sql`insert into payouts_items (line_id, commission_id, amount_minor) values (${lineId}, ${commissionId}, 1)`,
      ),
    ).rejects.toThrow();

    expect((await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/approve`)).statusCode).toBe(200);
    expect(await balanceOf(erin.influencer)).toMatchObject({ approvedMinor: 0, inPayoutMinor: 30_000 });
    const bad = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/lines/${lineId}/failed`, {
      reason: '',
    });
    expect(bad.statusCode).toBe(422);
    const failed = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/lines/${lineId}/failed`, {
      reason: 'Compte clôturé (code AC04)',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', failureReason: 'Compte clôturé (code AC04)' });
    expect(await balanceOf(erin.influencer)).toMatchObject({ approvedMinor: 30_000, inPayoutMinor: 0, paidMinor: 0 });
    const seen = (await call(test, erin.influencer, 'GET', '/api/v1/payouts')).json();
    expect(seen.items[0]).toMatchObject({ status: 'failed', failureReason: 'Compte clôturé (code AC04)' });
    const again = await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/lines/${lineId}/paid`);
    expect(again.statusCode).toBe(409);
    const commission = await rowsOf<{ status: string }>(
      test,
      sql`select status from affiliation_commissions where id = ${commissionId}`,
    );
    expect(commission).toEqual([{ status: 'approved' }]);

    const later = await createRun(twoMonthsAgo);
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().lines.map((line: { influencerId: string; amountMinor: number }) => line.amountMinor)).toEqual([
      30_000,
    ]);
    await ledgerBalances();
  }, 120_000);

  it('lets only admins run payouts, and each person read only their own', async () => {
    const merchant = alice.merchant;
    const influencer = bob.influencer;
    for (const user of [merchant, influencer]) {
      expect((await call(test, user, 'POST', '/api/v1/admin/payout-runs', { period: thisMonth })).statusCode).toBe(403);
      expect((await call(test, user, 'GET', '/api/v1/admin/payout-runs')).statusCode).toBe(403);
      expect((await call(test, user, 'GET', `/api/v1/admin/payout-runs/${firstRunId}`)).statusCode).toBe(403);
      expect((await call(test, user, 'GET', `/api/v1/admin/payout-runs/${firstRunId}/export.csv`)).statusCode).toBe(
        403,
      );
      expect((await call(test, user, 'GET', `/api/v1/admin/payout-runs/${firstRunId}/export.xlsx`)).statusCode).toBe(
        403,
      );
      expect(
        (await call(test, user, 'POST', `/api/v1/admin/payout-runs/${firstRunId}/lines/${aliceLineId}/paid`))
          .statusCode,
      ).toBe(403);
    }
    expect((await call(test, null, 'GET', '/api/v1/payouts/balance')).statusCode).toBe(401);
    const merchantBalance = await call(test, merchant, 'GET', '/api/v1/payouts/balance', undefined, 'fr');
    expect(merchantBalance.statusCode).toBe(403);
    expect(merchantBalance.json().detail).toBe(payoutsProblemMessages.fr.not_an_influencer);
    // Another influencer's statement answers like a missing one; an admin reads it.
    expect((await call(test, influencer, 'GET', `/api/v1/payouts/${aliceLineId}/statement`)).statusCode).toBe(404);
    expect((await call(test, admin, 'GET', `/api/v1/payouts/${aliceLineId}/statement?format=csv`)).statusCode).toBe(
      200,
    );
    expect((await call(test, admin, 'GET', '/api/v1/admin/payout-runs')).json().items.length).toBeGreaterThanOrEqual(3);
    // A month that has not started cannot be paid, and nothing is created.
    const future = await call(test, admin, 'POST', '/api/v1/admin/payout-runs', { period: '2999-01' }, 'ar');
    expect(future.statusCode).toBe(422);
    expect(future.json().detail).toBe(payoutsProblemMessages.ar.period_in_future);
  });

  it('refunds while a run is open: a preview line shrinks; after payment the clawback is netted from the next run', async () => {
    const fay = await affiliatedLink(test);
    await approveKyc(fay.influencer);
    const key = await apiKeyOf(test, fay.merchant, ['conversions:write']);
    await approve(fay.merchant, await reportSale(fay, key, 'F-1', 200_000));
    await approve(fay.merchant, await reportSale(fay, key, 'F-2', 150_000));

    // Two creators at once (the cron and an admin): one run.
    const [first, second] = await Promise.all([createRun(threeMonthsAgo), createRun(threeMonthsAgo)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json().id).toBe(second.json().id);
    const run = first.json() as PayoutRun;
    const line = run.lines.find((entry) => entry.influencerId === fay.influencer.id);
    expect(line?.amountMinor).toBe(35_000);

    // Half of F-1 refunded while the run is in preview: the line pays 25,000 not 35,000.
    const partial = await withKey(test, key, 'POST', '/api/v1/conversions/F-1/refund', {
      amount: 100_000,
      refundRef: 'R-F',
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const previewed = (await call(test, admin, 'GET', `/api/v1/admin/payout-runs/${run.id}`)).json() as PayoutRun;
    expect(previewed.lines.find((entry) => entry.id === line?.id)?.amountMinor).toBe(25_000);
    expect((await call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/approve`)).statusCode).toBe(200);
    // Two admins (or a double click) mark it paid at once: one succeeds, the other is told.
    const attempts = await Promise.all(
      [1, 2].map(() => call(test, admin, 'POST', `/api/v1/admin/payout-runs/${run.id}/lines/${line?.id}/paid`)),
    );
    expect(attempts.map((attempt) => attempt.statusCode).sort()).toEqual([200, 409]);
    const paid = attempts.find((attempt) => attempt.statusCode === 200);
    expect(paid?.json()).toMatchObject({ status: 'paid', amountMinor: 25_000 });
    expect(await balanceOf(fay.influencer)).toMatchObject({ paidMinor: 25_000, inPayoutMinor: 0 });
    await ledgerBalances();

    // F-2 refunded after it was paid: a clawback, never a negative payout.
    const full = await withKey(test, key, 'POST', '/api/v1/conversions/F-2/refund', {});
    expect(full.statusCode, full.body).toBe(200);
    expect(await balanceOf(fay.influencer)).toMatchObject({ approvedMinor: -15_000, paidMinor: 25_000 });
    await approve(fay.merchant, await reportSale(fay, key, 'F-3', 400_000));
    const next = await createRun(fourMonthsAgo);
    expect(next.statusCode, next.body).toBe(201);
    const netted = (next.json() as PayoutRun).lines.find((entry) => entry.influencerId === fay.influencer.id);
    expect(netted).toMatchObject({ amountMinor: 25_000, commissionCount: 1 });
    await ledgerBalances();
  }, 120_000);
});
