import { randomBytes, randomUUID } from 'node:crypto';
import type { BillingOverview, SubscriptionStatus } from '@souk/contracts/billing';
import { graceDays } from '@souk/contracts/billing';
import { type BillingProblem, billingProblemMessages } from '@souk/contracts/billing-messages';
import type { Locale } from '@souk/contracts/locales';
import { type PlanId, planCurrency, planIds, trialDays } from '@souk/contracts/plans';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { BillingEvent, BillingMails } from './billing-mails.ts';
import type { PlanService } from './plan-service.ts';
import type {
  BillingAudit,
  BillingPeople,
  BillingTeams,
  PlanPausedDeals,
  RenewalCardPayments,
  StripeBillingApi,
  SubscriptionInvoices,
  SubscriptionLedger,
} from './ports.ts';
import type { QuotaService } from './quota-service.ts';
import { billingRenewals, billingSubscriptions } from './schema.ts';
import { addDays, addMonth, effectivePlanId, isLiving, isUpgrade, type SubscriptionRow } from './subscription-rules.ts';

const vatRateBps = 2000;
/** Card gateways hand the callbacks of references with this prefix to billing. */
export const renewalReferencePrefix = 'SUB';

export function billingRefused(locale: Locale, code: BillingProblem, status: 'conflict' | 'not_found' = 'conflict') {
  return new AppError(status, billingProblemMessages[locale][code]);
}

export interface SubscriptionServiceDeps {
  db: Database;
  publicUrl: string;
  plans: PlanService;
  quotas: QuotaService;
  deals: PlanPausedDeals;
  teams: BillingTeams;
  people: BillingPeople;
  audit: BillingAudit;
  mails: BillingMails;
  invoices: () => SubscriptionInvoices | null;
  ledger: () => SubscriptionLedger | null;
  stripe: () => StripeBillingApi | null;
  cards: RenewalCardPayments;
  logger: { info(details: object, message: string): void; warn(details: object, message: string): void };
  now?: () => Date;
}

type Change = Partial<Omit<SubscriptionRow, 'organizationId' | 'createdAt'>>;

/** A Stripe event as billing reads it (verified and deduplicated by the payments webhook). */
export interface StripeBillingEvent {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

/**
 * Subscriptions of merchant teams: trialing → active → past_due → canceled / expired, and back
 * to Free. Every transition is one transaction that also records the audit entry, queues the
 * managers' mail and pauses (or brings back) deals beyond the plan's limit.
 */
export class SubscriptionService {
  constructor(private readonly deps: SubscriptionServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async find(organizationId: string, executor: Executor = this.deps.db): Promise<SubscriptionRow | null> {
    const [row] = await executor
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organizationId));
    return row ?? null;
  }

  private async lock(tx: Executor, organizationId: string): Promise<SubscriptionRow | null> {
    const [row] = await tx
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organizationId))
      .for('update');
    return row ?? null;
  }

  cardProvider(): 'stripe' | 'cmi' | null {
    if (this.deps.stripe()) return 'stripe';
    return this.deps.cards.available() ? 'cmi' : null;
  }

  async overview(organizationId: string, canManage: boolean): Promise<BillingOverview> {
    const row = await this.find(organizationId);
    const planId = effectivePlanId(row);
    const plan = await this.deps.plans.get(planId);
    const [due] = await this.deps.db
      .select()
      .from(billingRenewals)
      .where(and(eq(billingRenewals.organizationId, organizationId), eq(billingRenewals.status, 'due')))
      .orderBy(desc(billingRenewals.createdAt))
      .limit(1);
    const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;
    const pendingPlan: PlanId | null = row?.cancelAtPeriodEnd ? 'free' : (row?.pendingPlanId ?? null);
    return {
      organizationId,
      canManage,
      cardProvider: this.cardProvider(),
      subscription: {
        planId: row && isLiving(row.status) ? row.planId : 'free',
        status: row?.status ?? 'free',
        provider: row?.provider ?? 'none',
        trialEndsAt: iso(row?.trialEndsAt),
        currentPeriodStart: iso(row?.currentPeriodStart),
        currentPeriodEnd: iso(row?.currentPeriodEnd),
        cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
        graceEndsAt: iso(row?.graceEndsAt),
        trialUsed: row?.trialUsed ?? false,
      },
      plan,
      pendingChange:
        row && pendingPlan && isLiving(row.status)
          ? {
              planId: pendingPlan,
              effectiveAt: (row.currentPeriodEnd ?? row.trialEndsAt ?? this.now()).toISOString(),
            }
          : null,
      usage: await this.deps.quotas.meters(organizationId, plan),
      paused: { publishedDeals: await this.deps.deals.pausedCount(organizationId) },
      dueInvoice: due
        ? {
            id: due.id,
            number: due.invoiceNumber ?? due.reference,
            totalMinor: due.amountMinor,
            currency: due.currency,
            dueAt: due.dueAt.toISOString(),
            payUrl: this.payUrl(organizationId, due.id),
          }
        : null,
    };
  }

  private payUrl(organizationId: string, renewalId: string): string {
    return `${this.deps.publicUrl}/merchant/billing?team=${organizationId}&pay=${renewalId}`;
  }

  /** A paid plan for 14 days, no card asked; once per team. */
  async startTrial(actorId: string, organizationId: string, planId: PlanId, locale: Locale): Promise<void> {
    const plan = await this.deps.plans.get(planId);
    if (!plan.trial || planId === 'free') throw billingRefused(locale, 'plan_is_free');
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      if (row && (row.trialUsed || isLiving(row.status))) throw billingRefused(locale, 'trial_already_used');
      const now = this.now();
      const trialEndsAt = addDays(now, trialDays);
      const values = {
        planId,
        status: 'trialing' as const,
        provider: 'none' as const,
        trialUsed: true,
        trialEndsAt,
        currentPeriodStart: now,
        currentPeriodEnd: trialEndsAt,
        cancelAtPeriodEnd: false,
        pendingPlanId: null,
        graceEndsAt: null,
      };
      if (row) await this.write(tx, organizationId, values);
      else await tx.insert(billingSubscriptions).values({ organizationId, ...values });
      await this.record(tx, organizationId, actorId, row, { ...values }, 'trial_started', { date: trialEndsAt });
    });
  }

  /** Upgrade now (Stripe prorates); downgrade at the end of the period; Free = cancel at period end. */
  async change(actorId: string, organizationId: string, planId: PlanId, locale: Locale): Promise<void> {
    const current = await this.find(organizationId);
    const currentPlan = effectivePlanId(current);
    if (!current || !isLiving(current.status)) {
      if (planId === 'free') throw billingRefused(locale, 'plan_unchanged');
      // From Free: a trial when the team never had one, else a subscription to pay now.
      if (!current?.trialUsed) return this.startTrial(actorId, organizationId, planId, locale);
      return this.subscribeNow(actorId, organizationId, planId, locale);
    }
    if (planId === currentPlan && !current.pendingPlanId && !current.cancelAtPeriodEnd) {
      throw billingRefused(locale, 'plan_unchanged');
    }
    const stripe = current.provider === 'stripe' ? this.deps.stripe() : null;
    const plan = await this.deps.plans.get(planId);
    if (planId === currentPlan) {
      // Back to the current plan: the pending change is dropped.
      return this.resume(actorId, organizationId, locale);
    }
    if (isUpgrade(currentPlan, planId)) {
      if (stripe && current.stripeSubscriptionId) {
        await stripe.changePrice({
          subscriptionId: current.stripeSubscriptionId,
          planId,
          amountMinor: plan.monthlyPriceMinor,
          currency: plan.currency,
          prorate: true,
          idempotencyKey: `upgrade:${current.stripeSubscriptionId}:${planId}:${this.now().toISOString().slice(0, 10)}`,
        });
      }
      await this.deps.db.transaction(async (tx) => {
        const row = await this.lock(tx, organizationId);
        if (!row) throw new AppError('not_found');
        await this.record(
          tx,
          organizationId,
          actorId,
          row,
          { planId, pendingPlanId: null, cancelAtPeriodEnd: false },
          'upgraded',
          {},
        );
      });
      return;
    }
    // A trial has no paid period to honour: a smaller plan, or Free, applies at once (a trial Stripe
    // already bills keeps Stripe's schedule).
    if (current.status === 'trialing' && !current.stripeSubscriptionId) {
      return this.downgradeTrial(actorId, organizationId, planId);
    }
    if (planId === 'free') return this.cancel(actorId, organizationId, locale);
    if (stripe && current.stripeSubscriptionId) {
      await stripe.changePrice({
        subscriptionId: current.stripeSubscriptionId,
        planId,
        amountMinor: plan.monthlyPriceMinor,
        currency: plan.currency,
        prorate: false,
        idempotencyKey: `downgrade:${current.stripeSubscriptionId}:${planId}:${this.now().toISOString().slice(0, 10)}`,
      });
    }
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      if (!row) throw new AppError('not_found');
      await this.record(
        tx,
        organizationId,
        actorId,
        row,
        { pendingPlanId: planId, cancelAtPeriodEnd: false },
        'downgrade_scheduled',
        {
          planId,
          date: row.currentPeriodEnd,
        },
      );
    });
  }

  /** After the trial was used: the plan starts now, with its first invoice (CMI) to pay. */
  private async subscribeNow(actorId: string, organizationId: string, planId: PlanId, locale: Locale) {
    if (planId === 'free') throw billingRefused(locale, 'plan_unchanged');
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      const now = this.now();
      const periodEnd = addMonth(now);
      const base = { planId, status: 'past_due' as const, provider: 'cmi' as const, trialUsed: true };
      if (!row) await tx.insert(billingSubscriptions).values({ organizationId, ...base });
      const renewal = await this.issueRenewal(tx, organizationId, planId, now, periodEnd);
      await this.record(
        tx,
        organizationId,
        actorId,
        row,
        {
          ...base,
          currentPeriodStart: now,
          currentPeriodEnd: periodEnd,
          graceEndsAt: renewal.dueAt,
          pendingPlanId: null,
          cancelAtPeriodEnd: false,
        },
        'renewal_due',
        { date: renewal.dueAt, payUrl: this.payUrl(organizationId, renewal.id) },
      );
    });
  }

  async cancel(actorId: string, organizationId: string, locale: Locale): Promise<void> {
    const current = await this.find(organizationId);
    if (!current || !isLiving(current.status)) throw billingRefused(locale, 'plan_unchanged');
    if (current.status === 'trialing' && !current.stripeSubscriptionId) {
      return this.downgradeTrial(actorId, organizationId, 'free');
    }
    const stripe = current.provider === 'stripe' ? this.deps.stripe() : null;
    if (stripe && current.stripeSubscriptionId) {
      await stripe.cancelAtPeriodEnd({
        subscriptionId: current.stripeSubscriptionId,
        cancel: true,
        idempotencyKey: `cancel:${current.stripeSubscriptionId}:${this.now().toISOString().slice(0, 10)}`,
      });
    }
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      if (!row) throw new AppError('not_found');
      await this.record(
        tx,
        organizationId,
        actorId,
        row,
        { cancelAtPeriodEnd: true, pendingPlanId: null },
        'cancel_scheduled',
        {
          date: row.currentPeriodEnd,
        },
      );
    });
  }

  /**
   * Leaving a trial for a smaller plan or Free, at once: Free ends the trial (status 'free'), a
   * smaller paid plan keeps the trial's end. Deals beyond the new limit are paused, not deleted.
   */
  private async downgradeTrial(actorId: string, organizationId: string, planId: PlanId): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      if (!row) throw new AppError('not_found');
      if (planId === 'free') {
        await this.record(
          tx,
          organizationId,
          actorId,
          row,
          {
            planId: 'free',
            status: 'free',
            cancelAtPeriodEnd: false,
            pendingPlanId: null,
            currentPeriodStart: null,
            currentPeriodEnd: null,
            trialEndsAt: null,
          },
          'canceled',
          {},
        );
        return;
      }
      await this.record(
        tx,
        organizationId,
        actorId,
        row,
        { planId, cancelAtPeriodEnd: false, pendingPlanId: null },
        'downgraded',
        { planId },
      );
    });
  }

  /** Undoes a scheduled cancellation or downgrade. */
  async resume(actorId: string, organizationId: string, locale: Locale): Promise<void> {
    const current = await this.find(organizationId);
    if (!current || !isLiving(current.status) || (!current.cancelAtPeriodEnd && !current.pendingPlanId)) {
      throw billingRefused(locale, 'nothing_to_resume');
    }
    const stripe = current.provider === 'stripe' ? this.deps.stripe() : null;
    if (stripe && current.stripeSubscriptionId && current.cancelAtPeriodEnd) {
      await stripe.cancelAtPeriodEnd({
        subscriptionId: current.stripeSubscriptionId,
        cancel: false,
        idempotencyKey: `resume:${current.stripeSubscriptionId}:${this.now().toISOString()}`,
      });
    }
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lock(tx, organizationId);
      if (!row) throw new AppError('not_found');
      await this.record(
        tx,
        organizationId,
        actorId,
        row,
        { cancelAtPeriodEnd: false, pendingPlanId: null },
        'activated',
        {
          date: row.currentPeriodEnd,
        },
      );
    });
  }

  /** Card payment: Stripe Checkout in subscription mode, or the CMI page for the due renewal. */
  async checkout(
    organizationId: string,
    input: { planId?: PlanId | undefined; email: string; name: string },
    locale: Locale,
  ): Promise<{ url: string | null; payment: Awaited<ReturnType<RenewalCardPayments['start']>> }> {
    const current = await this.find(organizationId);
    const stripe = this.deps.stripe();
    if (stripe) {
      const planId = input.planId ?? (current && isLiving(current.status) ? current.planId : null);
      if (!planId || planId === 'free') throw billingRefused(locale, 'plan_is_free');
      const plan = await this.deps.plans.get(planId);
      const customerId = await this.stripeCustomer(stripe, organizationId, input);
      const trialEnd =
        current?.status === 'trialing' && current.trialEndsAt && current.trialEndsAt > this.now()
          ? current.trialEndsAt
          : null;
      const back = `${this.deps.publicUrl}/merchant/billing?team=${organizationId}`;
      const session = await stripe.checkoutSubscription({
        customerId,
        organizationId,
        planId,
        amountMinor: plan.monthlyPriceMinor,
        currency: plan.currency,
        trialEnd,
        successUrl: `${back}&checkout=done`,
        cancelUrl: back,
        idempotencyKey: `billing-checkout:${organizationId}:${planId}:${randomUUID()}`,
      });
      return { url: session.url, payment: { kind: 'redirect', url: session.url } };
    }
    if (!this.deps.cards.available()) throw billingRefused(locale, 'card_payment_unavailable');
    const [due] = await this.deps.db
      .select()
      .from(billingRenewals)
      .where(and(eq(billingRenewals.organizationId, organizationId), eq(billingRenewals.status, 'due')))
      .orderBy(desc(billingRenewals.createdAt))
      .limit(1);
    if (!due) throw billingRefused(locale, 'nothing_to_pay');
    const payment = await this.deps.cards.start({
      renewalId: due.id,
      reference: due.reference,
      amountMinor: due.amountMinor,
      currency: due.currency,
      description: `Souk ${due.planId}`,
      locale,
      buyer: { name: input.name, email: input.email },
    });
    return { url: payment.kind === 'redirect' ? payment.url : null, payment };
  }

  async portal(organizationId: string, locale: Locale): Promise<{ url: string }> {
    const stripe = this.deps.stripe();
    const row = await this.find(organizationId);
    if (!stripe || !row?.stripeCustomerId) throw billingRefused(locale, 'portal_unavailable');
    return stripe.portal({
      customerId: row.stripeCustomerId,
      returnUrl: `${this.deps.publicUrl}/merchant/billing?team=${organizationId}`,
    });
  }

  private async stripeCustomer(
    stripe: StripeBillingApi,
    organizationId: string,
    input: { email: string; name: string },
  ): Promise<string> {
    const row = await this.find(organizationId);
    if (row?.stripeCustomerId) return row.stripeCustomerId;
    const customer = await stripe.createCustomer({ organizationId, name: input.name, email: input.email });
    await this.deps.db
      .insert(billingSubscriptions)
      .values({ organizationId, planId: 'free', status: 'free', stripeCustomerId: customer.id })
      .onConflictDoUpdate({
        target: billingSubscriptions.organizationId,
        set: { stripeCustomerId: customer.id, updatedAt: new Date() },
      });
    return customer.id;
  }

  /** Merchant referrals: a month of the plan, free. On Free (or a trial) it starts now; else the next renewal is not charged. */
  async grantFreeMonth(executor: Executor, organizationId: string, planId: PlanId, reason: string): Promise<void> {
    const row = await this.lock(executor, organizationId);
    const now = this.now();
    if (!row || !isLiving(row.status) || row.status === 'trialing') {
      const values = {
        planId,
        status: 'active' as const,
        provider: row?.provider === 'stripe' ? ('stripe' as const) : ('none' as const),
        trialUsed: true,
        currentPeriodStart: now,
        currentPeriodEnd: addMonth(now),
        trialEndsAt: null,
        graceEndsAt: null,
        cancelAtPeriodEnd: false,
        pendingPlanId: null,
      };
      if (!row) await executor.insert(billingSubscriptions).values({ organizationId, ...values });
      await this.record(executor, organizationId, null, row, values, 'free_month', { reason });
      return;
    }
    await this.record(executor, organizationId, null, row, { freeMonths: row.freeMonths + 1 }, 'free_month', {
      reason,
      planId: row.planId,
    });
  }

  /**
   * The daily pass: trials that end, periods that end (pending downgrades, cancellations, CMI
   * renewals), unpaid renewals past their grace. Each team in its own transaction.
   */
  async daily(now = this.now()): Promise<Record<string, number>> {
    const counts: Record<string, number> = { trials: 0, periods: 0, expired: 0 };
    const due = await this.deps.db
      .select({ organizationId: billingSubscriptions.organizationId })
      .from(billingSubscriptions)
      .where(
        sql`(${billingSubscriptions.status} = 'trialing' and ${billingSubscriptions.trialEndsAt} <= ${now})
          or (${billingSubscriptions.status} = 'active' and ${billingSubscriptions.currentPeriodEnd} <= ${now})
          or (${billingSubscriptions.status} = 'past_due' and ${billingSubscriptions.graceEndsAt} <= ${now})`,
      );
    for (const { organizationId } of due) {
      const outcome = await this.deps.db.transaction(async (tx) => {
        const row = await this.lock(tx, organizationId);
        if (!row) return null;
        return this.advance(tx, row, now);
      });
      if (outcome) counts[outcome] = (counts[outcome] ?? 0) + 1;
    }
    return counts;
  }

  private async advance(tx: Executor, row: SubscriptionRow, now: Date): Promise<string | null> {
    if (row.status === 'past_due' && row.graceEndsAt && row.graceEndsAt <= now) {
      await tx
        .update(billingRenewals)
        .set({ status: 'void' })
        .where(and(eq(billingRenewals.organizationId, row.organizationId), eq(billingRenewals.status, 'due')));
      await this.record(
        tx,
        row.organizationId,
        null,
        row,
        { status: 'expired', graceEndsAt: null, pendingPlanId: null },
        'expired',
        {},
      );
      return 'expired';
    }
    const ends = row.status === 'trialing' ? row.trialEndsAt : row.currentPeriodEnd;
    if (!isLiving(row.status) || row.status === 'past_due' || !ends || ends > now) return null;
    // Stripe renews itself and says so by webhook; only what we scheduled is applied here.
    if (row.cancelAtPeriodEnd || row.pendingPlanId === 'free') {
      await this.record(
        tx,
        row.organizationId,
        null,
        row,
        { status: 'canceled', cancelAtPeriodEnd: false, pendingPlanId: null },
        'canceled',
        {},
      );
      return 'periods';
    }
    const planId = row.pendingPlanId ?? row.planId;
    if (row.provider === 'stripe') {
      if (row.pendingPlanId) {
        await this.record(tx, row.organizationId, null, row, { planId, pendingPlanId: null }, 'downgraded', { planId });
      }
      return 'periods';
    }
    const periodStart = ends;
    const periodEnd = addMonth(ends);
    const event: BillingEvent = row.pendingPlanId
      ? 'downgraded'
      : row.status === 'trialing'
        ? 'renewal_due'
        : 'renewal_due';
    if (row.freeMonths > 0) {
      await this.record(
        tx,
        row.organizationId,
        null,
        row,
        {
          planId,
          pendingPlanId: null,
          status: 'active',
          freeMonths: row.freeMonths - 1,
          currentPeriodStart: periodStart,
          currentPeriodEnd: periodEnd,
          trialEndsAt: null,
        },
        row.pendingPlanId ? 'downgraded' : 'activated',
        { planId, date: periodEnd },
      );
      return row.status === 'trialing' ? 'trials' : 'periods';
    }
    const renewal = await this.issueRenewal(tx, row.organizationId, planId, periodStart, periodEnd);
    await this.record(
      tx,
      row.organizationId,
      null,
      row,
      {
        planId,
        pendingPlanId: null,
        status: 'past_due',
        provider: row.provider === 'none' ? 'cmi' : row.provider,
        currentPeriodStart: periodStart,
        currentPeriodEnd: periodEnd,
        graceEndsAt: renewal.dueAt,
      },
      event,
      { planId, date: renewal.dueAt, payUrl: this.payUrl(row.organizationId, renewal.id) },
    );
    return row.status === 'trialing' ? 'trials' : 'periods';
  }

  /** One due renewal per team and period (a second run finds it), with FINANCE's 'due' invoice. */
  private async issueRenewal(tx: Executor, organizationId: string, planId: PlanId, periodStart: Date, periodEnd: Date) {
    const [existing] = await tx
      .select()
      .from(billingRenewals)
      .where(and(eq(billingRenewals.organizationId, organizationId), eq(billingRenewals.periodStart, periodStart)));
    if (existing) return existing;
    const plan = await this.deps.plans.get(planId, tx);
    const net = plan.monthlyPriceMinor;
    const vat = Math.round((net * vatRateBps) / 10_000);
    const id = randomUUID();
    const dueAt = addDays(this.now() > periodStart ? this.now() : periodStart, graceDays);
    const reference = `${renewalReferencePrefix}-${randomBytes(6).toString('hex').toUpperCase()}`;
    let invoice: { id: string; number: string; totalMinor: number } | null = null;
    const invoices = this.deps.invoices();
    if (invoices) {
      const buyer = await this.buyerOf(tx, organizationId);
      invoice = await invoices.issue(tx, {
        type: 'invoice',
        source: { kind: 'subscription_renewal', id },
        buyer,
        lines: [
          {
            description: `Souk ${plan.id} — ${periodStart.toISOString().slice(0, 10)} / ${periodEnd.toISOString().slice(0, 10)}`,
            quantity: 1,
            unitAmountMinor: net,
          },
        ],
        vatRateBps,
        currency: plan.currency,
        paymentMethod: 'card',
        status: 'due',
        dueAt,
        payUrl: this.payUrl(organizationId, id),
      });
    }
    const total = invoice?.totalMinor ?? net + vat;
    const [renewal] = await tx
      .insert(billingRenewals)
      .values({
        id,
        organizationId,
        planId,
        periodStart,
        periodEnd,
        amountMinor: total,
        currency: plan.currency,
        reference,
        invoiceId: invoice?.id ?? null,
        invoiceNumber: invoice?.number ?? null,
        dueAt,
      })
      .returning();
    await this.deps.ledger()?.post(tx, {
      kind: 'subscription_invoiced',
      reference: `renewal:${id}`,
      memo: `Subscription ${plan.id} ${periodStart.toISOString().slice(0, 10)}`,
      entries: [
        { account: 'subscription_receivable', ownerId: organizationId, amountMinor: total, currency: plan.currency },
        { account: 'platform_revenue', amountMinor: -(total - vat), currency: plan.currency },
        { account: 'vat_payable', amountMinor: -vat, currency: plan.currency },
      ],
    });
    return renewal as typeof billingRenewals.$inferSelect;
  }

  private async buyerOf(executor: Executor, organizationId: string) {
    const name = (await this.deps.teams.namesOf([organizationId], executor)).get(organizationId) ?? '';
    const [ownerId] = await this.deps.teams.managerIdsOf(organizationId, executor);
    const owner = ownerId ? await this.deps.people.getContact(ownerId, { executor }) : null;
    return {
      kind: 'organization' as const,
      id: organizationId,
      name: name || owner?.name || organizationId,
      email: owner?.email ?? '',
      locale: owner?.locale ?? 'fr',
    };
  }

  /** A renewal paid (its card callback, or an admin for a transfer): the subscription is active again. */
  async renewalPaid(
    executor: Executor,
    key: { id: string } | { reference: string },
    payment: { method: string; paidAt?: Date; amountMinor?: number | null },
  ): Promise<'paid' | 'duplicate' | 'unknown' | 'amount_mismatch'> {
    const [renewal] = await executor
      .select()
      .from(billingRenewals)
      .where('id' in key ? eq(billingRenewals.id, key.id) : eq(billingRenewals.reference, key.reference))
      .for('update');
    if (!renewal) return 'unknown';
    if (renewal.status === 'paid') return 'duplicate';
    if (payment.amountMinor != null && payment.amountMinor !== renewal.amountMinor) return 'amount_mismatch';
    const paidAt = payment.paidAt ?? this.now();
    await executor.update(billingRenewals).set({ status: 'paid', paidAt }).where(eq(billingRenewals.id, renewal.id));
    const invoices = this.deps.invoices();
    if (invoices && renewal.invoiceId) {
      await invoices.markPaid(executor, renewal.invoiceId, { paymentMethod: payment.method, paidAt });
    }
    await this.deps.ledger()?.post(executor, {
      kind: 'subscription_paid',
      reference: `renewal:${renewal.id}`,
      occurredAt: paidAt,
      entries: [
        {
          account: payment.method === 'transfer' ? 'bank' : 'gateway_clearing',
          amountMinor: renewal.amountMinor,
          currency: renewal.currency,
        },
        {
          account: 'subscription_receivable',
          ownerId: renewal.organizationId,
          amountMinor: -renewal.amountMinor,
          currency: renewal.currency,
        },
      ],
    });
    const row = await this.lock(executor, renewal.organizationId);
    // Paid after the grace: the team gets its plan back for the period it paid.
    if (row && (row.status === 'past_due' || row.status === 'expired') && renewal.periodEnd > paidAt) {
      await this.record(
        executor,
        renewal.organizationId,
        null,
        row,
        {
          status: 'active',
          planId: renewal.planId,
          graceEndsAt: null,
          trialEndsAt: null,
          currentPeriodStart: renewal.periodStart,
          currentPeriodEnd: renewal.periodEnd,
        },
        'activated',
        { planId: renewal.planId, date: renewal.periodEnd },
      );
    }
    return 'paid';
  }

  /** A verified card-gateway notification for a renewal's reference. */
  async renewalCardNotification(input: {
    reference: string;
    outcome: 'approved' | 'declined' | 'pending';
    amountMinor: number | null;
  }): Promise<'paid' | 'duplicate' | 'declined' | 'rejected'> {
    if (input.outcome !== 'approved') return 'declined';
    const result = await this.deps.db.transaction((tx) =>
      this.renewalPaid(tx, { reference: input.reference }, { method: 'card', amountMinor: input.amountMinor }),
    );
    return result === 'paid' || result === 'duplicate' ? result : 'rejected';
  }

  async renewalReturnPath(reference: string): Promise<string> {
    const [renewal] = await this.deps.db
      .select({ organizationId: billingRenewals.organizationId })
      .from(billingRenewals)
      .where(eq(billingRenewals.reference, reference));
    return renewal ? `/merchant/billing?team=${renewal.organizationId}` : '/merchant/billing';
  }

  /**
   * Stripe Billing's events. One that names no subscription of ours is logged and changes
   * nothing (the webhook still answers 200: Stripe would otherwise retry it for days).
   */
  async handleStripeEvent(tx: Executor, event: StripeBillingEvent): Promise<'applied' | 'unknown' | 'ignored'> {
    const object = event.data.object;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const seconds = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000) : null);
    if (event.type === 'checkout.session.completed') {
      if (object.mode !== 'subscription') return 'ignored';
      const organizationId = text(object.client_reference_id);
      const row = organizationId ? await this.lock(tx, organizationId) : null;
      if (!row || row.stripeCustomerId !== text(object.customer)) return this.unknown(event);
      await this.write(tx, row.organizationId, { stripeSubscriptionId: text(object.subscription), provider: 'stripe' });
      return 'applied';
    }
    const subscriptionId = event.type.startsWith('invoice.') ? text(object.subscription) : text(object.id);
    const row = subscriptionId ? await this.byStripeSubscription(tx, subscriptionId, object) : null;
    if (!row) return this.unknown(event);
    if (event.type.startsWith('customer.subscription.')) {
      const metadata = (object.metadata ?? {}) as Record<string, unknown>;
      const statusMap: Record<string, SubscriptionStatus> = {
        trialing: 'trialing',
        active: 'active',
        past_due: 'past_due',
        unpaid: 'past_due',
        canceled: 'canceled',
        incomplete_expired: 'expired',
      };
      const status = event.type === 'customer.subscription.deleted' ? 'canceled' : statusMap[text(object.status) ?? ''];
      if (!status) return 'ignored';
      const metaPlan = text(metadata.plan_id);
      const planId = metaPlan && (planIds as readonly string[]).includes(metaPlan) ? (metaPlan as PlanId) : row.planId;
      // A downgrade already priced on Stripe applies at the period end, by the daily pass.
      const keepPlan = row.pendingPlanId === planId && status !== 'canceled';
      const event_: BillingEvent =
        status === 'canceled'
          ? 'canceled'
          : status === 'past_due'
            ? 'past_due'
            : status === 'trialing'
              ? 'trial_started'
              : isUpgrade(row.planId, planId)
                ? 'upgraded'
                : 'activated';
      await this.record(
        tx,
        row.organizationId,
        null,
        row,
        {
          status,
          provider: 'stripe',
          stripeSubscriptionId: subscriptionId,
          planId: keepPlan ? row.planId : planId,
          trialUsed: true,
          trialEndsAt: seconds(object.trial_end),
          currentPeriodStart: seconds(object.current_period_start) ?? row.currentPeriodStart,
          currentPeriodEnd: seconds(object.current_period_end) ?? row.currentPeriodEnd,
          cancelAtPeriodEnd: object.cancel_at_period_end === true,
          graceEndsAt: null,
        },
        event_,
        { planId, date: seconds(object.current_period_end) },
        // A repeated state (Stripe sends updates for other reasons) is not mailed again.
        { quietWhenUnchanged: true },
      );
      return 'applied';
    }
    if (event.type === 'invoice.paid') {
      const amount = typeof object.amount_paid === 'number' ? object.amount_paid : 0;
      const currency = (text(object.currency) ?? planCurrency).toUpperCase();
      const invoiceId = text(object.id) ?? event.id;
      if (amount > 0) {
        const vat = Math.round((amount * vatRateBps) / (10_000 + vatRateBps));
        const ledger = this.deps.ledger();
        await ledger?.post(tx, {
          kind: 'subscription_invoiced',
          reference: `stripe:${invoiceId}`,
          entries: [
            { account: 'subscription_receivable', ownerId: row.organizationId, amountMinor: amount, currency },
            { account: 'platform_revenue', amountMinor: -(amount - vat), currency },
            { account: 'vat_payable', amountMinor: -vat, currency },
          ],
        });
        await ledger?.post(tx, {
          kind: 'subscription_paid',
          reference: `stripe:${invoiceId}`,
          entries: [
            { account: 'gateway_clearing', amountMinor: amount, currency },
            { account: 'subscription_receivable', ownerId: row.organizationId, amountMinor: -amount, currency },
          ],
        });
        const invoices = this.deps.invoices();
        if (invoices) {
          await invoices.issue(tx, {
            type: 'invoice',
            source: { kind: 'stripe_invoice', id: invoiceId },
            buyer: await this.buyerOf(tx, row.organizationId),
            lines: [{ description: `Souk ${row.planId}`, quantity: 1, unitAmountMinor: amount - vat }],
            vatRateBps,
            currency,
            paymentMethod: 'card (Stripe)',
            status: 'paid',
          });
        }
      }
      if (row.status === 'past_due' || row.status === 'trialing') {
        await this.record(tx, row.organizationId, null, row, { status: 'active', graceEndsAt: null }, 'activated', {
          date: row.currentPeriodEnd,
        });
      }
      return 'applied';
    }
    if (event.type === 'invoice.payment_failed') {
      await this.record(
        tx,
        row.organizationId,
        null,
        row,
        { status: 'past_due' },
        'past_due',
        {
          date: row.currentPeriodEnd,
        },
        { quietWhenUnchanged: true },
      );
      return 'applied';
    }
    return 'ignored';
  }

  private async byStripeSubscription(tx: Executor, subscriptionId: string, object: Record<string, unknown>) {
    const [bySubscription] = await tx
      .select()
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.stripeSubscriptionId, subscriptionId))
      .for('update');
    if (bySubscription) return bySubscription;
    // The subscription's first event can beat the checkout's: the customer and the team's id must both match.
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    const organizationId = typeof metadata.organization_id === 'string' ? metadata.organization_id : null;
    const customer = typeof object.customer === 'string' ? object.customer : null;
    if (!organizationId || !customer) return null;
    const row = await this.lock(tx, organizationId);
    return row && row.stripeCustomerId === customer && !row.stripeSubscriptionId ? row : null;
  }

  private unknown(event: StripeBillingEvent): 'unknown' {
    this.deps.logger.warn({ eventId: event.id, type: event.type }, 'Stripe billing event for no known subscription');
    return 'unknown';
  }

  async adminList(query: { status?: SubscriptionStatus | undefined; cursor?: string | undefined; limit: number }) {
    const where: SQL[] = [];
    if (query.status) where.push(eq(billingSubscriptions.status, query.status));
    if (query.cursor) {
      const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
      const date = new Date(at ?? '');
      if (id && !Number.isNaN(date.getTime())) {
        where.push(
          sql`(${billingSubscriptions.updatedAt}, ${billingSubscriptions.organizationId}) < (${date.toISOString()}::timestamptz, ${id})`,
        );
      }
    }
    const rows = await this.deps.db
      .select()
      .from(billingSubscriptions)
      .where(and(...where))
      .orderBy(desc(billingSubscriptions.updatedAt), desc(billingSubscriptions.organizationId))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const names = await this.deps.teams.namesOf(page.map((row) => row.organizationId));
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        organizationId: row.organizationId,
        organizationName: names.get(row.organizationId) ?? '',
        planId: row.planId,
        status: row.status,
        provider: row.provider,
        trialEndsAt: row.trialEndsAt?.toISOString() ?? null,
        currentPeriodEnd: row.currentPeriodEnd?.toISOString() ?? null,
        cancelAtPeriodEnd: row.cancelAtPeriodEnd,
        pendingPlanId: row.pendingPlanId,
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(`${last.updatedAt.toISOString()}|${last.organizationId}`).toString('base64url')
          : null,
    };
  }

  /** Teams whose usage may need gauges set from real counts. */
  async organizationsWithUsage(): Promise<string[]> {
    const rows = await this.deps.db.execute<{ organization_id: string }>(
      sql`select distinct organization_id from billing_usage where period = 'total'`,
    );
    return (rows as unknown as { rows: { organization_id: string }[] }).rows.map((row) => row.organization_id);
  }

  private async write(tx: Executor, organizationId: string, change: Change): Promise<void> {
    await tx
      .update(billingSubscriptions)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(billingSubscriptions.organizationId, organizationId));
  }

  /**
   * Writes the change, audits it, applies the plan's limits to what exists (pausing deals beyond
   * them, bringing paused ones back when it allows) and mails the managers.
   */
  private async record(
    tx: Executor,
    organizationId: string,
    actorId: string | null,
    before: SubscriptionRow | null,
    change: Change,
    event: BillingEvent,
    details: { planId?: PlanId; date?: Date | null; payUrl?: string; reason?: string },
    options: { quietWhenUnchanged?: boolean } = {},
  ): Promise<void> {
    await this.write(tx, organizationId, change);
    const after = await this.find(organizationId, tx);
    if (!after) return;
    const unchanged =
      before &&
      before.status === after.status &&
      before.planId === after.planId &&
      before.cancelAtPeriodEnd === after.cancelAtPeriodEnd &&
      before.pendingPlanId === after.pendingPlanId;
    const paused = await this.applyLimits(tx, organizationId);
    if (unchanged && options.quietWhenUnchanged) return;
    await this.deps.audit.record(
      {
        action: 'subscription_changed',
        actorId,
        targetId: null,
        details: {
          organizationId,
          event,
          from: before ? { status: before.status, planId: before.planId } : { status: 'free', planId: 'free' },
          to: { status: after.status, planId: after.planId },
          ...(details.reason ? { reason: details.reason } : {}),
          ...(paused > 0 ? { pausedDeals: paused } : {}),
        },
      },
      tx,
    );
    await this.deps.mails.send(tx, organizationId, event, {
      planId: details.planId ?? (isLiving(after.status) ? after.planId : 'free'),
      date: details.date ?? null,
      paused,
      payUrl: details.payUrl ?? null,
    });
  }

  /** Deals beyond the plan's limit are paused (newest first); paused ones return when it allows. */
  async applyLimits(tx: Executor, organizationId: string): Promise<number> {
    const plan = await this.deps.quotas.planOf(organizationId, tx);
    const limit = plan.quotas.publishedDeals;
    const used = await this.deps.quotas.gaugeUsed(tx, organizationId, 'publishedDeals');
    if (limit !== null && used > limit) {
      const paused = await this.deps.deals.pauseNewest(organizationId, used - limit, tx);
      await this.deps.quotas.release(tx, organizationId, 'publishedDeals', paused);
      return paused;
    }
    const waiting = await this.deps.deals.pausedCount(organizationId, tx);
    if (waiting > 0) {
      const room = limit === null ? waiting : Math.min(waiting, limit - used);
      if (room > 0) {
        await this.deps.quotas.consume(tx, organizationId, 'publishedDeals', room);
        const resumed = await this.deps.deals.resumeOldest(organizationId, room, tx);
        if (resumed < room) await this.deps.quotas.release(tx, organizationId, 'publishedDeals', room - resumed);
      }
    }
    return 0;
  }
}
