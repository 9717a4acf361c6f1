import {
  type AffiliationRequestInput,
  type AffiliationRequestView,
  type AffiliationStatus,
  affiliationRequestInputSchema,
} from '@souk/contracts/affiliation';
import type { Commission } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PerformanceReader } from './performance.ts';
import type {
  ApprovedInfluencerQuota,
  AuditTrail,
  Notifier,
  PeopleDirectory,
  ProductDirectory,
  TeamDirectory,
} from './ports.ts';
import { refused } from './problems.ts';
import { affiliationLinks, affiliationRequests } from './schema.ts';
import type { SettingsService } from './settings-service.ts';
import type { Side } from './viewer-side.ts';

type RequestRow = typeof affiliationRequests.$inferSelect;

export interface RequestContext {
  actorId: string;
  locale: Locale;
  ip?: string | undefined;
}

export interface RequestServiceDeps {
  db: Database;
  products: ProductDirectory;
  teams: TeamDirectory;
  people: PeopleDirectory;
  audit: AuditTrail;
  notifications: Notifier;
  settings: SettingsService;
  performance: PerformanceReader;
  /** Tells every node to forget cached links (their codes) after an affiliation ends. */
  onLinksChanged(codes: string[]): Promise<void>;
  /** The plan's limit of approved influencers; absent, none applies. */
  influencerQuota?: ApprovedInfluencerQuota | undefined;
}

/**
 * Affiliation requests: an influencer asks to promote a published product; the merchant team
 * (owner, admin or editor) approves, with an optional commission override, or rejects with a
 * reason; a product can approve automatically; an approved affiliation can be ended.
 */
export class RequestService {
  constructor(private readonly deps: RequestServiceDeps) {}

  async request(
    influencerId: string,
    productId: string,
    input: AffiliationRequestInput,
    locale: Locale,
  ): Promise<AffiliationRequestView> {
    const parsed = affiliationRequestInputSchema.parse(input);
    const product = await this.deps.products.find(productId);
    if (!product) throw new AppError('not_found');
    if (product.status !== 'published') throw refused(locale, 'conflict', 'product_not_published');
    const influencer = await this.deps.people.getContact(influencerId);
    const wantsAutoApprove = (await this.deps.settings.product(productId))?.autoApprove ?? false;
    let rows: RequestRow[];
    try {
      rows = (await this.deps.db.transaction(async (tx) => {
        // Past the plan's approved-influencer limit, an automatic approval waits for a manager.
        const autoApprove =
          wantsAutoApprove && (await this.takeInfluencerUnit(tx, product.organizationId, influencerId, locale));
        const inserted = await tx
          .insert(affiliationRequests)
          .values({
            productId,
            organizationId: product.organizationId,
            influencerId,
            message: parsed.message,
            audience: parsed.audience,
            ...(autoApprove
              ? { status: 'approved' as const, autoApproved: true, decidedAt: new Date() }
              : { status: 'pending' as const }),
          })
          .returning();
        const created = inserted[0] as RequestRow;
        const recipients = await this.deps.teams.managerIdsOf(product.organizationId, tx);
        for (const recipient of recipients) {
          await this.deps.notifications.notify(
            recipient,
            'affiliation.requested',
            { requestId: created.id, productTitle: product.title, influencerName: influencer?.name ?? '—' },
            { executor: tx },
          );
        }
        if (autoApprove) {
          await this.deps.notifications.notify(
            influencerId,
            'affiliation.decided',
            { requestId: created.id, productTitle: product.title, approved: true },
            { executor: tx },
          );
        }
        return inserted;
      })) as RequestRow[];
    } catch (error) {
      if (isUniqueViolation(error)) throw refused(locale, 'conflict', 'request_exists');
      throw error;
    }
    return (await this.present(rows, 'influencer'))[0] as AffiliationRequestView;
  }

  async list(
    side: Side,
    filter: { status?: AffiliationStatus | undefined; productId?: string | undefined },
  ): Promise<AffiliationRequestView[]> {
    const conditions: SQL[] = [
      side.kind === 'merchant'
        ? eq(affiliationRequests.organizationId, side.organizationId)
        : eq(affiliationRequests.influencerId, side.influencerId),
    ];
    if (filter.status) conditions.push(eq(affiliationRequests.status, filter.status));
    if (filter.productId) conditions.push(eq(affiliationRequests.productId, filter.productId));
    const rows = await this.deps.db
      .select()
      .from(affiliationRequests)
      .where(and(...conditions))
      .orderBy(desc(affiliationRequests.createdAt))
      .limit(500);
    return this.present(rows, side.kind);
  }

  /** The request, if the caller may decide on it (owner, admin or editor of the product's team). */
  private async loadForDecision(requestId: string, actorId: string): Promise<RequestRow> {
    const [row] = await this.deps.db.select().from(affiliationRequests).where(eq(affiliationRequests.id, requestId));
    if (!row) throw new AppError('not_found');
    // Another team's request: 404, as if it did not exist.
    await this.deps.teams.requireRole(actorId, row.organizationId, 'editor');
    return row;
  }

  async approve(
    requestId: string,
    override: Commission | null | undefined,
    context: RequestContext,
  ): Promise<AffiliationRequestView> {
    const row = await this.loadForDecision(requestId, context.actorId);
    if (row.status !== 'pending') throw refused(context.locale, 'conflict', 'request_decided');
    return this.decide(row, { approved: true, override: override ?? null }, context);
  }

  async reject(requestId: string, reason: string, context: RequestContext): Promise<AffiliationRequestView> {
    const row = await this.loadForDecision(requestId, context.actorId);
    if (row.status !== 'pending') throw refused(context.locale, 'conflict', 'request_decided');
    return this.decide(row, { approved: false, reason }, context);
  }

  private async decide(
    row: RequestRow,
    decision: { approved: true; override: Commission | null } | { approved: false; reason: string },
    context: RequestContext,
  ): Promise<AffiliationRequestView> {
    const product = await this.deps.products.find(row.productId);
    const updated = await this.deps.db.transaction(async (tx) => {
      // A first approval of this influencer by the team takes a unit of the plan's quota.
      if (decision.approved && (await this.otherApprovals(tx, row)) === 0) {
        await this.deps.influencerQuota?.consume(tx, row.organizationId, context.locale);
      }
      // Only a still-pending request changes: two managers deciding at once, one wins.
      const [next] = await tx
        .update(affiliationRequests)
        .set({
          status: decision.approved ? 'approved' : 'rejected',
          commissionOverride: decision.approved ? decision.override : null,
          decisionReason: decision.approved ? null : decision.reason,
          decidedBy: context.actorId,
          decidedAt: new Date(),
        })
        .where(and(eq(affiliationRequests.id, row.id), eq(affiliationRequests.status, 'pending')))
        .returning();
      if (!next) throw refused(context.locale, 'conflict', 'request_decided');
      await this.deps.audit.record(
        {
          action: decision.approved ? 'affiliation_approved' : 'affiliation_rejected',
          actorId: context.actorId,
          targetId: row.influencerId,
          ipAddress: context.ip,
          details: {
            requestId: row.id,
            productId: row.productId,
            ...(decision.approved ? { commissionOverride: decision.override } : { reason: decision.reason }),
          },
        },
        tx,
      );
      await this.deps.notifications.notify(
        row.influencerId,
        'affiliation.decided',
        {
          requestId: row.id,
          productTitle: product?.title ?? '—',
          approved: decision.approved,
          ...(decision.approved ? {} : { reason: decision.reason }),
        },
        { executor: tx },
      );
      return next;
    });
    return (await this.present([updated], 'merchant'))[0] as AffiliationRequestView;
  }

  /** Ends an approved affiliation: its links stop redirecting and earning; history stays. */
  async end(requestId: string, reason: string | undefined, context: RequestContext): Promise<AffiliationRequestView> {
    const row = await this.loadForDecision(requestId, context.actorId);
    if (row.status !== 'approved') throw refused(context.locale, 'conflict', 'request_decided');
    const { updated, codes } = await this.deps.db.transaction(async (tx) => {
      const [next] = await tx
        .update(affiliationRequests)
        .set({ status: 'ended', decisionReason: reason ?? null, decidedBy: context.actorId, decidedAt: new Date() })
        .where(and(eq(affiliationRequests.id, row.id), eq(affiliationRequests.status, 'approved')))
        .returning();
      if (!next) throw refused(context.locale, 'conflict', 'request_decided');
      if ((await this.otherApprovals(tx, row)) === 0) {
        await this.deps.influencerQuota?.release(tx, row.organizationId);
      }
      const links = await tx
        .update(affiliationLinks)
        .set({ active: false })
        .where(eq(affiliationLinks.requestId, row.id))
        .returning({ code: affiliationLinks.code });
      await this.deps.audit.record(
        {
          action: 'affiliation_ended',
          actorId: context.actorId,
          targetId: row.influencerId,
          ipAddress: context.ip,
          details: { requestId: row.id, productId: row.productId, reason: reason ?? null },
        },
        tx,
      );
      return { updated: next, codes: links.map((link) => link.code) };
    });
    await this.deps.onLinksChanged(codes);
    return (await this.present([updated], 'merchant'))[0] as AffiliationRequestView;
  }

  /** Whether a unit could be taken (or none was needed: the team already works with them). */
  private async takeInfluencerUnit(
    executor: Executor,
    organizationId: string,
    influencerId: string,
    locale: Locale,
  ): Promise<boolean> {
    const others = await this.otherApprovals(executor, { organizationId, influencerId, id: null });
    if (others > 0 || !this.deps.influencerQuota) return true;
    try {
      await this.deps.influencerQuota.consume(executor, organizationId, locale);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'quota_exceeded') return false;
      throw error;
    }
  }

  /** The influencer's other approved affiliations with the same team. */
  private async otherApprovals(
    executor: Executor,
    row: { organizationId: string; influencerId: string; id: string | null },
  ): Promise<number> {
    const [found] = await executor
      .select({ count: sql<number>`count(*)::int` })
      .from(affiliationRequests)
      .where(
        and(
          eq(affiliationRequests.organizationId, row.organizationId),
          eq(affiliationRequests.influencerId, row.influencerId),
          eq(affiliationRequests.status, 'approved'),
          row.id ? sql`${affiliationRequests.id} <> ${row.id}` : sql`true`,
        ),
      );
    return found?.count ?? 0;
  }

  /** Influencers a team has approved (billing's approved-influencer gauge starts from it). */
  async approvedInfluencerCount(organizationId: string, executor: Executor = this.deps.db): Promise<number> {
    const [row] = await executor
      .select({ count: sql<number>`count(distinct ${affiliationRequests.influencerId})::int` })
      .from(affiliationRequests)
      .where(and(eq(affiliationRequests.organizationId, organizationId), eq(affiliationRequests.status, 'approved')));
    return row?.count ?? 0;
  }

  /** The approved affiliation of an influencer for a product, if any. */
  async approvedFor(influencerId: string, productId: string): Promise<RequestRow | null> {
    const [row] = await this.deps.db
      .select()
      .from(affiliationRequests)
      .where(
        and(
          eq(affiliationRequests.influencerId, influencerId),
          eq(affiliationRequests.productId, productId),
          eq(affiliationRequests.status, 'approved'),
        ),
      );
    return row ?? null;
  }

  async byIds(ids: readonly string[]): Promise<Map<string, RequestRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.deps.db
      .select()
      .from(affiliationRequests)
      .where(inArray(affiliationRequests.id, [...new Set(ids)]));
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async present(rows: RequestRow[], side: Side['kind']): Promise<AffiliationRequestView[]> {
    const products = await this.deps.products.findMany(rows.map((row) => row.productId));
    const influencerIds = [...new Set(rows.map((row) => row.influencerId))];
    const names = new Map<string, string>();
    for (const id of influencerIds) names.set(id, (await this.deps.people.getContact(id))?.name ?? '—');
    const performance = side === 'merchant' ? await this.deps.performance.of(influencerIds) : null;
    return rows.map((row) => {
      const product = products.get(row.productId);
      return {
        id: row.id,
        status: row.status,
        productId: row.productId,
        productTitle: product?.title ?? '—',
        productSlug: product?.slug ?? '',
        organizationId: row.organizationId,
        influencer: {
          id: row.influencerId,
          name: names.get(row.influencerId) ?? '—',
          performance: performance?.get(row.influencerId) ?? null,
        },
        message: row.message,
        audience: row.audience,
        commissionOverride: row.commissionOverride ?? null,
        decisionReason: row.decisionReason,
        decidedAt: row.decidedAt?.toISOString() ?? null,
        autoApproved: row.autoApproved,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }
}
