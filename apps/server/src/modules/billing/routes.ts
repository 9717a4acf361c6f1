import {
  adminPlanListSchema,
  adminSubscriptionListSchema,
  adminSubscriptionQuerySchema,
  billingCheckoutBodySchema,
  billingOrganizationBodySchema,
  billingOrganizationQuerySchema,
  billingOverviewSchema,
  billingPlanBodySchema,
  planUpdateSchema,
} from '@souk/contracts/billing';
import { paymentStartSchema } from '@souk/contracts/payments';
import { plans as defaultPlans, planIds, planListSchema, planSchema, trialDays } from '@souk/contracts/plans';
import { type TeamRole, teamRoleRank } from '@souk/contracts/teams';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PlanService } from './plan-service.ts';
import type { BillingPeople, BillingTeams } from './ports.ts';
import type { SubscriptionService } from './subscription-service.ts';

export interface BillingRouteDeps {
  plans: PlanService;
  subscriptions: SubscriptionService;
  teams: BillingTeams;
  people: BillingPeople;
}

/**
 * The team a caller acts for, and their role in it: the one named (not a member: 404), else
 * their first team; someone in no team (an influencer) has no billing: 403.
 */
async function teamOf(
  deps: BillingRouteDeps,
  userId: string,
  organizationId: string | undefined,
  minimum: TeamRole,
): Promise<{ teamId: string; role: TeamRole }> {
  if (organizationId) {
    return { teamId: organizationId, role: await deps.teams.requireRole(userId, organizationId, minimum) };
  }
  const [first] = await deps.teams.membershipsOf(userId);
  if (!first) throw new AppError('forbidden');
  return { teamId: first.teamId, role: await deps.teams.requireRole(userId, first.teamId, minimum) };
}

const manages = (role: TeamRole) => teamRoleRank[role] >= teamRoleRank.admin;

export function billingRoutes(deps: BillingRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['billing'];
    const user = { access: 'user' as const };

    app.get(
      '/plans',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Plans as they apply: prices, quotas (admins’ changes included), platform fees',
          response: { 200: planListSchema },
        },
      },
      async () => deps.plans.listing(),
    );

    app.get(
      '/billing',
      {
        config: user,
        schema: {
          tags,
          summary: 'The team’s subscription, plan, usage meters, pending change and due invoice',
          querystring: billingOrganizationQuerySchema,
          response: { 200: billingOverviewSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const team = await teamOf(deps, viewer.userId, request.query.organizationId, 'analyst');
        return deps.subscriptions.overview(team.teamId, manages(team.role));
      },
    );

    const manage = async (userId: string, organizationId: string | undefined) =>
      (await teamOf(deps, userId, organizationId, 'admin')).teamId;

    app.post(
      '/billing/trial',
      {
        config: user,
        schema: {
          tags,
          summary: 'Start the 14-day trial of a paid plan, without a card (owners and admins)',
          body: billingPlanBodySchema,
          response: { 200: billingOverviewSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        await deps.subscriptions.startTrial(viewer.userId, teamId, request.body.planId, request.locale);
        return deps.subscriptions.overview(teamId, true);
      },
    );

    app.post(
      '/billing/change',
      {
        config: user,
        schema: {
          tags,
          summary: 'Change plan: an upgrade applies now (prorated), a downgrade at the end of the period',
          body: billingPlanBodySchema,
          response: { 200: billingOverviewSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        await deps.subscriptions.change(viewer.userId, teamId, request.body.planId, request.locale);
        return deps.subscriptions.overview(teamId, true);
      },
    );

    app.post(
      '/billing/cancel',
      {
        config: user,
        schema: {
          tags,
          summary: 'Cancel at the end of the period (back to Free then)',
          body: billingOrganizationBodySchema,
          response: { 200: billingOverviewSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        await deps.subscriptions.cancel(viewer.userId, teamId, request.locale);
        return deps.subscriptions.overview(teamId, true);
      },
    );

    app.post(
      '/billing/resume',
      {
        config: user,
        schema: {
          tags,
          summary: 'Undo a scheduled cancellation or downgrade',
          body: billingOrganizationBodySchema,
          response: { 200: billingOverviewSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        await deps.subscriptions.resume(viewer.userId, teamId, request.locale);
        return deps.subscriptions.overview(teamId, true);
      },
    );

    app.post(
      '/billing/checkout',
      {
        config: user,
        schema: {
          tags,
          summary: 'Pay by card: Stripe Checkout (subscription) or the card page for the due invoice (CMI)',
          body: billingCheckoutBodySchema,
          response: { 200: z.object({ url: z.string().nullable(), payment: paymentStartSchema }) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        const contact = await deps.people.getContact(viewer.userId);
        return deps.subscriptions.checkout(
          teamId,
          { planId: request.body.planId, email: contact?.email ?? '', name: contact?.name ?? '' },
          request.locale,
        );
      },
    );

    app.post(
      '/billing/portal',
      {
        config: user,
        schema: {
          tags,
          summary: 'Stripe customer portal (cards, invoices): a short-lived address',
          body: billingOrganizationBodySchema,
          response: { 200: z.object({ url: z.string() }) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const teamId = await manage(viewer.userId, request.body.organizationId);
        return deps.subscriptions.portal(teamId, request.locale);
      },
    );

    app.get(
      '/admin/subscriptions',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Every team’s subscription, most recently changed first',
          querystring: adminSubscriptionQuerySchema,
          response: { 200: adminSubscriptionListSchema },
        },
      },
      async (request) => deps.subscriptions.adminList(request.query),
    );

    app.get(
      '/admin/plans',
      {
        config: { access: 'admin' },
        schema: { tags, summary: 'Plans as they apply, with their defaults', response: { 200: adminPlanListSchema } },
      },
      async () => ({ trialDays, plans: await deps.plans.list(), defaults: [...defaultPlans] }),
    );

    app.put(
      '/admin/plans/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Change a plan’s price or quotas (null: unlimited)',
          params: z.object({ id: z.enum(planIds) }),
          body: planUpdateSchema,
          response: { 200: planSchema },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return deps.plans.update(viewer.userId, request.params.id, request.body);
      },
    );
  };
}
