import type { AdminReviewView, ReviewPage, ReviewSummary, ReviewView } from '@souk/contracts/catalog';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ProductService } from './product-service.ts';
import { catalogProducts, catalogReviews } from './schema.ts';

type ReviewRow = typeof catalogReviews.$inferSelect;

export function reviewView(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    authorName: row.authorName,
    verifiedPurchase: row.verifiedPurchase,
    createdAt: row.createdAt.toISOString(),
    reply: row.replyBody && row.repliedAt ? { body: row.replyBody, repliedAt: row.repliedAt.toISOString() } : null,
  };
}

export interface ReviewListQuery {
  cursor?: string | undefined;
  limit: number;
}

/** Buyers' reviews of a deal: the public page, the merchant's reply, admins' moderation. */
export class ReviewService {
  constructor(private readonly deps: { db: Database; products: ProductService; onChange(): void }) {}

  async summary(productId: string): Promise<ReviewSummary> {
    const rows = await this.deps.db
      .select({ rating: catalogReviews.rating, count: sql<number>`count(*)::int` })
      .from(catalogReviews)
      .where(and(eq(catalogReviews.productId, productId), eq(catalogReviews.hidden, false)))
      .groupBy(catalogReviews.rating);
    const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    let count = 0;
    let total = 0;
    for (const row of rows) {
      distribution[row.rating as 1 | 2 | 3 | 4 | 5] = row.count;
      count += row.count;
      total += row.rating * row.count;
    }
    return { average: count === 0 ? 0 : Math.round((total / count) * 10) / 10, count, distribution };
  }

  /** Visible reviews, newest first, with the summary. */
  async page(productId: string, query: ReviewListQuery): Promise<ReviewPage> {
    const { rows, nextCursor } = await this.list(
      [eq(catalogReviews.productId, productId), eq(catalogReviews.hidden, false)],
      query,
    );
    return { summary: await this.summary(productId), items: rows.map(reviewView), nextCursor };
  }

  async adminList(
    query: ReviewListQuery & { hidden?: boolean | undefined; productId?: string | undefined },
  ): Promise<{ items: AdminReviewView[]; nextCursor: string | null }> {
    const conditions: SQL[] = [];
    if (query.hidden !== undefined) conditions.push(eq(catalogReviews.hidden, query.hidden));
    if (query.productId) conditions.push(eq(catalogReviews.productId, query.productId));
    const { rows, nextCursor } = await this.list(conditions, query);
    const titles = new Map<string, string>();
    for (const productId of new Set(rows.map((row) => row.productId))) {
      titles.set(productId, (await this.deps.products.find(productId))?.title ?? '');
    }
    return {
      items: rows.map((row) => ({
        ...reviewView(row),
        hidden: row.hidden,
        productId: row.productId,
        productTitle: titles.get(row.productId) ?? '',
      })),
      nextCursor,
    };
  }

  /** The merchant's public answer; one per review, editable (a second reply replaces the first). */
  async reply(userId: string, reviewId: string, body: string): Promise<ReviewView> {
    const review = await this.require(reviewId);
    await this.deps.products.loadForMember(userId, review.productId, 'editor');
    const [row] = await this.deps.db
      .update(catalogReviews)
      .set({ replyBody: body, repliedAt: new Date(), repliedBy: userId })
      .where(eq(catalogReviews.id, reviewId))
      .returning();
    this.deps.onChange();
    return reviewView(row as ReviewRow);
  }

  async setHidden(reviewId: string, hidden: boolean) {
    await this.require(reviewId);
    const [row] = await this.deps.db
      .update(catalogReviews)
      .set({ hidden })
      .where(eq(catalogReviews.id, reviewId))
      .returning();
    this.deps.onChange();
    const product = await this.deps.products.find((row as ReviewRow).productId);
    return {
      ...reviewView(row as ReviewRow),
      hidden,
      productId: (row as ReviewRow).productId,
      productTitle: product?.title ?? '',
    };
  }

  private async require(reviewId: string): Promise<ReviewRow> {
    const [row] = await this.deps.db.select().from(catalogReviews).where(eq(catalogReviews.id, reviewId));
    if (!row) throw new AppError('not_found');
    return row;
  }

  private async list(conditions: SQL[], query: ReviewListQuery) {
    const where = [...conditions];
    const cursor = decodeCursor(query.cursor, 'reviews');
    if (cursor?.key) {
      where.push(
        sql`(${catalogReviews.createdAt}, ${catalogReviews.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
      );
    }
    const rows = await this.deps.db
      .select({ row: catalogReviews, key: sql<string>`${catalogReviews.createdAt}::text` })
      .from(catalogReviews)
      .innerJoin(catalogProducts, eq(catalogProducts.id, catalogReviews.productId))
      .where(and(...where))
      .orderBy(desc(catalogReviews.createdAt), desc(catalogReviews.id))
      .limit(query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      rows: page.map((entry) => entry.row),
      nextCursor: more && last ? encodeCursor({ sort: 'reviews', key: last.key, id: last.row.id }) : null,
    };
  }
}
