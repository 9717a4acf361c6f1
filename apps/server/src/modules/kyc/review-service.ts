import {
  fieldsOf,
  type KycDecision,
  type KycField,
  type KycReviewView,
  type KycStatus,
  kycFieldChecks,
  requiredDocumentsOf,
} from '@souk/contracts/kyc';
import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';
import type { RequestContext } from './kyc-service.ts';
import { loadProfileView, type ProfileRow } from './profile-view.ts';
import { kycDocuments, kycHistory, kycProfiles } from './schema.ts';
import { canTransition } from './state-machine.ts';
import { belongsTo, type TeamDirectory } from './subjects.ts';

export interface ReviewServiceDeps {
  db: Database;
  audit: Pick<IdentityModule['audit'], 'record'>;
  users: Pick<IdentityModule['users'], 'getContact'>;
  teams: TeamDirectory;
  notifications: Pick<MessagingModule['notifications'], 'notify'>;
  selfieRequired: boolean;
  retentionMonths: number;
}

const duplicateColumns = [
  { field: 'cinNumber', column: kycProfiles.cin },
  { field: 'ice', column: kycProfiles.ice },
  { field: 'bankAccount', column: kycProfiles.rib },
] as const;

/** The reviewer's side: the queue, one file with its checks, and decisions. */
export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  /** Oldest submission first, with how many checks each file fails. */
  async queue(query: { status?: KycStatus | undefined; limit: number }) {
    const statuses: KycStatus[] = query.status ? [query.status] : ['submitted', 'in_review'];
    const rows = await this.deps.db
      .select()
      .from(kycProfiles)
      .where(inArray(kycProfiles.status, statuses))
      .orderBy(asc(kycProfiles.submittedAt), asc(kycProfiles.id))
      .limit(query.limit);
    const items = [];
    for (const row of rows) {
      const duplicates = await this.duplicates(row);
      items.push({
        id: row.id,
        kind: row.kind,
        status: row.status,
        subjectName: row.subjectName,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        flags: this.checks(row).filter((check) => !check.ok).length + duplicates.length,
      });
    }
    return { items };
  }

  /**
   * One file for review, logged as viewed. Opening a submitted file takes it into review, so two
   * reviewers see that someone already has it.
   */
  async open(profileId: string, reviewerId: string, context: RequestContext): Promise<KycReviewView> {
    // Read before the transaction: on PGlite the transaction holds the only connection.
    const own = await this.isOwn(profileId, reviewerId);
    const row = await this.deps.db.transaction(async (tx) => {
      const current = await this.lock(tx, profileId);
      await this.deps.audit.record(
        { action: 'kyc_viewed', actorId: reviewerId, targetId: current.subjectId, ...context, details: { profileId } },
        tx,
      );
      if (!canTransition('open', current.status) || own) return current;
      const [updated] = await tx
        .update(kycProfiles)
        .set({ status: 'in_review', updatedAt: new Date() })
        .where(eq(kycProfiles.id, profileId))
        .returning();
      await tx.insert(kycHistory).values({ profileId, status: 'in_review', actor: 'reviewer', actorId: reviewerId });
      return updated as ProfileRow;
    });
    return this.reviewView(row);
  }

  async decide(
    profileId: string,
    reviewerId: string,
    decision: KycDecision,
    context: RequestContext,
  ): Promise<KycReviewView> {
    // Nobody approves their own file, nor their own team's: forbidden even for admins.
    if (await this.isOwn(profileId, reviewerId)) throw new AppError('forbidden', 'You cannot review your own KYC.');
    const row = await this.deps.db.transaction(async (tx) => {
      const current = await this.lock(tx, profileId);
      if (!canTransition('decide', current.status)) {
        throw new AppError('conflict', `A file in status ${current.status} awaits no decision.`);
      }
      const now = new Date();
      const outcome = this.outcome(current, decision, now);
      const [updated] = await tx
        .update(kycProfiles)
        .set({ ...outcome, decidedAt: now, decidedBy: reviewerId, updatedAt: now })
        .where(eq(kycProfiles.id, profileId))
        .returning();
      const items = decision.decision === 'request_info' ? decision.items : [];
      const reason = decision.decision === 'reject' ? decision.reason : null;
      await tx.insert(kycHistory).values({
        profileId,
        status: outcome.status,
        actor: 'reviewer',
        actorId: reviewerId,
        reason,
        note: decision.note ?? null,
        items: [...items],
      });
      await this.deps.audit.record(
        {
          action: auditActionOf[decision.decision],
          actorId: reviewerId,
          targetId: current.subjectId,
          ...context,
          details: { profileId, reason, items },
        },
        tx,
      );
      if (current.submittedBy) {
        await this.deps.notifications.notify(
          current.submittedBy,
          'kyc.decided',
          { status: outcome.status, reason, note: decision.note ?? null },
          { executor: tx },
        );
      }
      return updated as ProfileRow;
    });
    return this.reviewView(row);
  }

  private outcome(current: ProfileRow, decision: KycDecision, now: Date) {
    switch (decision.decision) {
      case 'approve':
        return {
          status: 'approved' as const,
          verifiedAt: current.verifiedAt ?? now,
          approvedRib: current.rib,
          requestedItems: [],
          decisionReason: null,
          decisionNote: decision.note ?? null,
          purgeAfter: null,
        };
      case 'reject': {
        const purgeAfter = new Date(now);
        purgeAfter.setUTCMonth(purgeAfter.getUTCMonth() + this.deps.retentionMonths);
        return {
          status: 'rejected' as const,
          verifiedAt: null,
          approvedRib: null,
          requestedItems: [],
          decisionReason: decision.reason,
          decisionNote: decision.note ?? null,
          purgeAfter,
        };
      }
      case 'request_info':
        return {
          status: 'needs_info' as const,
          requestedItems: [...decision.items],
          decisionReason: null,
          decisionNote: decision.note ?? null,
        };
    }
  }

  private async lock(tx: Executor, profileId: string): Promise<ProfileRow> {
    const [row] = await tx.select().from(kycProfiles).where(eq(kycProfiles.id, profileId)).for('update');
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Whether the reviewer is the subject or a member of the subject team (subjects never change). */
  private async isOwn(profileId: string, reviewerId: string): Promise<boolean> {
    const [row] = await this.deps.db
      .select({ type: kycProfiles.subjectType, id: kycProfiles.subjectId })
      .from(kycProfiles)
      .where(eq(kycProfiles.id, profileId));
    if (!row) throw new AppError('not_found');
    return belongsTo(this.deps.teams, reviewerId, row);
  }

  /** Every field checked again with the shared validators, plus the phone and the documents. */
  private checks(row: ProfileRow, documentKinds?: readonly string[]) {
    const fieldChecks = fieldsOf(row.kind).map((field: KycField) => {
      const value = row.data[field];
      if (!value) {
        const optional = field === 'autoEntrepreneurNumber';
        return { item: field, ok: optional, problem: optional ? null : 'required' };
      }
      const result = kycFieldChecks[field](value);
      return { item: field, ok: result.ok, problem: result.ok ? null : result.problem };
    });
    const phone =
      row.kind === 'individual'
        ? [{ item: 'phone', ok: Boolean(row.phoneVerifiedAt), problem: row.phoneVerifiedAt ? null : 'not_verified' }]
        : [];
    const documents = documentKinds
      ? requiredDocumentsOf(row.kind, { selfieRequired: this.deps.selfieRequired }).map((kind) => ({
          item: kind,
          ok: documentKinds.includes(kind),
          problem: documentKinds.includes(kind) ? null : 'required',
        }))
      : [];
    return [...fieldChecks, ...phone, ...documents];
  }

  /** Other accounts' files carrying the same CIN, ICE or RIB. */
  private async duplicates(row: ProfileRow) {
    const found = [];
    for (const { field, column } of duplicateColumns) {
      const value = field === 'cinNumber' ? row.cin : field === 'ice' ? row.ice : row.rib;
      if (!value) continue;
      const others = await this.deps.db
        .select({ id: kycProfiles.id, subjectName: kycProfiles.subjectName })
        .from(kycProfiles)
        .where(and(eq(column, value), ne(kycProfiles.id, row.id)) as SQL)
        .orderBy(desc(kycProfiles.createdAt))
        .limit(10);
      if (others.length > 0) {
        found.push({
          field: row.kind === 'company' && field === 'cinNumber' ? ('representativeCin' as const) : field,
          otherProfiles: others,
        });
      }
    }
    return found;
  }

  private async reviewView(row: ProfileRow): Promise<KycReviewView> {
    const subject = { type: row.subjectType, id: row.subjectId, kind: row.kind };
    const profile = await loadProfileView(this.deps.db, subject, row, { selfieRequired: this.deps.selfieRequired });
    const documents = await this.deps.db
      .select({ kind: kycDocuments.kind })
      .from(kycDocuments)
      .where(eq(kycDocuments.profileId, row.id));
    const contactId = row.subjectType === 'user' ? row.subjectId : row.submittedBy;
    const contact = contactId ? await this.deps.users.getContact(contactId) : null;
    return {
      profile,
      subjectName: row.subjectName,
      subjectEmail: contact?.email ?? null,
      checks: this.checks(
        row,
        documents.map((document) => document.kind),
      ),
      duplicates: await this.duplicates(row),
    };
  }
}

const auditActionOf = {
  approve: 'kyc_approved',
  reject: 'kyc_rejected',
  request_info: 'kyc_info_requested',
} as const;
