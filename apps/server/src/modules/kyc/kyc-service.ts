import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import { checkKycData, type KycData, type KycField, type KycProfileView } from '@souk/contracts/kyc';
import type { Locale } from '@souk/contracts/locales';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';
import { loadProfileView, missingItems, type ProfileRow } from './profile-view.ts';
import { kycDocuments, kycHistory, kycProfiles } from './schema.ts';
import { canTransition, editableFields } from './state-machine.ts';
import type { KycSubject } from './subjects.ts';

export interface RequestContext {
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
}

export interface KycServiceDeps {
  db: Database;
  audit: Pick<IdentityModule['audit'], 'record'>;
  notifications: Pick<MessagingModule['notifications'], 'notify'>;
  sms: Pick<MessagingModule['sms'], 'send'>;
  selfieRequired: boolean;
}

/** The account payouts and settlements are sent to: only ever an approved RIB. */
export interface PayoutAccount {
  rib: string;
  holderName: string;
  bankName: string | null;
}

const bankFields: ReadonlySet<string> = new Set(['bankAccount', 'bankName']);

/** Identifiers copied to their own columns, for the duplicate check across accounts. */
function indexedIdentifiers(data: KycData) {
  return {
    cin: data.cinNumber ?? data.representativeCin ?? null,
    ice: data.ice ?? null,
    rib: data.bankAccount ?? null,
  };
}

/** A submitter's side of KYC: drafts, submission, and what other modules read (badge, payouts). */
export class KycService {
  constructor(private readonly deps: KycServiceDeps) {}

  async find(subject: Pick<KycSubject, 'type' | 'id'>, executor: Executor = this.deps.db): Promise<ProfileRow | null> {
    const [row] = await executor
      .select()
      .from(kycProfiles)
      .where(and(eq(kycProfiles.subjectType, subject.type), eq(kycProfiles.subjectId, subject.id)))
      .limit(1);
    return row ?? null;
  }

  async view(subject: KycSubject): Promise<KycProfileView> {
    return loadProfileView(this.deps.db, subject, await this.find(subject), this.options());
  }

  /** The subject's file, created as an empty draft the first time, locked for this transaction. */
  async lockOrCreate(tx: Executor, subject: KycSubject): Promise<ProfileRow> {
    await tx
      .insert(kycProfiles)
      .values({ subjectType: subject.type, subjectId: subject.id, subjectName: subject.name, kind: subject.kind })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(kycProfiles)
      .where(and(eq(kycProfiles.subjectType, subject.type), eq(kycProfiles.subjectId, subject.id)))
      .for('update');
    if (!row) throw new Error('KYC profile vanished');
    return row;
  }

  /**
   * Saves what was typed. Every value present is checked (a bad one changes nothing); an empty
   * string clears a field. After approval only the bank account may change, and a new RIB goes
   * back to review on its own while payouts are held and the person is warned.
   */
  async saveDraft(
    subject: KycSubject,
    actorId: string,
    input: Partial<Record<KycField, string>>,
    locale: Locale,
    context: RequestContext,
  ): Promise<KycProfileView> {
    const { data: checked, problems } = checkKycData(subject.kind, input);
    if (problems.length > 0) {
      throw new AppError(
        'validation_failed',
        undefined,
        problems.map(({ field, problem }) => ({
          path: `body.${field}`,
          message: identifierProblemMessages[locale][problem],
        })),
      );
    }
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lockOrCreate(tx, subject);
      const editable = editableFields(row.status);
      const touched = Object.keys(input);
      if (editable === 'none') throw new AppError('conflict', 'This file is being reviewed: wait for the decision.');
      if (editable === 'bank' && touched.some((field) => !bankFields.has(field))) {
        throw new AppError('conflict', 'After approval only the bank account can change.');
      }
      const data: KycData = { ...row.data };
      for (const field of touched as KycField[]) {
        if (checked[field]) data[field] = checked[field];
        else delete data[field];
      }
      const ribChanged = editable === 'bank' && data.bankAccount !== row.data.bankAccount;
      await tx
        .update(kycProfiles)
        .set({
          data,
          ...indexedIdentifiers(data),
          subjectName: subject.name,
          updatedAt: new Date(),
          ...(ribChanged
            ? {
                status: 'submitted' as const,
                requestedItems: ['bankAccount'],
                approvedRib: null,
                submittedAt: new Date(),
                submittedBy: actorId,
              }
            : {}),
        })
        .where(eq(kycProfiles.id, row.id));
      if (ribChanged) await this.bankAccountChanged(tx, row, data, actorId, context);
    });
    return this.view(subject);
  }

  /** Sends the file to the review queue once nothing is missing. */
  async submit(subject: KycSubject, actorId: string, locale: Locale, context: RequestContext): Promise<KycProfileView> {
    await this.deps.db.transaction(async (tx) => {
      const row = await this.lockOrCreate(tx, subject);
      if (!canTransition('submit', row.status)) {
        throw new AppError('conflict', `A file in status ${row.status} cannot be submitted.`);
      }
      const documents = await tx
        .select({ kind: kycDocuments.kind })
        .from(kycDocuments)
        .where(eq(kycDocuments.profileId, row.id));
      const missing = missingItems(row.kind, row, documents, this.options());
      if (missing.length > 0) {
        throw new AppError(
          'validation_failed',
          `Still missing: ${missing.join(', ')}`,
          missing.map((item) => ({ path: item, message: identifierProblemMessages[locale].required })),
        );
      }
      const now = new Date();
      await tx
        .update(kycProfiles)
        .set({
          status: 'submitted',
          submittedAt: now,
          submittedBy: actorId,
          requestedItems: [],
          purgeAfter: null,
          subjectName: subject.name,
          updatedAt: now,
        })
        .where(eq(kycProfiles.id, row.id));
      await tx.insert(kycHistory).values({ profileId: row.id, status: 'submitted', actor: 'submitter', actorId });
      await this.deps.audit.record(
        { action: 'kyc_submitted', actorId, targetId: subject.id, ...context, details: { profileId: row.id } },
        tx,
      );
    });
    return this.view(subject);
  }

  /** A new RIB after approval: payouts held, history written, the person warned by mail and SMS. */
  private async bankAccountChanged(
    tx: Executor,
    row: ProfileRow,
    data: KycData,
    actorId: string,
    context: RequestContext,
  ): Promise<void> {
    const last4 = (data.bankAccount ?? '').slice(-4).padStart(4, '0');
    await tx.insert(kycHistory).values({
      profileId: row.id,
      status: 'submitted',
      actor: 'submitter',
      actorId,
      items: ['bankAccount'],
    });
    await this.deps.audit.record(
      {
        action: 'kyc_bank_account_changed',
        actorId,
        targetId: row.subjectId,
        ...context,
        details: { profileId: row.id, last4 },
      },
      tx,
    );
    const recipients = new Set([actorId, row.submittedBy].filter((id): id is string => Boolean(id)));
    for (const recipient of recipients) {
      await this.deps.notifications.notify(recipient, 'kyc.bank_account_changed', { last4 }, { executor: tx });
    }
    if (row.phoneNumber && row.phoneVerifiedAt) {
      await this.deps.sms.send(
        {
          to: row.phoneNumber,
          purpose: 'kyc.bank_account_changed',
          body: `Souk: votre RIB a été modifié (…${last4}). Si ce n'est pas vous, contactez le support.`,
        },
        tx,
      );
    }
  }

  /** Approved users among these ids: the "verified" badge on influencer profiles. */
  verifiedUsers(userIds: string[]): Promise<Set<string>> {
    return this.verified('user', userIds);
  }

  /** Approved merchant teams among these ids: the badge on merchant cards, and the deal limit. */
  verifiedOrganizations(organizationIds: string[]): Promise<Set<string>> {
    return this.verified('organization', organizationIds);
  }

  private async verified(type: 'user' | 'organization', ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.deps.db
      .select({ id: kycProfiles.subjectId })
      .from(kycProfiles)
      .where(
        and(eq(kycProfiles.subjectType, type), inArray(kycProfiles.subjectId, ids), isNotNull(kycProfiles.verifiedAt)),
      );
    return new Set(rows.map((row) => row.id));
  }

  /** Where payouts go: the approved RIB, or null (no KYC, not approved, or a new RIB in review). */
  async payoutAccount(subject: Pick<KycSubject, 'type' | 'id'>): Promise<PayoutAccount | null> {
    const row = await this.find(subject);
    if (!row?.approvedRib || !row.verifiedAt) return null;
    return {
      rib: row.approvedRib,
      holderName: row.data.legalName ?? row.data.companyName ?? row.subjectName,
      bankName: row.data.bankName ?? null,
    };
  }

  private options() {
    return { selfieRequired: this.deps.selfieRequired };
  }
}
