import {
  bestTimeQuerySchema,
  bestTimeSchema,
  connectionInputSchema,
  connectionStartSchema,
  creatorInfoSchema,
  postInputSchema,
  postListQuerySchema,
  postListSchema,
  postSchema,
  postStatsSchema,
  postUpdateSchema,
  rejectPostInputSchema,
  socialAccountListSchema,
  socialAnalyticsSchema,
  socialOwnerQuerySchema,
  socialProviderListSchema,
  suggestionInputSchema,
  suggestionSchema,
  teamSocialSettingsSchema,
  templateInputSchema,
  templateListSchema,
  templateSchema,
} from '@souk/contracts/social';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, scoped } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AccountService } from './account-service.ts';
import { bestTime } from './best-time.ts';
import type { CaptionAssistant } from './caption-assistant.ts';
import type { OwnerChoice, OwnerResolver } from './owners.ts';
import type { DealDirectory, LinkFacts } from './ports.ts';
import type { PostService } from './post-service.ts';
import type { PostViews } from './post-views.ts';
import { refused } from './problems.ts';
import { providerViews } from './provider-views.ts';
import type { ProviderRegistry } from './registry.ts';
import type { TeamSettingsService, TemplateService } from './templates.ts';

export interface SocialRouteDeps {
  publicUrl: string;
  providers: ProviderRegistry;
  owners: OwnerResolver;
  accounts: AccountService;
  posts: PostService;
  views: PostViews;
  assistant: CaptionAssistant;
  deals: DealDirectory;
  links: LinkFacts;
  templates: TemplateService;
  teamSettings: TeamSettingsService;
}

const idParams = z.object({ id: z.uuid() });
const targetParams = z.object({ id: z.uuid(), targetId: z.uuid() });
const teamParams = z.object({ teamId: z.uuid() });

/** The social publishing API under /api/v1/social (and the admins' templates). */
export function socialRoutes(deps: SocialRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['social'];
    const read = { access: scoped('social:read') };
    const write = { access: scoped('social:write') };
    const owner = (request: FastifyRequest, choice: OwnerChoice, minimum: 'analyst' | 'editor' | 'admin') =>
      deps.owners.resolve(requireViewer(request), choice, minimum, request.locale);

    app.get(
      '/social/providers',
      {
        config: read,
        schema: {
          tags,
          summary: 'Each network: configured or not, its setup guide and its rules',
          response: { 200: socialProviderListSchema },
        },
      },
      async (request) => ({ items: providerViews(deps.providers, deps.publicUrl, request.locale) }),
    );

    app.get(
      '/social/accounts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Connected accounts with their health and quota used today',
          querystring: socialOwnerQuerySchema,
          response: { 200: socialAccountListSchema },
        },
      },
      async (request) => ({
        items: await deps.accounts.list(await owner(request, request.query, 'analyst'), request.locale),
      }),
    );

    app.post(
      '/social/connections',
      {
        config: { access: 'user' as const },
        schema: {
          tags,
          summary: 'Start connecting an account: the platform authorization URL (PKCE + state)',
          body: connectionInputSchema,
          response: { 201: connectionStartSchema },
        },
      },
      async (request, reply) => {
        const target = await owner(request, request.body, 'admin');
        const started = await deps.accounts.startConnection(
          requireViewer(request).userId,
          target,
          request.body.provider,
          request.locale,
        );
        return reply.code(201).send(started);
      },
    );

    app.delete(
      '/social/accounts/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Disconnect an account',
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.accounts.disconnect(await owner(request, request.query, 'admin'), request.params.id, request.locale);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/social/accounts/:id/creator-info',
      {
        config: read,
        schema: {
          tags,
          summary: 'TikTok creator info: privacy options, limits (required before a TikTok post)',
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 200: creatorInfoSchema },
        },
      },
      async (request) => {
        const account = await deps.accounts.load(
          await owner(request, request.query, 'editor'),
          request.params.id,
          request.locale,
        );
        const provider = deps.accounts.provider(account.provider);
        if (!provider.creatorInfo) throw new AppError('not_found');
        return provider.creatorInfo(deps.accounts.credentials(account));
      },
    );

    app.get(
      '/social/accounts/:id/best-time',
      {
        config: read,
        schema: {
          tags,
          summary: "Best hours to post, from the owner's own link clicks (or defaults)",
          params: idParams,
          querystring: socialOwnerQuerySchema.extend(bestTimeQuerySchema.shape),
          response: { 200: bestTimeSchema },
        },
      },
      async (request) => {
        const target = await owner(request, request.query, 'analyst');
        await deps.accounts.load(target, request.params.id, request.locale);
        const linkIds = target.kind === 'user' ? await deps.links.linkIdsOf(requireViewer(request).userId) : [];
        return bestTime(deps.links, linkIds, request.query.timeZone);
      },
    );

    app.post(
      '/social/suggestions',
      {
        config: read,
        schema: {
          tags,
          summary: 'Caption variants and hashtags for a deal on a platform',
          body: suggestionInputSchema,
          response: { 200: suggestionSchema },
        },
      },
      async (request) => {
        const userId = requireViewer(request).userId;
        const link = request.body.linkId ? await deps.links.linkOf(userId, request.body.linkId) : null;
        if (request.body.linkId && !link) throw refused(request.locale, 'not_found', 'link_not_found');
        const productId = link?.productId ?? request.body.productId ?? '';
        const deal = await deps.deals.find(productId);
        if (!deal) throw refused(request.locale, 'not_found', 'product_not_found');
        const variant = await deps.links.variantFor(userId, productId, request.body.platform, request.locale);
        const provider = deps.accounts.provider(request.body.platform);
        const linkUrl = variant?.shortUrl ?? link?.shortUrl ?? null;
        const suggestion = await deps.assistant.suggest({
          deal,
          platform: request.body.platform,
          locale: request.body.locale,
          linkUrl,
          rules: provider.rules,
        });
        return { ...suggestion, linkUrl, engine: deps.assistant.name };
      },
    );

    app.post(
      '/social/posts',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Compose a post for several accounts: now, scheduled or draft (422 lists per-target errors as targets.N.field)',
          body: postInputSchema,
          response: { 201: postSchema },
        },
      },
      async (request, reply) => {
        const target = await owner(request, request.body, 'editor');
        const id = await deps.posts.create(target, requireViewer(request).userId, request.body, request.locale);
        return reply.code(201).send(await deps.views.one(await deps.posts.load(target, id), request.locale));
      },
    );

    app.get(
      '/social/posts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Posts for the calendar and the list',
          querystring: postListQuerySchema,
          response: { 200: postListSchema },
        },
      },
      async (request) => ({
        items: await deps.views.list(await owner(request, request.query, 'analyst'), request.query, request.locale),
      }),
    );

    app.get(
      '/social/posts/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A post: per-account status and every transition with its reason and what to do',
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 200: postSchema },
        },
      },
      async (request) =>
        deps.views.one(
          await deps.posts.load(await owner(request, request.query, 'analyst'), request.params.id),
          request.locale,
        ),
    );

    app.patch(
      '/social/posts/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Reschedule or edit while nothing was sent',
          params: idParams,
          querystring: socialOwnerQuerySchema,
          body: postUpdateSchema,
          response: { 200: postSchema },
        },
      },
      async (request) => {
        const target = await owner(request, request.query, 'editor');
        await deps.posts.update(target, requireViewer(request).userId, request.params.id, request.body, request.locale);
        return deps.views.one(await deps.posts.load(target, request.params.id), request.locale);
      },
    );

    app.delete(
      '/social/posts/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Delete a draft or a scheduled post',
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.posts.remove(await owner(request, request.query, 'editor'), request.params.id, request.locale);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/social/posts/:id/targets/:targetId/retry',
      {
        config: write,
        schema: {
          tags,
          summary: 'Retry a failed target (never an unconfirmed one)',
          params: targetParams,
          querystring: socialOwnerQuerySchema,
          response: { 200: postSchema },
        },
      },
      async (request) => {
        const target = await owner(request, request.query, 'editor');
        await deps.posts.retry(
          target,
          requireViewer(request).userId,
          request.params.id,
          request.params.targetId,
          request.locale,
        );
        return deps.views.one(await deps.posts.load(target, request.params.id), request.locale);
      },
    );

    app.post(
      '/social/posts/:id/approve',
      {
        config: { access: 'user' as const },
        schema: {
          tags,
          summary: "Approve an editor's post (team owners and admins)",
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 200: postSchema },
        },
      },
      async (request) => {
        const target = await owner(request, request.query, 'admin');
        await deps.posts.approve(target, requireViewer(request).userId, request.params.id, request.locale);
        return deps.views.one(await deps.posts.load(target, request.params.id), request.locale);
      },
    );

    app.post(
      '/social/posts/:id/reject',
      {
        config: { access: 'user' as const },
        schema: {
          tags,
          summary: "Reject an editor's post with a reason",
          params: idParams,
          querystring: socialOwnerQuerySchema,
          body: rejectPostInputSchema,
          response: { 200: postSchema },
        },
      },
      async (request) => {
        const target = await owner(request, request.query, 'admin');
        await deps.posts.reject(
          target,
          requireViewer(request).userId,
          request.params.id,
          request.body.reason,
          request.locale,
        );
        return deps.views.one(await deps.posts.load(target, request.params.id), request.locale);
      },
    );

    app.get(
      '/social/posts/:id/stats',
      {
        config: read,
        schema: {
          tags,
          summary: "Clicks, conversions and commissions of the post's links, and platform metrics",
          params: idParams,
          querystring: socialOwnerQuerySchema,
          response: { 200: postStatsSchema },
        },
      },
      async (request) =>
        deps.views.stats(await deps.posts.load(await owner(request, request.query, 'analyst'), request.params.id)),
    );

    app.get(
      '/social/analytics',
      {
        config: read,
        schema: {
          tags,
          summary: 'Posts, clicks and conversions across your accounts (admins: owner=platform, the official accounts)',
          querystring: socialOwnerQuerySchema.extend({
            from: z.iso.datetime().optional(),
            to: z.iso.datetime().optional(),
          }),
          response: { 200: socialAnalyticsSchema },
        },
      },
      async (request) => {
        // Default: the last 30 days and the next 30 (what is scheduled counts too).
        const now = Date.now();
        const to = request.query.to ? new Date(request.query.to) : new Date(now + 30 * 24 * 3600_000);
        const from = request.query.from ? new Date(request.query.from) : new Date(now - 30 * 24 * 3600_000);
        return deps.views.analytics(await owner(request, request.query, 'analyst'), from, to);
      },
    );

    app.get(
      '/social/teams/:teamId/settings',
      {
        config: { access: 'user' as const },
        schema: {
          tags,
          summary: "A team's publishing settings",
          params: teamParams,
          response: { 200: teamSocialSettingsSchema },
        },
      },
      async (request) => {
        await owner(request, { owner: 'team', teamId: request.params.teamId }, 'analyst');
        return deps.teamSettings.get(request.params.teamId);
      },
    );

    app.put(
      '/social/teams/:teamId/settings',
      {
        config: { access: 'user' as const },
        schema: {
          tags,
          summary: "Whether editors' posts need an owner's or admin's approval",
          params: teamParams,
          body: teamSocialSettingsSchema,
          response: { 200: teamSocialSettingsSchema },
        },
      },
      async (request) => {
        await owner(request, { owner: 'team', teamId: request.params.teamId }, 'admin');
        return deps.teamSettings.set(request.params.teamId, request.body.requireApproval);
      },
    );

    const admin = { access: 'admin' as const };
    app.get(
      '/admin/social/templates',
      {
        config: admin,
        schema: { tags, summary: 'Templates for the official accounts', response: { 200: templateListSchema } },
      },
      async () => ({ items: await deps.templates.list() }),
    );
    app.post(
      '/admin/social/templates',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Add a template (new deal, promotion, testimonial)',
          body: templateInputSchema,
          response: { 201: templateSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await deps.templates.create(requireViewer(request).userId, request.body)),
    );
    app.delete(
      '/admin/social/templates/:id',
      { config: admin, schema: { tags, summary: 'Delete a template', params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        if (!(await deps.templates.remove(request.params.id))) throw new AppError('not_found');
        return reply.code(204).send(null);
      },
    );
  };
}

/** The browser's return from a platform's consent screen, redirected to the accounts page. */
export function callbackRoutes(deps: { accounts: AccountService }): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/social/oauth/:provider/callback',
      {
        config: { access: 'public' as const },
        schema: {
          hide: true,
          params: z.object({ provider: z.enum(['sandbox', 'instagram', 'facebook', 'tiktok', 'reddit']) }),
          querystring: z.object({
            state: z.string().max(500).optional(),
            code: z.string().max(2000).optional(),
            error: z.string().max(200).optional(),
          }),
        },
      },
      async (request, reply) => {
        const result = await deps.accounts.completeConnection(request.params.provider, request.query);
        const target = result.ok
          ? `/social/accounts?connected=${request.params.provider}`
          : `/social/accounts?error=${result.error}`;
        return reply.redirect(target, 303);
      },
    );
  };
}
