import { referralCodeSchema } from '@souk/contracts/referrals';
import { settlementsProblemMessages } from '@souk/contracts/settlements-messages';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affiliatedLink, apiKeyOf, clickLink, flushClicks, withKey } from '../../../test/affiliation.ts';
import { call, origin, rowsOf, teamOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';

describe('referrals', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await buildTestApp({ env: { FRAUD_MIN_SECONDS_TO_CONVERT: '0' } });
  });
  afterAll(() => test.close());

  async function codeOf(user: TestUser): Promise<string> {
    const overview = await call(test, user, 'GET', '/api/v1/referrals');
    expect(overview.statusCode, overview.body).toBe(200);
    return overview.json().code;
  }

  /** An approved commission of `influencer` (a reported sale through their link). */
  async function approvedCommission(affiliated: Awaited<ReturnType<typeof affiliatedLink>>, amount: number) {
    const key = await apiKeyOf(test, affiliated.merchant, ['conversions:write']);
    const { clickId } = await clickLink(test, affiliated.link.code, { ip: '198.51.100.30' });
    await flushClicks(test);
    const sale = await withKey(test, key, 'POST', '/api/v1/conversions', {
      clickId,
      orderRef: `R-${Math.random().toString(36).slice(2, 8)}`,
      amount,
      currency: 'MAD',
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const id = sale.json().commission.id as string;
    const approved = await call(test, affiliated.merchant, 'POST', `/api/v1/commissions/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  }

  it('pays the referrer 10 % of approved commissions within 3 months, none after, reversed with the commission', async () => {
    const referrer = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const code = await codeOf(referrer);
    expect((await call(test, referrer, 'GET', '/api/v1/referrals')).json().link).toBe(`${origin}/join/${code}`);

    const affiliated = await affiliatedLink(test);
    const claimed = await call(test, affiliated.influencer, 'POST', '/api/v1/referrals/claim', { code });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().referredBy).toBeTruthy();

    const first = await approvedCommission(affiliated, 100_000);
    const service = test.runtime.services.referrals.referrals;
    expect((await service.accrue()).accrued).toBeGreaterThanOrEqual(1);
    expect((await service.accrue()).accrued).toBe(0);
    const overview = (await call(test, referrer, 'GET', '/api/v1/referrals')).json();
    expect(overview.earnings).toEqual([{ currency: 'MAD', totalMinor: 1_000, reversedMinor: 0 }]);
    expect(overview.referred[0]).toMatchObject({ kind: 'influencer', earnedMinor: 1_000 });
    // Paid by the platform on top: the referred influencer's commission is untouched.
    const commissions = await call(test, affiliated.influencer, 'GET', '/api/v1/commissions');
    expect(commissions.json().items.find((item: { id: string }) => item.id === first)?.amountMinor).toBe(10_000);
    expect(await test.runtime.services.ledger.ledger.balance('influencer_payable', referrer.id, 'MAD')).toBe(-1_000);

    // The commission is reversed (the sale refunded in full): so is the bonus, once.
    const key = await apiKeyOf(test, affiliated.merchant, ['conversions:write']);
    const [conversion] = await rowsOf<{ order_ref: string }>(
      test,
      sql`select c.order_ref from affiliation_conversions c join affiliation_commissions m on m.conversion_id = c.id where m.id = ${first}`,
    );
    const refund = await withKey(test, key, 'POST', `/api/v1/conversions/${conversion?.order_ref}/refund`, {});
    expect(refund.statusCode, refund.body).toBe(200);
    expect((await service.accrue()).reversed).toBe(1);
    expect((await service.accrue()).reversed).toBe(0);
    expect(await test.runtime.services.ledger.ledger.balance('influencer_payable', referrer.id, 'MAD')).toBe(0);

    // After the window (moved to the past here), new commissions earn nothing.
    await test.runtime.database.db.execute(
      sql`update referrals set bonus_ends_at = now() - interval '1 day' where referred_user_id = ${affiliated.influencer.id}`,
    );
    await approvedCommission(affiliated, 100_000);
    expect((await service.accrue()).accrued).toBe(0);
    const after = (await call(test, referrer, 'GET', '/api/v1/referrals')).json();
    expect(after.earnings).toEqual([{ currency: 'MAD', totalMinor: 0, reversedMinor: 1_000 }]);
  });

  it('refuses referring oneself, circular referrals, unknown codes and a second referrer (translated)', async () => {
    const a = await createTestUser(test, { accountType: 'influencer', locale: 'fr' });
    const b = await createTestUser(test, { accountType: 'influencer', locale: 'fr' });
    const c = await createTestUser(test, { accountType: 'influencer', locale: 'fr' });
    const codeA = await codeOf(a);
    const codeB = await codeOf(b);
    const self = await call(test, a, 'POST', '/api/v1/referrals/claim', { code: codeA }, 'fr');
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0].message).toBe(settlementsProblemMessages.fr.referral_self);
    expect((await call(test, b, 'POST', '/api/v1/referrals/claim', { code: codeA })).statusCode).toBe(200);
    const circular = await call(test, a, 'POST', '/api/v1/referrals/claim', { code: codeB }, 'ar');
    expect(circular.statusCode).toBe(422);
    expect(circular.json().errors[0].message).toBe(settlementsProblemMessages.ar.referral_circular);
    const unknown = await call(test, c, 'POST', '/api/v1/referrals/claim', { code: 'ZZZZ9999' }, 'en');
    expect(unknown.json().errors[0].message).toBe(settlementsProblemMessages.en.referral_code_unknown);
    const second = await call(test, b, 'POST', '/api/v1/referrals/claim', { code: await codeOf(c) }, 'en');
    expect(second.json().errors[0].message).toBe(settlementsProblemMessages.en.referral_already_referred);
    const [count] = await rowsOf<{ n: string }>(
      test,
      sql`select count(*) as n from referrals where referred_user_id in (${a.id}, ${b.id}, ${c.id})`,
    );
    expect(Number(count?.n)).toBe(1);
    // Merchants and influencers do not refer each other.
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const mismatch = await call(test, merchant, 'POST', '/api/v1/referrals/claim', { code: codeA }, 'en');
    expect(mismatch.json().errors[0].message).toBe(settlementsProblemMessages.en.referral_kind_mismatch);
  });

  it('captures the code at sign-up from the /join link cookie', async () => {
    const referrer = await createTestUser(test, { accountType: 'influencer' });
    const code = await codeOf(referrer);
    const join = await test.app.inject({ method: 'GET', url: `/join/${code.toLowerCase()}` });
    expect(join.statusCode).toBe(302);
    expect(join.headers.location).toBe(`/sign-up?ref=${code}`);
    const cookie = join.cookies.find((candidate) => candidate.name === 'souk_ref');
    expect(referralCodeSchema.parse(cookie?.value)).toBe(code);
    const email = `joined-${Math.random().toString(36).slice(2, 8)}@example.ma`;
    const signUp = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin, cookie: `souk_ref=${code}` },
      payload: { name: 'Nadia Bennani', email, password: 'Atlas-Marrakech-2026!', accountType: 'influencer' },
    });
    expect(signUp.statusCode, signUp.body).toBe(200);
    const person = await test.runtime.services.identity.users.findByEmail(email);
    const [row] = await rowsOf<{ referrer_user_id: string }>(
      test,
      sql`select referrer_user_id from referrals where referred_user_id = ${person?.id ?? ''}`,
    );
    expect(row?.referrer_user_id).toBe(referrer.id);
    // A typed code that does not exist stops the sign-up before any account is made.
    const badEmail = `bad-${Math.random().toString(36).slice(2, 8)}@example.ma`;
    const bad = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin, 'x-souk-locale': 'en' },
      payload: {
        name: 'Omar Alaoui',
        email: badEmail,
        password: 'Atlas-Marrakech-2026!',
        accountType: 'influencer',
        referralCode: 'NOPE1234',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(await test.runtime.services.identity.users.findByEmail(badEmail)).toBeNull();
  });

  it("gives the referring merchant one month of Pro once the referred merchant's first invoice is paid", async () => {
    const referrer = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const referred = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const referrerTeam = await teamOf(test, referrer);
    const referredTeam = await teamOf(test, referred);
    const claimed = await call(test, referred, 'POST', '/api/v1/referrals/claim', { code: await codeOf(referrer) });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const service = test.runtime.services.referrals.referrals;
    // Nothing paid yet: no reward.
    expect((await service.accrue()).rewarded).toBe(0);
    const billing = test.runtime.services.billing.quotas;
    expect((await billing.planOf(referrerTeam)).id).toBe('free');

    await test.runtime.database.db.transaction((tx) =>
      test.runtime.services.invoicing.invoices.issue(tx, {
        type: 'invoice',
        source: { kind: 'subscription_renewal', id: crypto.randomUUID() },
        buyer: { kind: 'organization', id: referredTeam, name: 'Riad Zitoun', email: referred.email },
        lines: [{ description: 'Souk Starter', quantity: 1, unitAmountMinor: 29_900 }],
        currency: 'MAD',
        paymentMethod: 'card',
        status: 'paid',
      }),
    );
    expect((await service.accrue()).rewarded).toBe(1);
    expect((await service.accrue()).rewarded).toBe(0);
    expect((await billing.planOf(referrerTeam)).id).toBe('pro');
    const overview = (await call(test, referrer, 'GET', '/api/v1/referrals')).json();
    expect(overview.referred[0]).toMatchObject({ kind: 'merchant', rewardStatus: 'granted' });
  });

  it('admins list referrals; others may not', async () => {
    const admin = await createTestUser(test, { role: 'admin' });
    const someone = await createTestUser(test, { accountType: 'influencer' });
    expect((await call(test, someone, 'GET', '/api/v1/admin/referrals')).statusCode).toBe(403);
    expect((await call(test, null, 'GET', '/api/v1/referrals')).statusCode).toBe(401);
    const list = await call(test, admin, 'GET', '/api/v1/admin/referrals');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(1);
  });
});
