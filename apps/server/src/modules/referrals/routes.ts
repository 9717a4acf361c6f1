import {
  adminReferralListSchema,
  referralClaimInputSchema,
  referralCodeSchema,
  referralCookieName,
  referralOverviewSchema,
} from '@souk/contracts/referrals';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import type { ReferralService } from './referral-service.ts';

export function referralRoutes(deps: { referrals: ReferralService }): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/referrals',
      {
        config: { access: 'user' },
        schema: {
          tags: ['referrals'],
          summary: 'My referral code and link, the people I referred and what I earned',
          response: { 200: referralOverviewSchema },
        },
      },
      async (request) => deps.referrals.overview(requireViewer(request).userId),
    );

    app.post(
      '/referrals/claim',
      {
        config: { access: 'user' },
        schema: {
          tags: ['referrals'],
          summary: 'Enter the code of the person who referred me (soon after signing up)',
          body: referralClaimInputSchema,
          response: { 200: referralOverviewSchema },
        },
      },
      async (request) => {
        const userId = requireViewer(request).userId;
        await deps.referrals.claim(userId, request.body.code, request.locale);
        return deps.referrals.overview(userId);
      },
    );

    app.get(
      '/admin/referrals',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['referrals'],
          summary: 'Every referral with its rewards',
          response: { 200: adminReferralListSchema },
        },
      },
      async () => deps.referrals.adminList(),
    );
  };
}

/** `/join/<code>`: keeps the code in a cookie while the person looks around, then the sign-up page. */
export function joinRoutes(): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/join/:code',
      {
        config: { access: 'public' },
        schema: { hide: true, params: z.object({ code: z.string().max(40) }) },
      },
      async (request, reply) => {
        const parsed = referralCodeSchema.safeParse(request.params.code);
        if (!parsed.success) return reply.redirect('/sign-up', 302);
        reply.header(
          'set-cookie',
          `${referralCookieName}=${parsed.data}; Path=/; Max-Age=${30 * 86_400}; HttpOnly; SameSite=Lax`,
        );
        return reply.redirect(`/sign-up?ref=${encodeURIComponent(parsed.data)}`, 302);
      },
    );
  };
}
