import type { PostView } from '@souk/contracts/social';

/** When a post happened or will: its first publication, else its schedule, else when it was written. */
export function postMoment(post: PostView): string {
  const published = post.targets.map((target) => target.publishedAt).find(Boolean);
  return published ?? post.scheduledAt ?? post.createdAt;
}
