import { billingPagePath, monthlyQuotas, type QuotaName, type UsageMeter } from '@souk/contracts/billing';
import { fillMessage, quotaExceededDetail, quotaLabels } from '@souk/contracts/billing-messages';
import type { Locale } from '@souk/contracts/locales';
import { type Plan, type PlanId, quotaNames } from '@souk/contracts/plans';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PlanService } from './plan-service.ts';
import type { GaugeQuota, UsageCounts } from './ports.ts';
import { billingSubscriptions, billingUsage } from './schema.ts';
import { effectivePlanId, usagePeriod } from './subscription-rules.ts';

const monthly: ReadonlySet<QuotaName> = new Set(monthlyQuotas);
export const gaugeQuotas = quotaNames.filter((name) => !monthly.has(name)) as GaugeQuota[];

export function quotaExceeded(locale: Locale, quota: QuotaName, limit: number, used: number): AppError {
  const detail = fillMessage(quotaExceededDetail[locale], { used, limit, label: quotaLabels[locale][quota] });
  return new AppError('quota_exceeded', detail, undefined, undefined, {
    quota,
    limit,
    used,
    upgradeUrl: billingPagePath,
  });
}

/**
 * Quotas of merchant teams. A use is counted in the transaction of the action it counts, by one
 * conditional UPDATE (`used + n <= limit`): of two actions racing for the last unit, the second
 * waits for the first's row lock and then finds no room. Callers consume BEFORE their write and
 * release AFTER theirs, so a gauge initialised from real counts inside the same transaction is right.
 */
export class QuotaService {
  constructor(
    private readonly deps: {
      db: Database;
      plans: PlanService;
      counts: UsageCounts;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The plan whose quotas apply now (a trial counts as its plan; past grace it is Free). */
  async planOf(organizationId: string, executor: Executor = this.deps.db): Promise<Plan> {
    return this.deps.plans.get(
      await this.planIdOf(organizationId, executor),
      executor === this.deps.db ? undefined : executor,
    );
  }

  async planIdOf(organizationId: string, executor: Executor = this.deps.db): Promise<PlanId> {
    const [row] = await executor
      .select({ status: billingSubscriptions.status, planId: billingSubscriptions.planId })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.organizationId, organizationId));
    return effectivePlanId(row);
  }

  async consume(
    executor: Executor,
    organizationId: string,
    quota: QuotaName,
    amount = 1,
    locale: Locale = 'fr',
  ): Promise<void> {
    if (amount <= 0) return;
    const plan = await this.planOf(organizationId, executor);
    const limit = plan.quotas[quota];
    const period = usagePeriod(monthly.has(quota), this.now());
    await this.ensureRow(executor, organizationId, quota, period);
    const where = [
      eq(billingUsage.organizationId, organizationId),
      eq(billingUsage.quota, quota),
      eq(billingUsage.period, period),
    ];
    if (limit !== null) where.push(sql`${billingUsage.used} + ${amount} <= ${limit}`);
    const updated = await executor
      .update(billingUsage)
      .set({ used: sql`${billingUsage.used} + ${amount}`, updatedAt: new Date() })
      .where(and(...where))
      .returning({ used: billingUsage.used });
    if (updated.length > 0) return;
    const used = await this.usedOf(executor, organizationId, quota, period);
    throw quotaExceeded(locale, quota, limit ?? 0, used);
  }

  /** Gives units back (a deal unpublished, a member gone). A gauge never counted is left alone. */
  async release(executor: Executor, organizationId: string, quota: QuotaName, amount = 1): Promise<void> {
    if (amount <= 0) return;
    await executor
      .update(billingUsage)
      .set({ used: sql`greatest(${billingUsage.used} - ${amount}, 0)`, updatedAt: new Date() })
      .where(
        and(
          eq(billingUsage.organizationId, organizationId),
          eq(billingUsage.quota, quota),
          eq(billingUsage.period, usagePeriod(monthly.has(quota), this.now())),
        ),
      );
  }

  /** Refusal without counting: whether one more would fit (an invitation before it is accepted). */
  async assertRoom(
    executor: Executor,
    organizationId: string,
    quota: QuotaName,
    pending = 0,
    locale: Locale = 'fr',
  ): Promise<void> {
    const plan = await this.planOf(organizationId, executor);
    const limit = plan.quotas[quota];
    if (limit === null) return;
    const period = usagePeriod(monthly.has(quota), this.now());
    await this.ensureRow(executor, organizationId, quota, period);
    const used = await this.usedOf(executor, organizationId, quota, period);
    if (used + pending + 1 > limit) throw quotaExceeded(locale, quota, limit, used);
  }

  /** The meters a team sees. */
  async meters(organizationId: string, plan: Plan): Promise<UsageMeter[]> {
    const now = this.now();
    const meters: UsageMeter[] = [];
    for (const quota of quotaNames) {
      const period = usagePeriod(monthly.has(quota), now);
      await this.ensureRow(this.deps.db, organizationId, quota, period);
      meters.push({
        quota,
        used: await this.usedOf(this.deps.db, organizationId, quota, period),
        limit: plan.quotas[quota],
        period: monthly.has(quota) ? 'month' : 'total',
      });
    }
    return meters;
  }

  async gaugeUsed(executor: Executor, organizationId: string, quota: GaugeQuota): Promise<number> {
    await this.ensureRow(executor, organizationId, quota, 'total');
    return this.usedOf(executor, organizationId, quota, 'total');
  }

  /** Sets each gauge of a team to what really exists (drift from paths that do not count). */
  async reconcileGauges(executor: Executor, organizationId: string): Promise<void> {
    for (const quota of gaugeQuotas) {
      const used = await this.deps.counts[quota](organizationId, executor);
      await executor
        .insert(billingUsage)
        .values({ organizationId, quota, period: 'total', used })
        .onConflictDoUpdate({
          target: [billingUsage.organizationId, billingUsage.quota, billingUsage.period],
          set: { used, updatedAt: new Date() },
        });
    }
  }

  private async ensureRow(executor: Executor, organizationId: string, quota: QuotaName, period: string) {
    const [existing] = await executor
      .select({ used: billingUsage.used })
      .from(billingUsage)
      .where(
        and(
          eq(billingUsage.organizationId, organizationId),
          eq(billingUsage.quota, quota),
          eq(billingUsage.period, period),
        ),
      );
    if (existing) return;
    // A gauge starts from what exists (demo data, teams from before quotas); a month from zero.
    const used = monthly.has(quota) ? 0 : await this.deps.counts[quota as GaugeQuota](organizationId, executor);
    await executor.insert(billingUsage).values({ organizationId, quota, period, used }).onConflictDoNothing();
  }

  private async usedOf(executor: Executor, organizationId: string, quota: QuotaName, period: string) {
    const [row] = await executor
      .select({ used: billingUsage.used })
      .from(billingUsage)
      .where(
        and(
          eq(billingUsage.organizationId, organizationId),
          eq(billingUsage.quota, quota),
          eq(billingUsage.period, period),
        ),
      );
    return row?.used ?? 0;
  }
}
