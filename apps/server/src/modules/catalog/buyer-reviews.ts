import { type ReviewView, reviewCreateInputSchema } from '@souk/contracts/catalog';
import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import type { Locale } from '@souk/contracts/locales';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { reviewView } from './review-service.ts';
import { catalogProducts, catalogReviews } from './schema.ts';

/** Where verified purchases come from (payments): a redeemed voucher of the deal. */
export interface PurchaseRecords {
  hasRedeemedVoucher(userId: string, productId: string): Promise<boolean>;
}

export interface BuyerReviewDeps {
  db: Database;
  purchases: PurchaseRecords;
  authors: { getContact(userId: string): Promise<{ name: string } | null> };
  onChange(): void;
}

/**
 * Reviews written by buyers: only someone who redeemed a voucher of the deal, once per deal, and
 * marked as a verified purchase. They show at once; admins hide what breaks the rules.
 */
export async function createBuyerReview(
  deps: BuyerReviewDeps,
  userId: string,
  productId: string,
  input: z.infer<typeof reviewCreateInputSchema>,
  locale: Locale,
): Promise<ReviewView> {
  const [product] = await deps.db
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(eq(catalogProducts.id, productId));
  if (!product) throw new AppError('not_found');
  if (!(await deps.purchases.hasRedeemedVoucher(userId, productId))) {
    throw new AppError('forbidden', catalogProblemMessages[locale].review_requires_redemption);
  }
  const [existing] = await deps.db
    .select({ id: catalogReviews.id })
    .from(catalogReviews)
    .where(and(eq(catalogReviews.productId, productId), eq(catalogReviews.authorId, userId)));
  if (existing) throw new AppError('conflict', catalogProblemMessages[locale].review_exists);
  const author = await deps.authors.getContact(userId);
  const [row] = await deps.db
    .insert(catalogReviews)
    .values({
      productId,
      rating: input.rating,
      title: input.title,
      body: input.body,
      authorName: author?.name || '—',
      authorId: userId,
      verifiedPurchase: true,
    })
    .returning();
  deps.onChange();
  return reviewView(row as NonNullable<typeof row>);
}

export function buyerReviewRoutes(deps: BuyerReviewDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/products/:id/reviews',
      {
        config: { access: 'user' },
        schema: {
          tags: ['reviews'],
          summary: 'Review a deal (1-5 stars): only after one of your vouchers for it was redeemed; once per deal',
          params: z.object({ id: z.uuid() }),
          body: reviewCreateInputSchema,
        },
      },
      async (request, reply) => {
        const review = await createBuyerReview(
          deps,
          requireViewer(request).userId,
          request.params.id,
          request.body,
          request.locale,
        );
        return reply.code(201).send(review);
      },
    );
  };
}
