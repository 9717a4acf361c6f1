import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, rowsOf, teamOf } from '../../../test/catalog.ts';
import { type StripeFake, startStripeFake } from '../../../test/fakes/stripe-fake.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { billingSubscriptions } from './schema.ts';

describe('Stripe Billing against a local Stripe', () => {
  let test: TestApp;
  let stripe: StripeFake;
  let merchant: TestUser;
  let teamId: string;
  let subscriptionId: string;

  beforeAll(async () => {
    stripe = await startStripeFake();
    test = await buildTestApp({
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.baseUrl,
        STRIPE_CURRENCIES: 'MAD,EUR',
        PAYMENTS_GATEWAY_TIMEOUT_MS: '2500',
      },
    });
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    teamId = await teamOf(test, merchant);
  });
  afterAll(async () => {
    await test.close();
    await stripe.close();
  });

  function webhook(delivery: { body: string; signature: string }) {
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/payments/stripe/webhook',
      headers: { 'content-type': 'application/json', 'stripe-signature': delivery.signature },
      payload: delivery.body,
    });
  }

  async function row() {
    const [found] = await test.runtime.database.db
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, teamId));
    return found;
  }

  it('a trial then Checkout in subscription mode: the card is taken, the trial carries over', async () => {
    expect((await call(test, merchant, 'POST', '/api/v1/billing/trial', { planId: 'pro' })).statusCode).toBe(200);
    const checkout = await call(test, merchant, 'POST', '/api/v1/billing/checkout', {});
    expect(checkout.statusCode, checkout.body).toBe(200);
    const url: string = checkout.json().url;
    const session = [...stripe.sessions.values()].find((candidate) => url.endsWith(candidate.id));
    expect(session).toMatchObject({ mode: 'subscription', client_reference_id: teamId, amount_total: 79_900 });
    expect(session?.metadata.trial_end).toBeDefined();
    const subscription = stripe.completeSubscription(session?.id as string);
    subscriptionId = subscription.id;

    const completed = await webhook(
      stripe.event('checkout.session.completed', { ...session, mode: 'subscription', subscription: subscription.id }),
    );
    expect(completed.statusCode).toBe(200);
    expect(completed.json().outcome).toBe('applied');
    const created = await webhook(stripe.event('customer.subscription.created', subscription));
    expect(created.json().outcome).toBe('applied');
    expect(await row()).toMatchObject({
      provider: 'stripe',
      status: 'trialing',
      stripeSubscriptionId: subscription.id,
    });

    // The trial ends and Stripe charges the card: active.
    subscription.status = 'active';
    const updated = stripe.event('customer.subscription.updated', subscription);
    expect((await webhook(updated)).json().outcome).toBe('applied');
    expect((await row())?.status).toBe('active');
    const paid = await webhook(
      stripe.event('invoice.paid', {
        id: 'in_test_1',
        subscription: subscription.id,
        amount_paid: 95_880,
        currency: 'mad',
      }),
    );
    expect(paid.json().outcome).toBe('applied');
    const posted = await rowsOf<{ kind: string }>(
      test,
      sql`select kind from ledger_transactions where reference = 'stripe:in_test_1' order by kind`,
    );
    expect(posted.map((entry) => entry.kind)).toEqual(['subscription_invoiced', 'subscription_paid']);

    // The same delivery again changes nothing.
    const before = await row();
    await test.runtime.database.db
      .update(billingSubscriptions)
      .set({ status: 'past_due' })
      .where(eq(billingSubscriptions.organizationId, teamId));
    const again = await webhook(updated);
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome).toBe('duplicate');
    expect((await row())?.status).toBe('past_due');
    await test.runtime.database.db
      .update(billingSubscriptions)
      .set({ status: before?.status ?? 'active' })
      .where(eq(billingSubscriptions.organizationId, teamId));
  });

  it('an event for a subscription nobody has: logged, 200, nothing changed', async () => {
    const snapshot = await rowsOf<Record<string, unknown>>(
      test,
      sql`select * from billing_subscriptions order by organization_id`,
    );
    const stranger = {
      id: 'sub_unknown',
      object: 'subscription',
      customer: 'cus_unknown',
      status: 'canceled',
      metadata: { organization_id: teamId, plan_id: 'enterprise' },
    };
    for (const type of ['customer.subscription.updated', 'customer.subscription.deleted']) {
      const answer = await webhook(stripe.event(type, stranger));
      expect(answer.statusCode).toBe(200);
      expect(answer.json().outcome).toBe('unknown');
    }
    const failed = await webhook(stripe.event('invoice.payment_failed', { id: 'in_x', subscription: 'sub_unknown' }));
    expect(failed.json().outcome).toBe('unknown');
    expect(await rowsOf(test, sql`select * from billing_subscriptions order by organization_id`)).toEqual(snapshot);
  });

  it('upgrade is prorated now, downgrade priced for the next period, cancel at period end, portal', async () => {
    const upgrade = await call(test, merchant, 'POST', '/api/v1/billing/change', { planId: 'enterprise' });
    expect(upgrade.statusCode, upgrade.body).toBe(200);
    expect(upgrade.json().plan.id).toBe('enterprise');
    const fake = stripe.subscriptions.get(subscriptionId);
    expect(fake?.changes.at(-1)).toEqual({ amount: 249_900, proration: 'create_prorations' });

    const downgrade = await call(test, merchant, 'POST', '/api/v1/billing/change', { planId: 'starter' });
    expect(downgrade.statusCode).toBe(200);
    expect(downgrade.json().plan.id).toBe('enterprise');
    expect(downgrade.json().pendingChange.planId).toBe('starter');
    expect(fake?.changes.at(-1)).toEqual({ amount: 29_900, proration: 'none' });

    const cancel = await call(test, merchant, 'POST', '/api/v1/billing/cancel', {});
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().subscription.cancelAtPeriodEnd).toBe(true);
    expect(fake?.cancel_at_period_end).toBe(true);

    const portal = await call(test, merchant, 'POST', '/api/v1/billing/portal', {});
    expect(portal.statusCode).toBe(200);
    expect(portal.json().url).toContain('/portal/');

    const failed = await webhook(stripe.event('invoice.payment_failed', { id: 'in_2', subscription: subscriptionId }));
    expect(failed.json().outcome).toBe('applied');
    expect((await row())?.status).toBe('past_due');
    const deleted = await webhook(stripe.event('customer.subscription.deleted', { ...fake, status: 'canceled' }));
    expect(deleted.json().outcome).toBe('applied');
    const after = (await call(test, merchant, 'GET', '/api/v1/billing')).json();
    expect(after.subscription.status).toBe('canceled');
    expect(after.plan.id).toBe('free');
  });
});
