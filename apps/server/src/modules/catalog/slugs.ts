import { randomBytes } from 'node:crypto';
import type { Locale } from '@souk/contracts/locales';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { fieldError } from './product-rules.ts';
import { catalogProducts, catalogSlugHistory } from './schema.ts';
import { slugify } from './text-normalization.ts';

/** Whether another product holds the slug now, or held it once (its old links still point there). */
export async function slugTaken(executor: Executor, slug: string, productId: string | null): Promise<boolean> {
  const current = await executor
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(
      productId
        ? and(eq(catalogProducts.slug, slug), ne(catalogProducts.id, productId))
        : eq(catalogProducts.slug, slug),
    )
    .limit(1);
  if (current.length > 0) return true;
  const former = await executor
    .select({ productId: catalogSlugHistory.productId })
    .from(catalogSlugHistory)
    .where(eq(catalogSlugHistory.slug, slug))
    .limit(1);
  return former.length > 0 && former[0]?.productId !== productId;
}

export function slugConflict(locale: Locale): AppError {
  const problem = fieldError(locale, 'body.slug', 'slug_taken');
  return new AppError('conflict', problem.message, [problem]);
}

/**
 * The slug to store: the one asked for (refused with 409 when taken), or one made from the title
 * with a number added until it is free. Titles with no Latin letters (Arabic) get "offre-<random>".
 */
export async function chooseSlug(
  executor: Executor,
  options: { requested: string | undefined; title: string; productId: string | null; locale: Locale },
): Promise<string> {
  if (options.requested) {
    if (await slugTaken(executor, options.requested, options.productId)) throw slugConflict(options.locale);
    return options.requested;
  }
  const base = slugify(options.title) || `offre-${randomBytes(3).toString('hex')}`;
  for (let attempt = 1; attempt <= 20; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await slugTaken(executor, candidate, options.productId))) return candidate;
  }
  return `${base}-${randomBytes(3).toString('hex')}`;
}
