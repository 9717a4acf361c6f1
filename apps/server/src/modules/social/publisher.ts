import { QueueName } from '@souk/contracts/jobs';
import type { ErrorKind, MediaInput, TargetStatus } from '@souk/contracts/social';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { AccountRow, AccountService } from './account-service.ts';
import type { KeyedLimiter } from './keyed-limiter.ts';
import { ProviderError, type PublishRequest, type SocialProviderAdapter } from './providers/types.ts';
import { socialAccounts, socialPosts, socialTargets, socialTransitions } from './schema.ts';

export type TargetRow = typeof socialTargets.$inferSelect;

const maxAttempts = 6;
const maxChecks = 120;
/** A claimed mutating step older than this was interrupted (the process died mid-call). */
const inflightGraceMs = 10 * 60_000;
/** A scheduled target this late with nothing running is picked up again by the sweep. */
const lateAfterMs = 2 * 60_000;
const usageLifetimeMs = 5_000;

export interface PublisherDeps {
  db: Database;
  queue: Pick<JobQueue, 'enqueue'>;
  accounts: AccountService;
  limiter: KeyedLimiter;
  logger: { warn(details: object, message: string): void };
  /** Tells the author a target ended badly (failed or unconfirmed). */
  onTrouble(target: TargetRow, reasonCode: string): Promise<void>;
}

interface Change {
  to: TargetStatus;
  step: string;
  reasonCode: string;
  detail?: string | null;
  set?: Partial<typeof socialTargets.$inferInsert>;
  /** Only when the target still is in this stage (a claim); null: unconditionally. */
  whenStage?: string;
}

function backoffMs(attempt: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** attempt);
}

/**
 * The publishing pipeline, one chain per (post, account): create -> check -> finalize. A step
 * that mutates the platform is claimed in the database before the call (`<stage>:inflight`),
 * so it runs at most once; when its outcome is unknown the target becomes `unconfirmed` and is
 * never retried automatically. Read-only steps retry with backoff. Every change is a stored
 * transition.
 */
export class Publisher {
  private readonly usage = new Map<string, { used: number; countedAt: number }>();

  constructor(private readonly deps: PublisherDeps) {}

  async enqueue(targetId: string, at: Date | null): Promise<void> {
    await this.deps.queue.enqueue(QueueName.SocialPublish, { targetId }, at ? { startAfter: at } : {});
  }

  /** One job: moves the target as far as it can go now. Duplicate or early jobs change nothing. */
  async run(targetId: string): Promise<void> {
    const [found] = await this.deps.db
      .select({ target: socialTargets, account: socialAccounts, media: socialPosts.media })
      .from(socialTargets)
      .innerJoin(socialAccounts, eq(socialAccounts.id, socialTargets.accountId))
      .innerJoin(socialPosts, eq(socialPosts.id, socialTargets.postId))
      .where(eq(socialTargets.id, targetId));
    if (!found) return;
    const { target, account, media } = found;
    if (!['scheduled', 'publishing', 'waiting_for_platform'].includes(target.status)) return;
    if (target.stage.endsWith(':inflight') || target.stage === 'done') return;
    if (target.dueAt && target.dueAt.getTime() > Date.now() + 1000) return;
    if (account.disconnectedAt || account.reconnectNeeded) {
      await this.fail(target, 'disconnect', 'reconnect_needed', account.healthReason);
      return;
    }
    const provider = this.deps.accounts.provider(account.provider);
    await this.deps.limiter.run([`provider:${account.provider}`, `account:${account.id}`], () =>
      this.advance(target, account, provider, media),
    );
  }

  private async advance(
    initial: TargetRow,
    initialAccount: AccountRow,
    provider: SocialProviderAdapter,
    media: MediaInput[],
  ): Promise<void> {
    let target = initial;
    let account = initialAccount;
    let refreshed = false;
    // create, check, finalize: at most those three, plus one repeat after a token refresh.
    for (let step = 0; step < 5; step++) {
      const stage = target.stage;
      const request: PublishRequest = {
        account: this.deps.accounts.credentials(account),
        caption: target.caption,
        media,
        linkUrl: target.linkUrl,
        options: target.options,
        clientRef: target.id,
      };
      try {
        if (stage === 'create') {
          if (await this.deferForQuota(target, account, provider, request)) return;
          const claimed = await this.change(target, {
            to: 'publishing',
            step: 'create',
            reasonCode: 'publishing',
            whenStage: 'create',
            set: { stage: 'create:inflight', claimedAt: new Date(), attempts: target.attempts + 1 },
          });
          if (!claimed) return;
          target = claimed;
          const result = await provider.create(request);
          if (result.kind === 'published') {
            await this.published(target, result.externalId, result.url);
            return;
          }
          target = (await this.change(target, {
            to: 'waiting_for_platform',
            step: 'create',
            reasonCode: 'waiting_for_platform',
            set: { stage: 'check', claimedAt: null, pendingData: result.pending, checks: 0 },
          })) as TargetRow;
        } else if (stage === 'check') {
          const result = await provider.check(request, target.pendingData ?? {});
          if (result.kind === 'published') {
            await this.published(target, result.externalId, result.url);
            return;
          }
          if (result.kind === 'failed') {
            await this.fail(target, 'bad-body', result.code, result.detail);
            return;
          }
          if (result.kind === 'in_progress') {
            if (target.checks + 1 >= maxChecks) {
              await this.fail(target, 'retry', 'checks_exhausted', null);
              return;
            }
            const dueAt = new Date(Date.now() + (result.retryAfterMs ?? 5_000));
            await this.deps.db
              .update(socialTargets)
              .set({ checks: target.checks + 1, dueAt, updatedAt: new Date() })
              .where(eq(socialTargets.id, target.id));
            await this.enqueue(target.id, dueAt);
            return;
          }
          // Ready: the finalize claim is taken straight from the check stage (one write, not two).
          target = { ...target, pendingData: { ...target.pendingData, ...result.pending } };
          if (!(await this.claimFinalize(target, 'check'))) return;
          target = { ...target, stage: 'finalize:inflight' };
          const published = await provider.finalize(request, target.pendingData ?? {});
          await this.published(target, published.externalId, published.url);
          return;
        } else if (stage === 'finalize') {
          const claimed = await this.claimFinalize(target, 'finalize');
          if (!claimed) return;
          target = claimed;
          const result = await provider.finalize(request, target.pendingData ?? {});
          await this.published(target, result.externalId, result.url);
          return;
        } else {
          return;
        }
      } catch (error) {
        const failure =
          error instanceof ProviderError
            ? error
            : // A bug or a database failure: on a claimed mutation the sweep decides later (unconfirmed).
              null;
        if (!failure) throw error;
        // The step that failed, from the target as it stands (a finalize may follow a check).
        const step = target.stage.replace(':inflight', '');
        const mutating =
          target.stage === 'finalize:inflight' || (target.stage === 'create:inflight' && provider.createMutates);
        const outcome = await this.handleFailure(target, account, step, mutating, failure, refreshed);
        if (outcome === 'stop') return;
        refreshed = true;
        account = outcome.account;
        target = outcome.target;
      }
    }
  }

  private claimFinalize(target: TargetRow, from: 'check' | 'finalize'): Promise<TargetRow | null> {
    return this.change(target, {
      to: 'publishing',
      step: 'finalize',
      reasonCode: 'publishing',
      whenStage: from,
      set: { stage: 'finalize:inflight', claimedAt: new Date(), pendingData: target.pendingData },
    });
  }

  private async handleFailure(
    target: TargetRow,
    account: AccountRow,
    stage: string,
    mutating: boolean,
    failure: ProviderError,
    alreadyRefreshed: boolean,
  ): Promise<'stop' | { account: AccountRow; target: TargetRow }> {
    const released = { stage, claimedAt: null } as const;
    if (failure.kind === 'refresh-token' && !alreadyRefreshed) {
      let renewed: AccountRow;
      try {
        renewed = await this.deps.accounts.refresh(account);
      } catch (error) {
        await this.fail(target, 'disconnect', 'reconnect_needed', (error as Error).message, released);
        return 'stop';
      }
      // The platform refused the call (401): nothing happened, the step can be repeated.
      const next = await this.change(target, {
        to: target.status,
        step: stage,
        reasonCode: 'token_refreshed',
        detail: failure.message,
        set: released,
      });
      return { account: renewed, target: next as TargetRow };
    }
    if (failure.kind === 'refresh-token' || failure.kind === 'disconnect') {
      await this.deps.accounts.flagReconnect(account, failure.message);
      await this.fail(target, 'disconnect', failure.code, failure.message, released);
      return 'stop';
    }
    if (failure.kind === 'retry') {
      if (mutating && failure.ambiguous) {
        await this.unconfirmed(
          target,
          failure.code === 'timeout' ? 'unconfirmed_timeout' : 'unconfirmed_interrupted',
          failure.message,
        );
        return 'stop';
      }
      const attempts = stage === 'check' ? target.checks : target.attempts;
      if (attempts >= maxAttempts) {
        await this.fail(target, 'retry', failure.code, failure.message, released);
        return 'stop';
      }
      const dueAt = new Date(Date.now() + (failure.options.retryAfterMs ?? backoffMs(attempts)));
      await this.change(target, {
        to: stage === 'check' ? 'waiting_for_platform' : 'scheduled',
        step: stage,
        reasonCode: failure.code === 'rate_limited' ? 'rate_limited' : 'platform_unavailable',
        detail: `${dueAt.toISOString()} ${failure.message}`,
        set: { ...released, dueAt, ...(stage === 'check' ? { checks: target.checks + 1 } : {}) },
      });
      await this.enqueue(target.id, dueAt);
      return 'stop';
    }
    await this.fail(target, 'bad-body', failure.code, failure.message, released);
    return 'stop';
  }

  /** Instagram reads its live rolling quota; the others count their last 24 hours here. */
  private async deferForQuota(
    target: TargetRow,
    account: AccountRow,
    provider: SocialProviderAdapter,
    request: PublishRequest,
  ): Promise<boolean> {
    const limit = provider.rules.dailyPostLimit;
    if (limit === null) return false;
    let used: number;
    let max = limit;
    if (provider.quota) {
      const live = await provider.quota(request.account);
      used = live.used;
      max = live.limit;
    } else {
      used = await this.usedToday(account.id);
    }
    if (used < max) return false;
    const dueAt = new Date(Date.now() + 3600_000);
    await this.change(target, {
      to: 'scheduled',
      step: 'create',
      reasonCode: 'quota_reached',
      detail: dueAt.toISOString(),
      set: { dueAt },
    });
    await this.enqueue(target.id, dueAt);
    return true;
  }

  /**
   * The account's publications of the last 24 h, counted in the database at most every few
   * seconds and counted up here in between: a burst of due posts does not count the same rows
   * once per post. Per process, so the quota is approximate across nodes (the platform enforces
   * its own).
   */
  private async usedToday(accountId: string): Promise<number> {
    const known = this.usage.get(accountId);
    if (known && known.countedAt > Date.now() - usageLifetimeMs) return known.used;
    const used = (await this.deps.accounts.usedToday([accountId])).get(accountId) ?? 0;
    this.usage.set(accountId, { used, countedAt: Date.now() });
    return used;
  }

  private async published(target: TargetRow, externalId: string, url: string | null): Promise<void> {
    const known = this.usage.get(target.accountId);
    if (known) known.used++;
    await this.change(target, {
      to: 'published',
      step: target.stage.replace(':inflight', ''),
      reasonCode: 'published',
      set: {
        stage: 'done',
        claimedAt: null,
        externalId,
        externalUrl: url,
        publishedAt: new Date(),
        errorCode: null,
        errorKind: null,
        errorDetail: null,
      },
    });
    await this.refreshPostStatus(target.postId);
  }

  private async fail(
    target: TargetRow,
    kind: ErrorKind,
    code: string,
    detail: string | null,
    extra: Partial<typeof socialTargets.$inferInsert> = {},
  ): Promise<void> {
    const failed = await this.change(target, {
      to: 'failed',
      step: target.stage.replace(':inflight', ''),
      reasonCode: code,
      detail,
      set: { ...extra, errorCode: code, errorKind: kind, errorDetail: detail?.slice(0, 2000) ?? null },
    });
    await this.refreshPostStatus(target.postId);
    if (failed)
      await this.deps
        .onTrouble(failed, code)
        .catch((error) => this.deps.logger.warn({ err: error }, 'failure notice not sent'));
  }

  private async unconfirmed(target: TargetRow, code: string, detail: string | null): Promise<void> {
    const marked = await this.change(target, {
      to: 'unconfirmed',
      step: target.stage.replace(':inflight', ''),
      reasonCode: code,
      detail,
      set: { stage: 'unconfirmed', errorCode: code, errorKind: 'retry', errorDetail: detail?.slice(0, 2000) ?? null },
    });
    await this.refreshPostStatus(target.postId);
    if (marked)
      await this.deps
        .onTrouble(marked, code)
        .catch((error) => this.deps.logger.warn({ err: error }, 'unconfirmed notice not sent'));
  }

  /** Updates the target and stores the transition in one statement; null when a claim was lost. */
  async change(target: TargetRow, change: Change): Promise<TargetRow | null> {
    const condition = change.whenStage
      ? and(eq(socialTargets.id, target.id), eq(socialTargets.stage, change.whenStage))
      : eq(socialTargets.id, target.id);
    const now = new Date();
    const set = { ...change.set, status: change.to, updatedAt: now };
    // One statement (a data-modifying CTE): the update and its transition land together, and a
    // lost claim inserts nothing. One round trip matters on the embedded database.
    const update = this.deps.db.update(socialTargets).set(set).where(condition).returning({ id: socialTargets.id });
    const result = await this.deps.db.execute(sql`
      with updated as (${update.getSQL()})
      insert into social_transitions (target_id, from_status, to_status, step, reason_code, detail)
      select id, ${target.status}, ${change.to}, ${change.step}, ${change.reasonCode}, ${change.detail?.slice(0, 2000) ?? null}
      from updated
      returning target_id`);
    const rows = (result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
    if (!Array.isArray(rows) || rows.length === 0) return null;
    return { ...target, ...set } as TargetRow;
  }

  /** The post's status follows its targets: all out, some out, none out, or still going. */
  async refreshPostStatus(postId: string): Promise<void> {
    await this.deps.db.execute(sql`
      update social_posts set status = case
        when agg.live > 0 then 'publishing'
        when agg.published = agg.total then 'published'
        when agg.published > 0 then 'partially_published'
        else 'failed' end,
        updated_at = now()
      from (
        select count(*) as total,
          count(*) filter (where status = 'published') as published,
          count(*) filter (where status in ('scheduled', 'publishing', 'waiting_for_platform')) as live
        from social_targets where post_id = ${postId} and status <> 'cancelled'
      ) as agg
      where social_posts.id = ${postId} and agg.total > 0 and social_posts.status in ('scheduled', 'publishing')`);
  }

  /**
   * The safety sweep: targets late past their time with no job running are enqueued again;
   * mutations claimed long ago and never answered are marked unconfirmed (never repeated).
   */
  async sweep(): Promise<{ requeued: number; unconfirmed: number }> {
    const now = Date.now();
    const interrupted = await this.deps.db
      .select()
      .from(socialTargets)
      .where(
        and(
          inArray(socialTargets.stage, ['create:inflight', 'finalize:inflight']),
          lt(socialTargets.claimedAt, new Date(now - inflightGraceMs)),
        ),
      )
      .limit(500);
    for (const target of interrupted) await this.unconfirmed(target, 'unconfirmed_interrupted', null);
    const late = await this.deps.db
      .select()
      .from(socialTargets)
      .where(
        and(
          inArray(socialTargets.status, ['scheduled', 'publishing', 'waiting_for_platform']),
          inArray(socialTargets.stage, ['create', 'check', 'finalize']),
          lt(socialTargets.dueAt, new Date(now - lateAfterMs)),
        ),
      )
      .limit(1000);
    for (const target of late) {
      await this.deps.db.insert(socialTransitions).values({
        targetId: target.id,
        fromStatus: target.status,
        toStatus: target.status,
        step: 'sweep',
        reasonCode: 'recovered_by_sweep',
      });
      await this.enqueue(target.id, null);
    }
    return { requeued: late.length, unconfirmed: interrupted.length };
  }
}
