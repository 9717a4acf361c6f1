import type { Locale } from '@souk/contracts/locales';
import type {
  MediaInput,
  PostInput,
  PostStatus,
  PostUpdate,
  TargetOptions,
  TargetStatus,
} from '@souk/contracts/social';
import { postInputSchema } from '@souk/contracts/social';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError, type FieldError } from '../../platform/http/app-error.ts';
import type { AccountRow, AccountService } from './account-service.ts';
import type { Owner } from './owners.ts';
import type {
  DealDirectory,
  LinkFacts,
  Notifier,
  PeopleDirectory,
  ScheduledPostQuota,
  TeamDirectory,
} from './ports.ts';
import { validateForPlatform } from './post-rules.ts';
import { fieldProblem, invalid, refused } from './problems.ts';
import type { Publisher } from './publisher.ts';
import { socialPosts, socialTargets, socialTeamSettings, socialTransitions } from './schema.ts';

export type PostRow = typeof socialPosts.$inferSelect;

/** States in which nothing has reached a platform yet: the post can still change or go. */
const untouched: TargetStatus[] = ['draft', 'pending_approval', 'scheduled'];

export interface PostServiceDeps {
  db: Database;
  accounts: AccountService;
  publisher: Publisher;
  links: LinkFacts;
  deals: DealDirectory;
  teams: TeamDirectory;
  people: PeopleDirectory;
  notifications: Notifier;
  /** The plan's monthly scheduled posts, for merchant teams; absent, none applies. */
  postQuota?: ScheduledPostQuota | undefined;
}

interface PlannedTarget {
  account: AccountRow;
  caption: string;
  options: TargetOptions;
  linkId: string | null;
  linkUrl: string | null;
}

/** Composing, scheduling, approving, editing, retrying and deleting posts. */
export class PostService {
  constructor(private readonly deps: PostServiceDeps) {}

  async create(owner: Owner, authorId: string, raw: PostInput, locale: Locale): Promise<string> {
    const input = postInputSchema.parse(raw);
    const when = this.when(input.mode, input.scheduledAt, locale);
    const planned = await this.plan(owner, authorId, input, locale);
    const approval = input.mode !== 'draft' && (await this.needsApproval(owner));
    const status: PostStatus = input.mode === 'draft' ? 'draft' : approval ? 'pending_approval' : 'scheduled';
    const targetStatus: TargetStatus =
      status === 'scheduled' ? 'scheduled' : status === 'draft' ? 'draft' : 'pending_approval';
    const postId = await this.deps.db.transaction(async (tx) => {
      if (status !== 'draft' && owner.kind === 'team' && owner.teamId) {
        await this.deps.postQuota?.consume(tx, owner.teamId, locale);
      }
      const [post] = await tx
        .insert(socialPosts)
        .values({
          ownerKey: owner.key,
          ownerKind: owner.kind,
          teamId: owner.teamId,
          authorId,
          status,
          linkId: input.linkId ?? null,
          productId: input.productId ?? null,
          media: input.media,
          scheduledAt: when,
          approvalRequired: approval,
          templateId: input.templateId ?? null,
        })
        .returning({ id: socialPosts.id });
      const id = (post as { id: string }).id;
      await this.insertTargets(tx, id, planned, targetStatus, when);
      return id;
    });
    if (status === 'scheduled') await this.enqueueAll(postId, when);
    if (status === 'pending_approval') await this.askApproval(owner, postId, authorId);
    return postId;
  }

  private when(mode: 'now' | 'schedule' | 'draft', scheduledAt: string | undefined, locale: Locale): Date | null {
    if (mode === 'now') return null;
    if (!scheduledAt) {
      if (mode === 'draft') return null;
      throw invalid([fieldProblem(locale, 'scheduledAt', 'schedule_required')]);
    }
    const at = new Date(scheduledAt);
    // A few seconds of slack for the time the form took to reach us.
    if (at.getTime() < Date.now() - 5_000) throw invalid([fieldProblem(locale, 'scheduledAt', 'schedule_in_past')]);
    return at;
  }

  /** Accounts must be the owner's; each target is checked against its platform's rules. */
  private async plan(
    owner: Owner,
    authorId: string,
    input: {
      linkId?: string | undefined;
      productId?: string | undefined;
      media: MediaInput[];
      mode: string;
      targets: { accountId: string; caption: string; options: TargetOptions }[];
    },
    locale: Locale,
  ): Promise<PlannedTarget[]> {
    const link = input.linkId ? await this.deps.links.linkOf(authorId, input.linkId) : null;
    if (input.linkId && (!link || owner.kind !== 'user')) throw refused(locale, 'not_found', 'link_not_found');
    const productId = link?.productId ?? input.productId ?? null;
    const deal = productId ? await this.deps.deals.find(productId) : null;
    if (productId && !deal) throw refused(locale, 'not_found', 'product_not_found');
    const errors: FieldError[] = [];
    const planned: PlannedTarget[] = [];
    for (const [index, target] of input.targets.entries()) {
      const account = await this.deps.accounts.load(owner, target.accountId, locale);
      // Per-channel link variant: clicks from each network are counted apart.
      const variant =
        productId && owner.kind === 'user'
          ? await this.deps.links.variantFor(authorId, productId, account.provider, locale)
          : null;
      const chosen = variant ?? link;
      const linkUrl = chosen?.shortUrl ?? deal?.pageUrl ?? null;
      const caption = target.caption.replaceAll('{link}', linkUrl ?? '');
      if (input.mode !== 'draft') {
        const provider = this.deps.accounts.provider(account.provider);
        if (!provider.configured())
          errors.push(fieldProblem(locale, `targets.${index}.accountId`, 'provider_not_configured'));
        if (account.reconnectNeeded)
          errors.push(fieldProblem(locale, `targets.${index}.accountId`, 'account_reconnect_needed'));
        for (const issue of validateForPlatform(provider, {
          caption,
          media: input.media,
          options: target.options,
          linkUrl,
        })) {
          errors.push(fieldProblem(locale, `targets.${index}.${issue.path}`, issue.code, issue.values));
        }
      }
      planned.push({ account, caption, options: target.options, linkId: chosen?.id ?? null, linkUrl });
    }
    if (errors.length > 0) throw invalid(errors);
    return planned;
  }

  private async insertTargets(
    tx: Executor,
    postId: string,
    planned: PlannedTarget[],
    status: TargetStatus,
    when: Date | null,
  ) {
    const rows = await tx
      .insert(socialTargets)
      .values(
        planned.map((target) => ({
          postId,
          accountId: target.account.id,
          provider: target.account.provider,
          caption: target.caption,
          options: target.options,
          linkId: target.linkId,
          linkUrl: target.linkUrl,
          status,
          dueAt: status === 'scheduled' ? (when ?? new Date()) : null,
        })),
      )
      .returning({ id: socialTargets.id });
    const reasonCode =
      status === 'draft' ? 'draft_saved' : status === 'pending_approval' ? 'awaiting_approval' : 'scheduled';
    await tx
      .insert(socialTransitions)
      .values(
        rows.map((row) => ({ targetId: row.id, fromStatus: null, toStatus: status, step: 'compose', reasonCode })),
      );
  }

  private async enqueueAll(postId: string, when: Date | null): Promise<void> {
    const targets = await this.deps.db
      .select({ id: socialTargets.id })
      .from(socialTargets)
      .where(and(eq(socialTargets.postId, postId), eq(socialTargets.status, 'scheduled')));
    for (const target of targets) await this.deps.publisher.enqueue(target.id, when);
  }

  /** Team posts by editors wait for an owner or admin when the team asks for approval. */
  private async needsApproval(owner: Owner): Promise<boolean> {
    if (owner.kind !== 'team' || !owner.teamId || owner.role !== 'editor') return false;
    const [settings] = await this.deps.db
      .select()
      .from(socialTeamSettings)
      .where(eq(socialTeamSettings.teamId, owner.teamId));
    return settings?.requireApproval ?? false;
  }

  private async askApproval(owner: Owner, postId: string, authorId: string): Promise<void> {
    if (!owner.teamId) return;
    const author = await this.deps.people.getContact(authorId);
    for (const manager of await this.deps.teams.managerIdsOf(owner.teamId)) {
      await this.deps.notifications.notify(manager, 'social.approval_requested', {
        postId,
        authorName: author?.name ?? '—',
      });
    }
  }

  async load(owner: Owner, postId: string): Promise<PostRow> {
    const [post] = await this.deps.db.select().from(socialPosts).where(eq(socialPosts.id, postId));
    if (!post || post.ownerKey !== owner.key) throw new AppError('not_found');
    return post;
  }

  private async targetsOf(postId: string) {
    return this.deps.db.select().from(socialTargets).where(eq(socialTargets.postId, postId));
  }

  private async requireUntouched(postId: string, locale: Locale) {
    const targets = await this.targetsOf(postId);
    if (targets.some((target) => !untouched.includes(target.status)))
      throw refused(locale, 'conflict', 'post_not_editable');
    return targets;
  }

  /** Reschedule, edit or change mode, while nothing has reached a platform. */
  async update(owner: Owner, authorId: string, postId: string, patch: PostUpdate, locale: Locale): Promise<void> {
    const post = await this.load(owner, postId);
    if (post.status === 'rejected') throw refused(locale, 'conflict', 'post_not_editable');
    const current = await this.requireUntouched(postId, locale);
    const mode = patch.mode ?? (post.status === 'draft' ? 'draft' : post.scheduledAt ? 'schedule' : 'now');
    const scheduledAt = patch.scheduledAt ?? (mode === 'schedule' ? post.scheduledAt?.toISOString() : undefined);
    const when = this.when(mode, scheduledAt, locale);
    const media = patch.media ?? post.media;
    const targets =
      patch.targets ??
      current.map((target) => ({ accountId: target.accountId, caption: target.caption, options: target.options }));
    const planned = await this.plan(
      owner,
      authorId,
      { linkId: post.linkId ?? undefined, productId: post.productId ?? undefined, media, mode, targets },
      locale,
    );
    const approval = mode !== 'draft' && (await this.needsApproval(owner));
    const status: PostStatus = mode === 'draft' ? 'draft' : approval ? 'pending_approval' : 'scheduled';
    await this.deps.db.transaction(async (tx) => {
      // A draft that goes out counts now; rescheduling a counted post does not count again.
      if (post.status === 'draft' && status !== 'draft' && owner.kind === 'team' && owner.teamId) {
        await this.deps.postQuota?.consume(tx, owner.teamId, locale);
      }
      await tx
        .update(socialPosts)
        .set({
          status,
          media,
          scheduledAt: when,
          approvalRequired: approval,
          decidedBy: null,
          decidedAt: null,
          updatedAt: new Date(),
        })
        .where(eq(socialPosts.id, postId));
      // Targets are rebuilt: any job still queued for an old one finds nothing and stops.
      await tx.delete(socialTargets).where(eq(socialTargets.postId, postId));
      await this.insertTargets(
        tx,
        postId,
        planned,
        status === 'scheduled' ? 'scheduled' : status === 'draft' ? 'draft' : 'pending_approval',
        when,
      );
    });
    if (status === 'scheduled') await this.enqueueAll(postId, when);
    if (status === 'pending_approval') await this.askApproval(owner, postId, authorId);
  }

  async approve(owner: Owner, deciderId: string, postId: string, locale: Locale): Promise<void> {
    const post = await this.load(owner, postId);
    if (post.status !== 'pending_approval') throw refused(locale, 'conflict', 'approval_not_pending');
    const late = post.scheduledAt && post.scheduledAt.getTime() < Date.now();
    const when = late ? null : post.scheduledAt;
    const decider = await this.deps.people.getContact(deciderId);
    await this.decide(post, deciderId, 'scheduled', 'scheduled', 'approved', decider?.name ?? '—', when, null);
    await this.enqueueAll(postId, when);
  }

  async reject(owner: Owner, deciderId: string, postId: string, reason: string, locale: Locale): Promise<void> {
    const post = await this.load(owner, postId);
    if (post.status !== 'pending_approval') throw refused(locale, 'conflict', 'approval_not_pending');
    await this.decide(post, deciderId, 'rejected', 'cancelled', 'rejected', reason, null, reason);
  }

  private async decide(
    post: PostRow,
    deciderId: string,
    status: PostStatus,
    targetStatus: TargetStatus,
    reasonCode: string,
    detail: string,
    when: Date | null,
    reason: string | null,
  ) {
    await this.deps.db.transaction(async (tx) => {
      await tx
        .update(socialPosts)
        .set({ status, decidedBy: deciderId, decidedAt: new Date(), decisionReason: reason, updatedAt: new Date() })
        .where(eq(socialPosts.id, post.id));
      const targets = await tx
        .update(socialTargets)
        .set({
          status: targetStatus,
          dueAt: targetStatus === 'scheduled' ? (when ?? new Date()) : null,
          updatedAt: new Date(),
        })
        .where(eq(socialTargets.postId, post.id))
        .returning({ id: socialTargets.id });
      await tx.insert(socialTransitions).values(
        targets.map((target) => ({
          targetId: target.id,
          fromStatus: 'pending_approval' as const,
          toStatus: targetStatus,
          step: 'approval',
          reasonCode,
          detail,
        })),
      );
    });
  }

  /** Only a failed target: failures never mean "maybe published" (those are unconfirmed). */
  async retry(owner: Owner, userId: string, postId: string, targetId: string, locale: Locale): Promise<void> {
    await this.load(owner, postId);
    const [target] = await this.deps.db
      .select()
      .from(socialTargets)
      .where(and(eq(socialTargets.id, targetId), eq(socialTargets.postId, postId)));
    if (!target) throw new AppError('not_found');
    if (target.status !== 'failed') throw refused(locale, 'conflict', 'not_retryable');
    const person = await this.deps.people.getContact(userId);
    const restarted = await this.deps.publisher.change(target, {
      to: 'scheduled',
      step: 'retry',
      reasonCode: 'retried',
      detail: person?.name ?? '—',
      set: {
        stage: 'create',
        pendingData: null,
        attempts: 0,
        checks: 0,
        errorCode: null,
        errorKind: null,
        errorDetail: null,
        dueAt: new Date(),
      },
    });
    await this.deps.db
      .update(socialPosts)
      .set({ status: 'publishing', updatedAt: new Date() })
      .where(and(eq(socialPosts.id, postId), inArray(socialPosts.status, ['failed', 'partially_published'])));
    if (restarted) await this.deps.publisher.enqueue(target.id, null);
  }

  async remove(owner: Owner, postId: string, locale: Locale): Promise<void> {
    await this.load(owner, postId);
    await this.requireUntouched(postId, locale);
    await this.deps.db.delete(socialPosts).where(eq(socialPosts.id, postId));
  }
}
