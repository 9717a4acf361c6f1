import { z } from 'zod';
import { planIds, planSchema, quotaNames } from './plans.ts';

/** Merchant plans, quotas and subscriptions: request and answer bodies of the billing API. */

export const subscriptionStatuses = ['free', 'trialing', 'active', 'past_due', 'canceled', 'expired'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** Who renews the subscription: nobody (free, trial, gift), Stripe Billing, or CMI invoices. */
export const subscriptionProviders = ['none', 'stripe', 'cmi'] as const;
export type SubscriptionProvider = (typeof subscriptionProviders)[number];

export type QuotaName = (typeof quotaNames)[number];

/** Quotas counted per calendar month (UTC); the others are gauges of what exists now. */
export const monthlyQuotas = [
  'scheduledPostsPerMonth',
  'aiGenerationsPerMonth',
  'campaignEmailsPerMonth',
] as const satisfies readonly QuotaName[];

/** Where the quota problem sends people. */
export const billingPagePath = '/merchant/billing';
export const graceDays = 7;

const isoOrNull = z.iso.datetime().nullable();
const organizationIdField = z.uuid().optional().describe('The merchant team; default: the caller’s first team');

export const billingOrganizationQuerySchema = z.object({ organizationId: z.uuid().optional() });

export const usageMeterSchema = z
  .object({
    quota: z.enum(quotaNames),
    used: z.number().int(),
    limit: z.number().int().nullable().describe('null: unlimited'),
    period: z.enum(['month', 'total']),
  })
  .meta({ id: 'UsageMeter' });
export type UsageMeter = z.infer<typeof usageMeterSchema>;

export const subscriptionViewSchema = z
  .object({
    planId: z.enum(planIds),
    status: z.enum(subscriptionStatuses),
    provider: z.enum(subscriptionProviders),
    trialEndsAt: isoOrNull,
    currentPeriodStart: isoOrNull,
    currentPeriodEnd: isoOrNull,
    cancelAtPeriodEnd: z.boolean(),
    graceEndsAt: isoOrNull.describe('CMI: when an unpaid renewal falls back to Free'),
    trialUsed: z.boolean().describe('A team gets one trial'),
  })
  .meta({ id: 'SubscriptionView' });
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

export const dueInvoiceSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    totalMinor: z.number().int(),
    currency: z.string(),
    dueAt: isoOrNull,
    payUrl: z.string().nullable(),
  })
  .meta({ id: 'DueSubscriptionInvoice' });

export const billingOverviewSchema = z
  .object({
    organizationId: z.uuid(),
    canManage: z.boolean().describe('Owners and admins change the plan; editors and analysts read'),
    cardProvider: z.enum(['stripe', 'cmi']).nullable().describe('How a card pays a subscription here'),
    subscription: subscriptionViewSchema,
    plan: planSchema.describe('The plan whose quotas apply now'),
    pendingChange: z.object({ planId: z.enum(planIds), effectiveAt: z.iso.datetime() }).nullable(),
    usage: z.array(usageMeterSchema),
    paused: z.object({ publishedDeals: z.number().int() }).describe('Items paused because the plan allows fewer'),
    dueInvoice: dueInvoiceSchema.nullable(),
  })
  .meta({ id: 'BillingOverview' });
export type BillingOverview = z.infer<typeof billingOverviewSchema>;

export const billingPlanBodySchema = z
  .object({ planId: z.enum(planIds), organizationId: organizationIdField })
  .meta({ id: 'BillingPlanChoice' });
export type BillingPlanBody = z.infer<typeof billingPlanBodySchema>;

export const billingOrganizationBodySchema = z
  .object({ organizationId: organizationIdField })
  .meta({ id: 'BillingOrganization' });

export const billingCheckoutBodySchema = z
  .object({
    planId: z.enum(planIds).optional().describe('Stripe: the plan to subscribe to; default: the current one'),
    organizationId: organizationIdField,
  })
  .meta({ id: 'BillingCheckout' });

export const billingRedirectSchema = z.object({ url: z.string() }).meta({ id: 'BillingRedirect' });

const quotaOverride = z.number().int().min(0).max(100_000_000).nullable();

export const planUpdateSchema = z
  .object({
    monthlyPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
    quotas: z
      .object({
        publishedDeals: quotaOverride.optional(),
        teamSeats: quotaOverride.optional(),
        approvedInfluencers: quotaOverride.optional(),
        scheduledPostsPerMonth: quotaOverride.optional(),
        aiGenerationsPerMonth: quotaOverride.optional(),
        campaignEmailsPerMonth: quotaOverride.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'PlanUpdate', description: 'Only what changes; a quota of null means unlimited' });
export type PlanUpdateInput = z.infer<typeof planUpdateSchema>;

export const adminPlanListSchema = z
  .object({ trialDays: z.number().int(), plans: z.array(planSchema), defaults: z.array(planSchema) })
  .meta({ id: 'AdminPlanList' });

export const adminSubscriptionQuerySchema = z.object({
  status: z.enum(subscriptionStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const adminSubscriptionSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    planId: z.enum(planIds),
    status: z.enum(subscriptionStatuses),
    provider: z.enum(subscriptionProviders),
    trialEndsAt: isoOrNull,
    currentPeriodEnd: isoOrNull,
    cancelAtPeriodEnd: z.boolean(),
    pendingPlanId: z.enum(planIds).nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminSubscription' });
export type AdminSubscription = z.infer<typeof adminSubscriptionSchema>;

export const adminSubscriptionListSchema = z
  .object({ items: z.array(adminSubscriptionSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminSubscriptionList' });
