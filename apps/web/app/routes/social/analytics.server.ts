import type { PostView, postStatsSchema, socialAnalyticsSchema } from '@souk/contracts/social';
import type { AppLoadContext } from 'react-router';
import type { z } from 'zod';
import { apiJson } from '../../lib/api.server';
import { ownerParams, type SocialScope } from './social-scope';

type Analytics = z.infer<typeof socialAnalyticsSchema>;
type PostStats = z.infer<typeof postStatsSchema>;

const days30 = 30 * 86_400_000;
/** Statistics are read post by post: the most recent published ones only. */
const statsReadLimit = 20;

/**
 * The last 30 days of an owner's posts, counted from the posts themselves, for when the API has
 * no totals endpoint: posts by status, published per account, clicks and sales of the recent ones.
 */
export async function analyticsFromPosts(context: AppLoadContext, scope: SocialScope): Promise<Analytics | null> {
  const to = new Date();
  const from = new Date(to.getTime() - days30);
  const params = ownerParams(scope, { from: from.toISOString(), to: to.toISOString(), limit: '500' });
  const posts = await apiJson<{ items: PostView[] }>(context, `/api/v1/social/posts?${params}`);
  if (!posts.ok) return null;
  const items = posts.data.items;
  const published = items.filter((post) => post.status === 'published' || post.status === 'partially_published');
  const stats = await Promise.all(
    published.slice(0, statsReadLimit).map(async (post) => {
      const result = await apiJson<PostStats>(context, `/api/v1/social/posts/${post.id}/stats`);
      return result.ok ? result.data : null;
    }),
  );
  const byAccount = new Map<string, Analytics['byAccount'][number]>();
  for (const post of published) {
    for (const target of post.targets.filter((item) => item.status === 'published')) {
      const row = byAccount.get(target.accountId) ?? {
        accountId: target.accountId,
        provider: target.provider,
        handle: target.accountHandle,
        published: 0,
        clicks: 0,
      };
      row.published += 1;
      byAccount.set(target.accountId, row);
    }
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    posts: {
      published: published.length,
      failed: items.filter((post) => post.status === 'failed').length,
      scheduled: items.filter((post) => post.status === 'scheduled').length,
    },
    clicks: stats.reduce((sum, item) => sum + (item?.link?.clicks ?? 0), 0),
    conversions: stats.reduce((sum, item) => sum + (item?.link?.conversions ?? 0), 0),
    byAccount: [...byAccount.values()],
  };
}
