import type { Locale } from '@souk/contracts/locales';
import type { PostStatus, PostView, TargetView } from '@souk/contracts/social';
import { socialAdviceMessages, socialReasonText } from '@souk/contracts/social-messages';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { AccountService } from './account-service.ts';
import type { Owner } from './owners.ts';
import type { DealDirectory, LinkFacts, PeopleDirectory } from './ports.ts';
import type { PostRow } from './post-service.ts';
import { socialPosts, socialTargets, socialTransitions } from './schema.ts';

type TargetRow = typeof socialTargets.$inferSelect;
type TransitionRow = typeof socialTransitions.$inferSelect;

export interface PostViewDeps {
  db: Database;
  accounts: AccountService;
  people: PeopleDirectory;
  deals: DealDirectory;
  links: LinkFacts;
}

/** The words of a stored reason; `detail` is the platform's own message, or a date for retries. */
function reasonWords(locale: Locale, row: Pick<TransitionRow, 'reasonCode' | 'detail'>, kind: string | null): string {
  const detail = row.detail ?? '';
  const at = /^\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(detail)?.[0] ?? detail;
  return socialReasonText(locale, row.reasonCode ?? 'published', { detail, at, name: detail, reason: detail }, kind);
}

function adviceFor(locale: Locale, status: string, kind: string | null, reasonCode: string | null): string | null {
  if (status === 'unconfirmed') return socialAdviceMessages[locale].unconfirmed;
  if (reasonCode === 'quota_reached') return socialAdviceMessages[locale].quota;
  if (status === 'failed' && kind) return socialAdviceMessages[locale][kind as 'bad-body'] ?? null;
  if (reasonCode === 'rate_limited' || reasonCode === 'platform_unavailable') return socialAdviceMessages[locale].retry;
  return null;
}

/** Posts as the API shows them: per-target states, every transition in plain words, statistics. */
export class PostViews {
  constructor(private readonly deps: PostViewDeps) {}

  async list(
    owner: Owner,
    filter: {
      from?: string | undefined;
      to?: string | undefined;
      status?: PostStatus | undefined;
      accountId?: string | undefined;
      limit: number;
    },
    locale: Locale,
  ): Promise<PostView[]> {
    const when = sql`coalesce(${socialPosts.scheduledAt}, ${socialPosts.createdAt})`;
    const rows = await this.deps.db
      .select()
      .from(socialPosts)
      .where(
        and(
          eq(socialPosts.ownerKey, owner.key),
          filter.from ? gte(when, new Date(filter.from)) : undefined,
          filter.to ? lte(when, new Date(filter.to)) : undefined,
          filter.status ? eq(socialPosts.status, filter.status) : undefined,
          filter.accountId
            ? inArray(
                socialPosts.id,
                this.deps.db
                  .select({ id: socialTargets.postId })
                  .from(socialTargets)
                  .where(eq(socialTargets.accountId, filter.accountId)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(when))
      .limit(filter.limit);
    return this.present(rows, locale, false);
  }

  async one(post: PostRow, locale: Locale): Promise<PostView> {
    return (await this.present([post], locale, true))[0] as PostView;
  }

  private async present(posts: PostRow[], locale: Locale, withHistory: boolean): Promise<PostView[]> {
    if (posts.length === 0) return [];
    const targets = await this.deps.db
      .select()
      .from(socialTargets)
      .where(
        inArray(
          socialTargets.postId,
          posts.map((post) => post.id),
        ),
      )
      .orderBy(asc(socialTargets.createdAt));
    const accounts = await this.deps.accounts.byIds([...new Set(targets.map((target) => target.accountId))]);
    const history = withHistory
      ? await this.history(targets.map((target) => target.id))
      : new Map<string, TransitionRow[]>();
    const lastReasons = withHistory
      ? new Map<string, TransitionRow>()
      : await this.lastReasons(targets.map((target) => target.id));
    const names = new Map<string, string>();
    for (const id of new Set(posts.map((post) => post.authorId)))
      names.set(id, (await this.deps.people.getContact(id))?.name ?? '—');
    const titles = new Map<string, string>();
    for (const id of new Set(posts.flatMap((post) => (post.productId ? [post.productId] : [])))) {
      titles.set(id, (await this.deps.deals.find(id))?.title ?? '—');
    }
    return posts.map((post) => {
      const own = targets.filter((target) => target.postId === post.id);
      return {
        id: post.id,
        ownerKind: post.ownerKind,
        teamId: post.teamId,
        authorId: post.authorId,
        authorName: names.get(post.authorId) ?? '—',
        status: post.status,
        linkId: post.linkId,
        linkUrl: own.find((target) => target.linkUrl)?.linkUrl ?? null,
        productId: post.productId,
        productTitle: post.productId ? (titles.get(post.productId) ?? null) : null,
        media: post.media,
        scheduledAt: post.scheduledAt?.toISOString() ?? null,
        approval: post.approvalRequired
          ? {
              required: true,
              decidedBy: post.decidedBy,
              decidedAt: post.decidedAt?.toISOString() ?? null,
              reason: post.decisionReason,
            }
          : null,
        targets: own.map((target) =>
          this.target(
            target,
            accounts.get(target.accountId)?.handle ?? '—',
            history.get(target.id) ?? [],
            lastReasons.get(target.id),
            locale,
          ),
        ),
        createdAt: post.createdAt.toISOString(),
        updatedAt: post.updatedAt.toISOString(),
      };
    });
  }

  private target(
    target: TargetRow,
    handle: string,
    history: TransitionRow[],
    last: TransitionRow | undefined,
    locale: Locale,
  ): TargetView {
    const latest = history.at(-1) ?? last;
    const troubled = target.status === 'failed' || target.status === 'unconfirmed';
    return {
      id: target.id,
      accountId: target.accountId,
      provider: target.provider,
      accountHandle: handle,
      caption: target.caption,
      options: target.options,
      status: target.status,
      attempts: target.attempts,
      externalId: target.externalId,
      externalUrl: target.externalUrl,
      errorCode: target.errorCode,
      errorKind: target.errorKind,
      errorMessage: troubled && latest ? reasonWords(locale, latest, target.errorKind) : null,
      advice: adviceFor(locale, target.status, target.errorKind, latest?.reasonCode ?? null),
      retryable: target.status === 'failed',
      publishedAt: target.publishedAt?.toISOString() ?? null,
      transitions: history.map((row) => ({
        at: row.createdAt.toISOString(),
        from: row.fromStatus,
        to: row.toStatus,
        step: row.step,
        reasonCode: row.reasonCode,
        reason: reasonWords(locale, row, row.toStatus === 'failed' ? target.errorKind : null),
        advice: adviceFor(locale, row.toStatus, row.toStatus === 'failed' ? target.errorKind : null, row.reasonCode),
      })),
    };
  }

  private async history(targetIds: string[]): Promise<Map<string, TransitionRow[]>> {
    const rows = targetIds.length
      ? await this.deps.db
          .select()
          .from(socialTransitions)
          .where(inArray(socialTransitions.targetId, targetIds))
          .orderBy(asc(socialTransitions.id))
      : [];
    const byTarget = new Map<string, TransitionRow[]>();
    for (const row of rows) byTarget.set(row.targetId, [...(byTarget.get(row.targetId) ?? []), row]);
    return byTarget;
  }

  private async lastReasons(targetIds: string[]): Promise<Map<string, TransitionRow>> {
    if (targetIds.length === 0) return new Map();
    const rows = await this.deps.db
      .selectDistinctOn([socialTransitions.targetId])
      .from(socialTransitions)
      .where(inArray(socialTransitions.targetId, targetIds))
      .orderBy(socialTransitions.targetId, desc(socialTransitions.id));
    return new Map(rows.map((row) => [row.targetId, row]));
  }

  /** The tracked links' clicks, conversions and commissions, and each platform's own metrics. */
  async stats(post: PostRow) {
    const targets = await this.deps.db.select().from(socialTargets).where(eq(socialTargets.postId, post.id));
    const linkIds = [
      ...new Set(targets.flatMap((target) => (target.linkId ? [target.linkId] : post.linkId ? [post.linkId] : []))),
    ];
    const totals = await Promise.all(linkIds.map((linkId) => this.deps.links.totals(linkId)));
    const link = totals[0]
      ? {
          clicks: totals.reduce((total, one) => total + one.clicks, 0),
          conversions: totals.reduce((total, one) => total + one.conversions, 0),
          commissionsMinor: totals.reduce((total, one) => total + one.commissionsMinor, 0),
          currency: totals[0].currency,
        }
      : null;
    const accounts = await this.deps.accounts.byIds(targets.map((target) => target.accountId));
    const platforms = [];
    for (const target of targets) {
      const account = accounts.get(target.accountId);
      let metrics: Record<string, number> | null = null;
      if (target.status === 'published' && target.externalId && account) {
        metrics = await this.deps.accounts
          .provider(target.provider)
          .metrics(this.deps.accounts.credentials(account), target.externalId)
          .catch(() => null);
      }
      platforms.push({ targetId: target.id, provider: target.provider, metrics });
    }
    return { postId: post.id, link, platforms };
  }

  /** Totals over an owner's accounts in a period (admins: the official accounts). */
  async analytics(owner: Owner, from: Date, to: Date) {
    const rows = await this.deps.db
      .select({ accountId: socialTargets.accountId, status: socialTargets.status, linkId: socialTargets.linkId })
      .from(socialTargets)
      .innerJoin(socialPosts, eq(socialPosts.id, socialTargets.postId))
      .where(
        and(
          eq(socialPosts.ownerKey, owner.key),
          gte(sql`coalesce(${socialPosts.scheduledAt}, ${socialPosts.createdAt})`, from),
          lte(sql`coalesce(${socialPosts.scheduledAt}, ${socialPosts.createdAt})`, to),
        ),
      );
    const clicksOf = new Map<string, { clicks: number; conversions: number }>();
    for (const linkId of new Set(rows.flatMap((row) => (row.linkId ? [row.linkId] : [])))) {
      clicksOf.set(linkId, await this.deps.links.totals(linkId));
    }
    const accounts = await this.deps.accounts.byIds([...new Set(rows.map((row) => row.accountId))]);
    const byAccount = new Map<
      string,
      { accountId: string; provider: TargetRow['provider']; handle: string; published: number; clicks: number }
    >();
    for (const row of rows) {
      const account = accounts.get(row.accountId);
      const entry = byAccount.get(row.accountId) ?? {
        accountId: row.accountId,
        provider: account?.provider ?? 'sandbox',
        handle: account?.handle ?? '—',
        published: 0,
        clicks: 0,
      };
      if (row.status === 'published') entry.published++;
      entry.clicks += row.linkId ? (clicksOf.get(row.linkId)?.clicks ?? 0) : 0;
      byAccount.set(row.accountId, entry);
    }
    const links = [...clicksOf.values()];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      posts: {
        published: rows.filter((row) => row.status === 'published').length,
        failed: rows.filter((row) => row.status === 'failed' || row.status === 'unconfirmed').length,
        scheduled: rows.filter((row) => row.status === 'scheduled' || row.status === 'pending_approval').length,
      },
      clicks: links.reduce((total, one) => total + one.clicks, 0),
      conversions: links.reduce((total, one) => total + one.conversions, 0),
      byAccount: [...byAccount.values()],
    };
  }
}
