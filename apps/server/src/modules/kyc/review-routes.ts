import { kycDecisionBodySchema, kycQueueQuerySchema, kycQueueSchema, kycReviewSchema } from '@souk/contracts/kyc';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import type { ReviewService } from './review-service.ts';
import { requestContext } from './routes.ts';

const tags = ['kyc', 'admin'];
const idParams = z.object({ id: z.uuid() });

/** The review queue, for admins and KYC reviewers; every view and decision is audit-logged. */
export function kycReviewRoutes(review: ReviewService): FastifyPluginAsync {
  return async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/admin/kyc',
      {
        config: { access: 'reviewer' },
        schema: {
          tags,
          summary: 'Files waiting for review, oldest first (or those in one status)',
          querystring: kycQueueQuerySchema,
          response: { 200: kycQueueSchema },
        },
      },
      async (request) => review.queue(request.query),
    );

    app.get(
      '/admin/kyc/:id',
      {
        config: { access: 'reviewer' },
        schema: {
          tags,
          summary: 'One file with its checks and duplicates (takes a submitted file into review)',
          params: idParams,
          response: { 200: kycReviewSchema },
        },
      },
      async (request) => review.open(request.params.id, requireViewer(request).userId, requestContext(request)),
    );

    app.post(
      '/admin/kyc/:id/decision',
      {
        config: { access: 'reviewer' },
        schema: {
          tags,
          summary: 'Approve, reject with a reason, or ask for more information on named items',
          params: idParams,
          body: kycDecisionBodySchema,
          response: { 200: kycReviewSchema },
        },
      },
      async (request) =>
        review.decide(request.params.id, requireViewer(request).userId, request.body, requestContext(request)),
    );
  };
}
