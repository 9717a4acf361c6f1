import type { KycData, KycDocumentKind, KycKind, KycStatus } from '@souk/contracts/kyc';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * One KYC file per subject: a user (influencer, individual) or a merchant team (organization,
 * company). Subjects are ids owned by identity, referenced without foreign keys across modules.
 */
export const kycProfiles = pgTable(
  'kyc_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type').$type<'user' | 'organization'>().notNull(),
    subjectId: text('subject_id').notNull(),
    /** The person's or team's name when last saved, for the review queue. */
    subjectName: text('subject_name').notNull(),
    kind: text('kind').$type<KycKind>().notNull(),
    status: text('status').$type<KycStatus>().notNull().default('draft'),
    data: jsonb('data').$type<KycData>().notNull().default({}),
    phoneNumber: text('phone_number'),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    /** Normalised identifiers, copied out of `data` so duplicates across accounts are one query. */
    cin: text('cin'),
    ice: text('ice'),
    rib: text('rib'),
    /** What the reviewer asked to fix (needs_info), or what a re-review covers (a new RIB). */
    requestedItems: jsonb('requested_items').$type<string[]>().notNull().default([]),
    decisionReason: text('decision_reason'),
    decisionNote: text('decision_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Who submitted last: the person told of each decision (for a team, its owner or an admin). */
    submittedBy: text('submitted_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    /** Set at the first approval: the "verified" badge. Cleared by a rejection. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The RIB payouts go to: set by an approval, withheld while a changed RIB is in review. */
    approvedRib: text('approved_rib'),
    /** When the documents are deleted (law 09-08): set by a rejection, cleared by a resubmission. */
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('kyc_profiles_subject_idx').on(table.subjectType, table.subjectId),
    check(
      'kyc_profiles_status_check',
      sql`${table.status} in ('draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected')`,
    ),
    index('kyc_profiles_status_idx').on(table.status, table.submittedAt),
    index('kyc_profiles_cin_idx').on(table.cin),
    index('kyc_profiles_ice_idx').on(table.ice),
    index('kyc_profiles_rib_idx').on(table.rib),
  ],
);

/** Uploaded documents; the bytes are encrypted in the file store under `storageKey`. */
export const kycDocuments = pgTable(
  'kyc_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => kycProfiles.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<KycDocumentKind>().notNull(),
    contentType: text('content_type').$type<'image/jpeg' | 'image/png' | 'application/pdf'>().notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Which encryption key wrote the file, so keys can rotate. */
    keyId: text('key_id').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('kyc_documents_profile_kind_idx').on(table.profileId, table.kind)],
);

/** Every change of status, who made it and why: the file's history. */
export const kycHistory = pgTable(
  'kyc_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => kycProfiles.id, { onDelete: 'cascade' }),
    status: text('status').$type<KycStatus>().notNull(),
    actor: text('actor').$type<'submitter' | 'reviewer' | 'system'>().notNull(),
    actorId: text('actor_id'),
    reason: text('reason'),
    note: text('note'),
    items: jsonb('items').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('kyc_history_profile_idx').on(table.profileId, table.createdAt)],
);

/** One-time phone codes: only a hash is kept; 10 minutes, 5 attempts. */
export const kycPhoneCodes = pgTable(
  'kyc_phone_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('kyc_phone_codes_user_idx').on(table.userId, table.createdAt)],
);
