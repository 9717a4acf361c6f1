import type { OrderCreated } from '@souk/contracts/payments';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCategory, dealInput, joinTeam, rowsOf, teamOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';
import { payWithSandbox, testCards } from '../../../test/payments.ts';
import { connectSandbox } from '../../../test/social.ts';
import { catalogProducts } from '../catalog/schema.ts';
import { billingRenewals, billingSubscriptions } from './schema.ts';

const day = 86_400_000;

describe('billing: plans, quotas and subscriptions', () => {
  let test: TestApp;
  let admin: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    test = await buildTestApp();
    admin = await createTestUser(test, { role: 'admin' });
    categoryId = (await createCategory(test)).id;
    // Free allows one live deal here, so the plan's limit bites before the KYC rule (3).
    const changed = await call(test, admin, 'PUT', '/api/v1/admin/plans/free', { quotas: { publishedDeals: 1 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().quotas.publishedDeals).toBe(1);
  });
  afterAll(() => test.close());

  async function draft(user: TestUser, title: string): Promise<string> {
    const response = await call(test, user, 'POST', '/api/v1/products', dealInput(categoryId, { title }));
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  it('serves the effective plans; only admins change them', async () => {
    const listed = await call(test, null, 'GET', '/api/v1/plans');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().plans[0].quotas.publishedDeals).toBe(1);
    const site = await call(test, null, 'GET', '/api/v1/site/plans');
    expect(site.json()).toEqual(listed.json());
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const refused = await call(test, merchant, 'PUT', '/api/v1/admin/plans/pro', { monthlyPriceMinor: 1 });
    expect(refused.statusCode).toBe(403);
    const pro = (await call(test, null, 'GET', '/api/v1/plans')).json().plans[2];
    expect(pro.monthlyPriceMinor).toBe(79_900);
  });

  it('two publishes at the last free slot: exactly one succeeds, the other gets the quota problem', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const [a, b] = [await draft(merchant, 'Deal A'), await draft(merchant, 'Deal B')];
    const results = await Promise.all([
      call(test, merchant, 'POST', `/api/v1/products/${a}/publish`),
      call(test, merchant, 'POST', `/api/v1/products/${b}/publish`),
    ]);
    const codes = results.map((response) => response.statusCode).sort();
    expect(codes).toEqual([200, 402]);
    const problem = results.find((response) => response.statusCode === 402)?.json();
    expect(problem).toMatchObject({ code: 'quota_exceeded', quota: 'publishedDeals', limit: 1, used: 1 });
    expect(problem.upgradeUrl).toBe('/merchant/billing');
    expect(problem.detail).toContain('1');
    const teamId = await teamOf(test, merchant);
    const overview = (await call(test, merchant, 'GET', `/api/v1/billing?organizationId=${teamId}`)).json();
    expect(overview.usage.find((meter: { quota: string }) => meter.quota === 'publishedDeals')).toMatchObject({
      used: 1,
      limit: 1,
    });
    // Unpublishing gives the unit back: the other deal may go live now.
    const live = results.find((response) => response.statusCode === 200)?.json().id;
    expect((await call(test, merchant, 'POST', `/api/v1/products/${live}/unpublish`)).statusCode).toBe(200);
    const other = live === a ? b : a;
    expect((await call(test, merchant, 'POST', `/api/v1/products/${other}/publish`)).statusCode).toBe(200);
    // An admin taking it down gives the unit back too.
    const takenDown = await call(test, admin, 'POST', `/api/v1/admin/products/${other}/unpublish`, {
      reason: 'Misleading price shown on the deal page',
    });
    expect(takenDown.statusCode, takenDown.body).toBe(200);
    const meters = (await call(test, merchant, 'GET', '/api/v1/billing')).json().usage;
    expect(meters.find((meter: { quota: string }) => meter.quota === 'publishedDeals').used).toBe(0);
  });

  it('trial without a card, downgrade below usage pauses deals (nothing deleted), upgrade brings them back', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const teamId = await teamOf(test, merchant);
    const trial = await call(test, merchant, 'POST', '/api/v1/billing/trial', { planId: 'pro' });
    expect(trial.statusCode).toBe(200);
    expect(trial.json().subscription).toMatchObject({ status: 'trialing', planId: 'pro', trialUsed: true });
    expect(trial.json().plan.id).toBe('pro');
    expect(await latestMail(test, merchant.email, 'billing-notice')).not.toBeNull();
    const ids = [];
    for (const title of ['Old deal', 'Middle deal', 'New deal']) {
      const id = await draft(merchant, title);
      expect((await call(test, merchant, 'POST', `/api/v1/products/${id}/publish`)).statusCode).toBe(200);
      ids.push(id);
    }
    // A second trial is refused.
    expect((await call(test, merchant, 'POST', '/api/v1/billing/trial', { planId: 'starter' })).statusCode).toBe(409);
    // During a trial there is no paid period to honour: Free applies at once.
    const downgrade = await call(test, merchant, 'POST', '/api/v1/billing/change', { planId: 'free' });
    expect(downgrade.statusCode).toBe(200);
    expect(downgrade.json().pendingChange).toBeNull();
    expect(downgrade.json().plan.id).toBe('free');

    const after = (await call(test, merchant, 'GET', '/api/v1/billing')).json();
    expect(after.subscription).toMatchObject({
      status: 'free',
      planId: 'free',
      cancelAtPeriodEnd: false,
      trialUsed: true,
    });
    expect(after.plan.id).toBe('free');
    expect(after.paused.publishedDeals).toBe(2);
    const rows = await test.runtime.database.db
      .select({ id: catalogProducts.id, status: catalogProducts.status, paused: catalogProducts.pausedByPlan })
      .from(catalogProducts)
      .where(eq(catalogProducts.organizationId, teamId));
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids[0] as string)).toMatchObject({ status: 'published', paused: false });
    expect(byId.get(ids[1] as string)).toMatchObject({ status: 'draft', paused: true });
    expect(byId.get(ids[2] as string)).toMatchObject({ status: 'draft', paused: true });
    const product = (await call(test, merchant, 'GET', `/api/v1/products/${ids[2]}`)).json();
    expect(product.pausedByPlan).toBe(true);
    const audit = await rowsOf<{ details: { event: string } }>(
      test,
      sql`select details from audit_events where action = 'subscription_changed' and details->>'organizationId' = ${teamId}`,
    );
    expect(audit.map((row) => row.details.event)).toEqual(expect.arrayContaining(['trial_started', 'canceled']));
    const mail = await latestMail(test, merchant.email, 'billing-notice');
    expect(mail?.text).toContain('paused');

    // Back on a paid plan (trial used: first invoice due, plan applies during grace): deals return.
    const upgrade = await call(test, merchant, 'POST', '/api/v1/billing/change', { planId: 'starter' });
    expect(upgrade.statusCode).toBe(200);
    expect(upgrade.json().subscription.status).toBe('past_due');
    expect(upgrade.json().paused.publishedDeals).toBe(0);
    expect(upgrade.json().dueInvoice).not.toBeNull();
  });

  it('during a trial a smaller paid plan applies at once and keeps the trial’s end; cancel ends the trial', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const teamId = await teamOf(test, merchant);
    const trial = (await call(test, merchant, 'POST', '/api/v1/billing/trial', { planId: 'enterprise' })).json();
    const trialEndsAt = trial.subscription.trialEndsAt;
    const down = await call(test, merchant, 'POST', '/api/v1/billing/change', { planId: 'starter' });
    expect(down.statusCode).toBe(200);
    expect(down.json().subscription).toMatchObject({ status: 'trialing', planId: 'starter', trialEndsAt });
    expect(down.json().pendingChange).toBeNull();
    expect(down.json().plan.id).toBe('starter');
    const cancel = await call(test, merchant, 'POST', '/api/v1/billing/cancel', {});
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().subscription).toMatchObject({ status: 'free', planId: 'free', cancelAtPeriodEnd: false });
    expect(cancel.json().pendingChange).toBeNull();
    const audit = await rowsOf<{ details: { event: string } }>(
      test,
      sql`select details from audit_events where action = 'subscription_changed' and details->>'organizationId' = ${teamId} order by created_at`,
    );
    expect(audit.map((row) => row.details.event)).toEqual(['trial_started', 'downgraded', 'canceled']);
  });

  it('trial → CMI renewal invoice → paid → active; unpaid past the grace → Free', async () => {
    const billing = test.runtime.services.billing;
    const payer = await createTestUser(test, { accountType: 'merchant' });
    const late = await createTestUser(test, { accountType: 'merchant' });
    const payerTeam = await teamOf(test, payer);
    const lateTeam = await teamOf(test, late);
    for (const user of [payer, late]) {
      expect((await call(test, user, 'POST', '/api/v1/billing/trial', { planId: 'starter' })).statusCode).toBe(200);
    }
    await billing.subscriptions.daily(new Date(Date.now() + 15 * day));
    const due = (await call(test, payer, 'GET', '/api/v1/billing')).json();
    expect(due.subscription.status).toBe('past_due');
    expect(due.plan.id).toBe('starter');
    expect(due.dueInvoice.totalMinor).toBe(29_900 + 5_980);
    const renewalMail = await latestMail(test, payer.email, 'billing-notice');
    expect(renewalMail?.text).toContain('pay=');
    // The same day again issues nothing more.
    await billing.subscriptions.daily(new Date(Date.now() + 15 * day));
    const renewals = await test.runtime.database.db
      .select()
      .from(billingRenewals)
      .where(eq(billingRenewals.organizationId, payerTeam));
    expect(renewals).toHaveLength(1);

    const db = test.runtime.database.db;
    const outcome = await db.transaction((tx) =>
      billing.subscriptions.renewalPaid(tx, { id: renewals[0]?.id as string }, { method: 'card' }),
    );
    expect(outcome).toBe('paid');
    expect(
      await db.transaction((tx) =>
        billing.subscriptions.renewalPaid(tx, { id: renewals[0]?.id as string }, { method: 'card' }),
      ),
    ).toBe('duplicate');
    const active = (await call(test, payer, 'GET', '/api/v1/billing')).json();
    expect(active.subscription.status).toBe('active');
    expect(active.dueInvoice).toBeNull();

    await billing.subscriptions.daily(new Date(Date.now() + 23 * day));
    const [lateRow] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, lateTeam));
    expect(lateRow?.status).toBe('expired');
    const fallback = (await call(test, late, 'GET', '/api/v1/billing')).json();
    expect(fallback.plan.id).toBe('free');
    const [payerRow] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, payerTeam));
    expect(payerRow?.status).toBe('active');
  });

  it('seats: Free holds its owner only; a trial opens seats, pending invitations hold theirs', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, owner);
    const invite = (email: string) =>
      call(test, owner, 'POST', `/api/v1/teams/${teamId}/invitations`, { email, role: 'editor' });
    const refused = await invite('first@example.com');
    expect(refused.statusCode).toBe(402);
    expect(refused.json()).toMatchObject({ code: 'quota_exceeded', quota: 'teamSeats', limit: 1, used: 1 });
    expect((await call(test, owner, 'POST', '/api/v1/billing/trial', { planId: 'starter' })).statusCode).toBe(200);
    expect((await invite('first@example.com')).statusCode).toBe(201);
    expect((await invite('second@example.com')).statusCode).toBe(201);
    // Three seats: the owner and two pending invitations.
    expect((await invite('third@example.com')).statusCode).toBe(402);
  });

  it('approved influencers: a first approval takes a unit, ending the last one gives it back', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, merchant);
    await test.runtime.services.billing.plans.update(admin.id, 'free', { quotas: { approvedInfluencers: 1 } });
    const dealId = await draft(merchant, 'Affiliated deal');
    expect((await call(test, merchant, 'POST', `/api/v1/products/${dealId}/publish`)).statusCode).toBe(200);
    const request = async () => {
      const influencer = await createTestUser(test, { accountType: 'influencer' });
      const created = await call(test, influencer, 'POST', `/api/v1/products/${dealId}/affiliation-requests`, {
        message: 'Hello',
        audience: [{ platform: 'instagram', handle: '@me', followers: 12_000 }],
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    const [first, second] = [await request(), await request()];
    expect((await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${first}/approve`, {})).statusCode).toBe(
      200,
    );
    const refused = await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${second}/approve`, {});
    expect(refused.statusCode).toBe(402);
    expect(refused.json().quota).toBe('approvedInfluencers');
    expect((await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${first}/end`, {})).statusCode).toBe(200);
    expect((await call(test, merchant, 'POST', `/api/v1/affiliation-requests/${second}/approve`, {})).statusCode).toBe(
      200,
    );
    const overview = (await call(test, merchant, 'GET', `/api/v1/billing?organizationId=${teamId}`)).json();
    expect(overview.usage.find((meter: { quota: string }) => meter.quota === 'approvedInfluencers').used).toBe(1);
    await test.runtime.services.billing.plans.update(admin.id, 'free', { quotas: { approvedInfluencers: 5 } });
  });

  it('scheduled posts per month: a team post leaving draft counts; past the limit it is refused', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, owner);
    await test.runtime.services.billing.plans.update(admin.id, 'free', { quotas: { scheduledPostsPerMonth: 1 } });
    const account = await connectSandbox(test, owner, `quota${Date.now() % 100000}`, { owner: 'team', teamId });
    const post = (mode: 'schedule' | 'draft') =>
      call(test, owner, 'POST', '/api/v1/social/posts', {
        owner: 'team',
        teamId,
        targets: [{ accountId: account.id, caption: 'Promo du week-end' }],
        mode,
        ...(mode === 'schedule' ? { scheduledAt: new Date(Date.now() + 3 * day).toISOString() } : {}),
      });
    expect((await post('schedule')).statusCode).toBe(201);
    expect((await post('draft')).statusCode).toBe(201);
    const refused = await post('schedule');
    expect(refused.statusCode).toBe(402);
    expect(refused.json()).toMatchObject({ quota: 'scheduledPostsPerMonth', limit: 1, used: 1 });
    await test.runtime.services.billing.plans.update(admin.id, 'free', { quotas: { scheduledPostsPerMonth: 10 } });
  });

  it('a renewal paid by card through the CMI-protocol gateway (the sandbox): the mailed link, the callback, active', async () => {
    const payer = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(test, payer);
    expect((await call(test, payer, 'POST', '/api/v1/billing/trial', { planId: 'pro' })).statusCode).toBe(200);
    await test.runtime.services.billing.subscriptions.daily(new Date(Date.now() + 15 * day));
    const due = (await call(test, payer, 'GET', '/api/v1/billing')).json();
    expect(due.subscription.status).toBe('past_due');
    expect(due.cardProvider).toBe('cmi');
    expect(due.dueInvoice.payUrl).toContain(`pay=${due.dueInvoice.id}`);
    const checkout = await call(test, payer, 'POST', '/api/v1/billing/checkout', {});
    expect(checkout.statusCode, checkout.body).toBe(200);
    expect(checkout.json().payment.kind).toBe('form');
    expect(checkout.json().payment.fields.amount).toBe('958.80');
    const paid = await payWithSandbox(test, checkout.json() as OrderCreated, testCards.visa);
    expect(paid.location).toBe(`/merchant/billing?team=${teamId}`);
    const after = (await call(test, payer, 'GET', '/api/v1/billing')).json();
    expect(after.subscription.status).toBe('active');
    expect(after.dueInvoice).toBeNull();
    // Nothing left to pay.
    expect((await call(test, payer, 'POST', '/api/v1/billing/checkout', {})).statusCode).toBe(409);
  });

  it('a free month for a referral: Free starts a month of Pro; a paying team skips its next invoice', async () => {
    const billing = test.runtime.services.billing;
    const db = test.runtime.database.db;
    const freeTeam = await teamOf(test, await createTestUser(test, { accountType: 'merchant' }));
    await db.transaction((tx) => billing.quotas.grantFreeMonth(tx, freeTeam, 'pro', 'referral'));
    const [gifted] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, freeTeam));
    expect(gifted).toMatchObject({ status: 'active', planId: 'pro', freeMonths: 0 });
    expect((await billing.quotas.planOf(freeTeam)).id).toBe('pro');

    const payer = await createTestUser(test, { accountType: 'merchant' });
    const payerTeam = await teamOf(test, payer);
    expect((await call(test, payer, 'POST', '/api/v1/billing/trial', { planId: 'starter' })).statusCode).toBe(200);
    await db.transaction((tx) => billing.quotas.grantFreeMonth(tx, payerTeam, 'pro', 'referral'));
    await db.transaction((tx) => billing.quotas.grantFreeMonth(tx, payerTeam, 'pro', 'referral'));
    const [active] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, payerTeam));
    expect(active).toMatchObject({ status: 'active', planId: 'pro', freeMonths: 1 });
    await billing.subscriptions.daily(new Date((active?.currentPeriodEnd ?? new Date()).getTime() + day));
    const [renewed] = await db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, payerTeam));
    expect(renewed).toMatchObject({ status: 'active', freeMonths: 0 });
    expect(await db.select().from(billingRenewals).where(eq(billingRenewals.organizationId, payerTeam))).toHaveLength(
      0,
    );
    // The free plan stays free.
    expect((await call(test, admin, 'PUT', '/api/v1/admin/plans/free', { monthlyPriceMinor: 100 })).statusCode).toBe(
      422,
    );
  });

  it('owners and admins manage billing, editors read, influencers and other teams are refused', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const editor = await createTestUser(test, { accountType: 'merchant' });
    const stranger = await createTestUser(test, { accountType: 'merchant' });
    const influencer = await createTestUser(test, { accountType: 'influencer' });
    await joinTeam(test, owner, editor, 'editor');
    const teamId = await teamOf(test, owner);

    const read = await call(test, editor, 'GET', `/api/v1/billing?organizationId=${teamId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    const editorTrial = await call(test, editor, 'POST', '/api/v1/billing/trial', {
      planId: 'pro',
      organizationId: teamId,
    });
    expect(editorTrial.statusCode).toBe(403);
    expect((await call(test, stranger, 'GET', `/api/v1/billing?organizationId=${teamId}`)).statusCode).toBe(404);
    expect((await call(test, stranger, 'POST', '/api/v1/billing/cancel', { organizationId: teamId })).statusCode).toBe(
      404,
    );
    expect((await call(test, influencer, 'GET', '/api/v1/billing')).statusCode).toBe(403);
    expect((await call(test, null, 'GET', '/api/v1/billing')).statusCode).toBe(401);
    expect((await call(test, owner, 'GET', '/api/v1/admin/subscriptions')).statusCode).toBe(403);

    const ownerView = await call(test, owner, 'GET', '/api/v1/billing');
    expect(ownerView.json().canManage).toBe(true);
    expect((await call(test, owner, 'POST', '/api/v1/billing/trial', { planId: 'pro' })).statusCode).toBe(200);
    const list = await call(test, admin, 'GET', '/api/v1/admin/subscriptions?status=trialing');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { organizationId: string }) => item.organizationId)).toContain(teamId);
  });
});
