import { QueueName } from '@souk/contracts/jobs';
import type { ErrorKind, MediaInput, TargetStatus } from '@souk/contracts/social';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { AccountRow, AccountService } from './account-service.ts';
import type { KeyedLimiter } from './keyed-limiter.ts';
import { type CheckResult, ProviderError, type PublishRequest, type SocialProviderAdapter } from './providers/types.ts';
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
  /**
   * Transitions passed through on the way to `to` (stored before it, in order, by the same
   * statement): a step whose outcome was known at once is not written on its own.
   */
  through?: { to: TargetStatus; step: string; reasonCode: string }[];
  /** The target ends here: the post's status follows in the same statement (see `change`). */
  settlesPost?: boolean;
}

interface Loaded {
  target: TargetRow;
  account: AccountRow;
  media: MediaInput[];
}

interface Publication {
  target: TargetRow;
  externalId: string;
  url: string | null;
  at: Date;
  resolve(): void;
  reject(error: unknown): void;
}

const liveStatuses: TargetStatus[] = ['scheduled', 'publishing', 'waiting_for_platform'];

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
  /** Publications waiting for the one being written (see `published`). */
  private publications: Publication[] = [];
  private writingPublications = false;

  constructor(private readonly deps: PublisherDeps) {}

  async enqueue(targetId: string, at: Date | null): Promise<void> {
    await this.deps.queue.enqueue(QueueName.SocialPublish, { targetId }, at ? { startAfter: at } : {});
  }

  /** One job: moves the target as far as it can go now. Duplicate or early jobs change nothing. */
  async run(targetId: string): Promise<void> {
    await this.runBatch([targetId]);
  }

  /**
   * A batch of jobs (one fetch of the publish queue): the targets are loaded in one statement
   * and those at the start of their pipeline are claimed together (one conditional update and
   * their transitions), then each goes on by itself under the provider and account caps.
   * Duplicate, early or stale ids change nothing.
   */
  async runBatch(targetIds: string[]): Promise<void> {
    const ids = [...new Set(targetIds)];
    if (ids.length === 0) return;
    const rows = await this.deps.db
      .select({ target: socialTargets, account: socialAccounts, media: socialPosts.media })
      .from(socialTargets)
      .innerJoin(socialAccounts, eq(socialAccounts.id, socialTargets.accountId))
      .innerJoin(socialPosts, eq(socialPosts.id, socialTargets.postId))
      .where(inArray(socialTargets.id, ids));
    const runnable: Loaded[] = [];
    for (const row of rows) {
      const { target, account } = row;
      if (!liveStatuses.includes(target.status)) continue;
      if (target.stage.endsWith(':inflight') || target.stage === 'done') continue;
      if (target.dueAt && target.dueAt.getTime() > Date.now() + 1000) continue;
      if (account.disconnectedAt || account.reconnectNeeded) {
        await this.fail(target, 'disconnect', 'reconnect_needed', account.healthReason);
        continue;
      }
      runnable.push(row);
    }
    // A live quota is a call to the platform, whose failures the pipeline handles: those targets
    // check and claim one by one in `advance`, like the later steps.
    const claimable = runnable.filter((row) => row.target.stage === 'create' && !this.providerOf(row).quota);
    const claimed = await this.claimCreates(claimable);
    const claimedHere = new Set(claimable.map((row) => row.target.id));
    const outcomes = await Promise.allSettled(
      runnable.map(async ({ target, account, media }) => {
        const ready = claimedHere.has(target.id) ? claimed.get(target.id) : target;
        // A target not claimed here: over its quota (deferred) or taken by another job.
        if (!ready) return;
        const provider = this.deps.accounts.provider(account.provider);
        await this.deps.limiter.run([`provider:${account.provider}`, `account:${account.id}`], () =>
          this.advance(ready, account, provider, media),
        );
      }),
    );
    // Every target had its chance before a failure (a bug, the database) fails the batch.
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /**
   * The quota check (counted here, no call to the platform), then one claim for every target of
   * the batch still at `create`: the stage moves to `create:inflight` with its transition, in
   * one statement. Returns the claimed targets.
   */
  private async claimCreates(rows: Loaded[]): Promise<Map<string, TargetRow>> {
    const claimed = new Map<string, TargetRow>();
    if (rows.length === 0) return claimed;
    await this.countUsage(rows.map((row) => row.account.id));
    const allowed: Loaded[] = [];
    for (const row of rows) {
      if (!(await this.deferForQuota(row.target, row.account, this.providerOf(row), null))) allowed.push(row);
    }
    if (allowed.length === 0) return claimed;
    const now = new Date();
    const values = sql.join(
      allowed.map((row) => sql`(${row.target.id}::uuid, ${row.target.status})`),
      sql`, `,
    );
    const result = await this.deps.db.execute(sql`
      with claimed as (
        update social_targets as t
        set status = 'publishing', stage = 'create:inflight', claimed_at = ${now.toISOString()}::timestamptz,
          attempts = t.attempts + 1, updated_at = ${now.toISOString()}::timestamptz
        from (values ${values}) as v(id, from_status)
        where t.id = v.id and t.stage = 'create'
        returning t.id, v.from_status
      )
      insert into social_transitions (target_id, from_status, to_status, step, reason_code)
      select id, from_status, 'publishing', 'create', 'publishing' from claimed
      returning target_id`);
    const won = new Set(rowsOf<{ target_id: string }>(result).map((row) => row.target_id));
    for (const { target } of allowed) {
      if (!won.has(target.id)) continue;
      claimed.set(target.id, {
        ...target,
        status: 'publishing',
        stage: 'create:inflight',
        claimedAt: now,
        attempts: target.attempts + 1,
        updatedAt: now,
      });
    }
    return claimed;
  }

  private providerOf(row: Loaded): SocialProviderAdapter {
    return this.deps.accounts.provider(row.account.provider);
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
    /** The first status check, made right after create: its answer (or its error) for the check stage. */
    let firstCheck: { result: CheckResult } | { error: unknown } | null = null;
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
        if (stage === 'create' || stage === 'create:inflight') {
          // `create:inflight` here: claimed by this job already (runBatch claims a batch at once).
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
          }
          const result = await provider.create(request);
          if (result.kind === 'published') {
            await this.published(target, result.externalId, result.url);
            return;
          }
          // The first status check follows at once (it is read-only). When the platform is ready,
          // the wait and the finalize claim are one write (both transitions stored), not two.
          try {
            firstCheck = { result: await provider.check(request, result.pending) };
          } catch (error) {
            firstCheck = { error };
          }
          if ('result' in firstCheck && firstCheck.result.kind === 'ready') {
            const pendingData = { ...result.pending, ...firstCheck.result.pending };
            const claimed = await this.change(target, {
              to: 'publishing',
              step: 'finalize',
              reasonCode: 'publishing',
              whenStage: 'create:inflight',
              through: [{ to: 'waiting_for_platform', step: 'create', reasonCode: 'waiting_for_platform' }],
              set: { stage: 'finalize:inflight', claimedAt: new Date(), pendingData, checks: 0 },
            });
            if (!claimed) return;
            target = claimed;
            const published = await provider.finalize(request, pendingData);
            await this.published(target, published.externalId, published.url);
            return;
          }
          target = (await this.change(target, {
            to: 'waiting_for_platform',
            step: 'create',
            reasonCode: 'waiting_for_platform',
            set: { stage: 'check', claimedAt: null, pendingData: result.pending, checks: 0 },
          })) as TargetRow;
        } else if (stage === 'check') {
          const known = firstCheck;
          firstCheck = null;
          if (known && 'error' in known) throw known.error;
          const result = known ? known.result : await provider.check(request, target.pendingData ?? {});
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
    /** Needed for a live quota (a call to the platform). */
    request: PublishRequest | null,
  ): Promise<boolean> {
    const limit = provider.rules.dailyPostLimit;
    if (limit === null) return false;
    let used: number;
    let max = limit;
    if (provider.quota && request) {
      const live = await provider.quota(request.account);
      used = live.used;
      max = live.limit;
    } else {
      used = await this.usedToday(account.id);
    }
    if (used < max) {
      // Counted when claimed, not when published: the targets in flight count too.
      if (!provider.quota) {
        const known = this.usage.get(account.id);
        if (known) known.used++;
      }
      return false;
    }
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
    await this.countUsage([accountId]);
    return this.usage.get(accountId)?.used ?? 0;
  }

  /** Counts, in one query, the accounts whose count is missing or too old. */
  private async countUsage(accountIds: string[]): Promise<void> {
    const now = Date.now();
    const stale = [...new Set(accountIds)].filter(
      (id) => (this.usage.get(id)?.countedAt ?? 0) <= now - usageLifetimeMs,
    );
    if (stale.length === 0) return;
    const counted = await this.deps.accounts.usedToday(stale);
    for (const id of stale) this.usage.set(id, { used: counted.get(id) ?? 0, countedAt: Date.now() });
  }

  /**
   * Stores a publication. Publications arriving while one is being written wait for it and are
   * then written together (one statement for the targets, their transitions and their posts'
   * statuses): under a burst, the single embedded connection is not spent once per post.
   */
  private published(target: TargetRow, externalId: string, url: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.publications.push({ target, externalId, url, at: new Date(), resolve, reject });
      if (!this.writingPublications) void this.writePublications();
    });
  }

  private async writePublications(): Promise<void> {
    this.writingPublications = true;
    try {
      while (this.publications.length > 0) {
        const group = this.publications.splice(0, 200);
        try {
          await this.storePublications(group);
          for (const one of group) one.resolve();
        } catch (error) {
          for (const one of group) one.reject(error);
        }
      }
    } finally {
      this.writingPublications = false;
    }
  }

  private async storePublications(group: Publication[]): Promise<void> {
    const values = sql.join(
      group.map(
        ({ target, externalId, url, at }) =>
          sql`(${target.id}::uuid, ${target.postId}::uuid, ${target.status}::text, ${target.stage.replace(':inflight', '')}::text, ${externalId}::text, ${url}::text, ${at.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    // Unconditional, like every end of a claimed step. A post's status is settled here when none
    // of its other targets is still live as this statement sees them; otherwise it is worked out
    // again once the write is in (two connections may finish two targets of one post at once).
    const result = await this.deps.db.execute(sql`
      with v (id, post_id, from_status, step, external_id, external_url, published_at) as (values ${values}),
      updated as (
        update social_targets as t
        set status = 'published', stage = 'done', claimed_at = null, external_id = v.external_id,
          external_url = v.external_url, published_at = v.published_at, error_code = null, error_kind = null,
          error_detail = null, updated_at = v.published_at
        from v where t.id = v.id
        returning t.id
      ),
      moved as (
        insert into social_transitions (target_id, from_status, to_status, step, reason_code)
        select v.id, v.from_status, 'published', v.step, 'published' from v join updated on updated.id = v.id
        returning target_id
      ),
      agg as (
        select st.post_id,
          count(*) filter (where u.id is not null or st.status <> 'cancelled') as total,
          count(*) filter (where u.id is not null or st.status = 'published') as published,
          count(*) filter (
            where u.id is null and st.status in ('scheduled', 'publishing', 'waiting_for_platform')
          ) as live
        from social_targets as st left join updated as u on u.id = st.id
        where st.post_id in (select post_id from v)
        group by st.post_id
      ),
      settled as (
        update social_posts as p set status = case
          when agg.published = agg.total then 'published'
          when agg.published > 0 then 'partially_published'
          else 'failed' end,
          updated_at = now()
        from agg
        where p.id = agg.post_id and agg.total > 0 and agg.live = 0 and p.status in ('scheduled', 'publishing')
        returning p.id
      )
      select agg.post_id::text as post_id from agg
      where agg.live > 0 or agg.post_id not in (select id from settled)`);
    // Posts this statement could not settle (another target still live as it saw them, or the
    // post's row changed under it on another connection) are worked out again from what is
    // committed now.
    for (const row of rowsOf<{ post_id: string }>(result)) await this.refreshPostStatus(row.post_id);
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
      settlesPost: true,
      set: { ...extra, errorCode: code, errorKind: kind, errorDetail: detail?.slice(0, 2000) ?? null },
    });
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
      settlesPost: true,
      set: { stage: 'unconfirmed', errorCode: code, errorKind: 'retry', errorDetail: detail?.slice(0, 2000) ?? null },
    });
    if (marked)
      await this.deps
        .onTrouble(marked, code)
        .catch((error) => this.deps.logger.warn({ err: error }, 'unconfirmed notice not sent'));
  }

  /**
   * Updates the target and stores its transitions in one statement; null when a claim was lost.
   * With `settlesPost`, the post's status follows in the same statement when no other target of
   * the post is still live (as that statement sees them); otherwise it is worked out again once
   * this write is in, so two targets of one post ending at the same moment on two connections
   * still leave the right status.
   */
  async change(target: TargetRow, change: Change): Promise<TargetRow | null> {
    const condition = change.whenStage
      ? and(eq(socialTargets.id, target.id), eq(socialTargets.stage, change.whenStage))
      : eq(socialTargets.id, target.id);
    const now = new Date();
    const set = { ...change.set, status: change.to, updatedAt: now };
    const steps = [...(change.through ?? []), { to: change.to, step: change.step, reasonCode: change.reasonCode }];
    const moves = sql.join(
      steps.map((move, index) => {
        const from = index === 0 ? target.status : (steps[index - 1]?.to ?? null);
        const detail = index === steps.length - 1 ? (change.detail?.slice(0, 2000) ?? null) : null;
        return sql`(${index}::int, ${from}::text, ${move.to}::text, ${move.step}::text, ${move.reasonCode}::text, ${detail}::text)`;
      }),
      sql`, `,
    );
    // One statement (data-modifying CTEs): the update and its transitions land together, and a
    // lost claim inserts nothing. One round trip matters on the embedded database.
    const update = this.deps.db.update(socialTargets).set(set).where(condition).returning({ id: socialTargets.id });
    const post = change.settlesPost
      ? sql`,
      others as (
        select count(*) filter (where status in ('scheduled', 'publishing', 'waiting_for_platform'))::int as live
        from social_targets where post_id = ${target.postId} and id <> ${target.id}
      ),
      settled as (
        update social_posts set status = case
          when agg.published = agg.total then 'published'
          when agg.published > 0 then 'partially_published'
          else 'failed' end,
          updated_at = now()
        from (
          select count(*) as total, count(*) filter (where s = 'published') as published
          from (
            select case when id = ${target.id} then ${change.to}::text else status end as s
            from social_targets where post_id = ${target.postId}
          ) as mine
          where s <> 'cancelled'
        ) as agg
        where social_posts.id = ${target.postId} and agg.total > 0
          and social_posts.status in ('scheduled', 'publishing')
          and exists (select 1 from updated) and (select live from others) = 0
          and ${change.to}::text not in ('scheduled', 'publishing', 'waiting_for_platform')
        returning social_posts.id
      )`
      : sql``;
    const result = await this.deps.db.execute(sql`
      with updated as (${update.getSQL()}),
      moved as (
        insert into social_transitions (target_id, from_status, to_status, step, reason_code, detail)
        select updated.id, m.from_status, m.to_status, m.step, m.reason_code, m.detail
        from updated cross join (values ${moves}) as m(ord, from_status, to_status, step, reason_code, detail)
        order by m.ord
        returning target_id
      )${post}
      select (select count(*) from moved)::int as moved${change.settlesPost ? sql`, (select live from others) as others_live` : sql``}`);
    const [row] = rowsOf<{ moved: number; others_live?: number }>(result);
    if (!row || Number(row.moved) === 0) return null;
    if (change.settlesPost && Number(row.others_live) > 0) await this.refreshPostStatus(target.postId);
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

/** The rows of a raw statement, whichever driver ran it (PGlite and node-postgres both answer `rows`). */
function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown[] }).rows ?? result;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
