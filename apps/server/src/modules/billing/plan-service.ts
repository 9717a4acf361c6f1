import type { PlanUpdateInput } from '@souk/contracts/billing';
import { plans as defaultPlans, type Plan, type PlanId, type PlanQuotas, trialDays } from '@souk/contracts/plans';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { BillingAudit } from './ports.ts';
import { billingPlanOverrides } from './schema.ts';

/**
 * Plans as they apply: the defaults of the configuration with what admins changed on top. Read
 * often (every quota check), changed rarely: kept in memory for a few seconds.
 */
export class PlanService {
  private cache: { at: number; plans: Plan[] } | null = null;

  constructor(private readonly deps: { db: Database; audit: BillingAudit; cacheMs?: number }) {}

  async list(executor: Executor = this.deps.db): Promise<Plan[]> {
    const ttl = this.deps.cacheMs ?? 5_000;
    if (this.cache && Date.now() - this.cache.at < ttl && executor === this.deps.db) return this.cache.plans;
    const overrides = await executor.select().from(billingPlanOverrides);
    const byId = new Map(overrides.map((row) => [row.planId, row]));
    const effective = defaultPlans.map((plan) => {
      const override = byId.get(plan.id);
      if (!override) return { ...plan, quotas: { ...plan.quotas } };
      return {
        ...plan,
        monthlyPriceMinor: override.monthlyPriceMinor ?? plan.monthlyPriceMinor,
        quotas: { ...plan.quotas, ...override.quotas } as PlanQuotas,
      };
    });
    if (executor === this.deps.db) this.cache = { at: Date.now(), plans: effective };
    return effective;
  }

  async get(planId: PlanId, executor?: Executor): Promise<Plan> {
    const plan = (await this.list(executor)).find((candidate) => candidate.id === planId);
    if (!plan) throw new AppError('not_found');
    return plan;
  }

  async listing() {
    return { trialDays, plans: await this.list() };
  }

  /** An admin changes a plan's price or quotas; the free plan stays free. */
  async update(actorId: string, planId: PlanId, input: PlanUpdateInput): Promise<Plan> {
    if (planId === 'free' && input.monthlyPriceMinor !== undefined && input.monthlyPriceMinor !== 0) {
      throw new AppError('validation_failed', undefined, [
        { path: 'body.monthlyPriceMinor', message: 'The Free plan costs nothing.' },
      ]);
    }
    await this.deps.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(billingPlanOverrides)
        .where(eq(billingPlanOverrides.planId, planId))
        .for('update');
      const quotas = { ...(current?.quotas ?? {}), ...(input.quotas ?? {}) };
      const monthlyPriceMinor = input.monthlyPriceMinor ?? current?.monthlyPriceMinor ?? null;
      await tx
        .insert(billingPlanOverrides)
        .values({ planId, quotas, monthlyPriceMinor, updatedBy: actorId })
        .onConflictDoUpdate({
          target: billingPlanOverrides.planId,
          set: { quotas, monthlyPriceMinor, updatedBy: actorId, updatedAt: new Date() },
        });
      await this.deps.audit.record(
        { action: 'plan_updated', actorId, targetId: null, details: { planId, ...input } },
        tx,
      );
    });
    this.cache = null;
    return this.get(planId);
  }
}
