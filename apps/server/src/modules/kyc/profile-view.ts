import {
  type KycDocumentView,
  type KycKind,
  type KycProfileView,
  missingFields,
  requiredDocumentsOf,
} from '@souk/contracts/kyc';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { kycDocuments, kycHistory, type kycProfiles } from './schema.ts';
import type { KycSubject } from './subjects.ts';

export type ProfileRow = typeof kycProfiles.$inferSelect;
export type DocumentRow = typeof kycDocuments.$inferSelect;

export function toDocumentView(row: DocumentRow): KycDocumentView {
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.contentType,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What a submission still lacks: fields, documents, and for individuals a verified phone. */
export function missingItems(
  kind: KycKind,
  row: Pick<ProfileRow, 'data' | 'phoneVerifiedAt'> | null,
  documents: Pick<DocumentRow, 'kind'>[],
  options: { selfieRequired: boolean },
): string[] {
  const present = new Set(documents.map((document) => document.kind));
  return [
    ...missingFields(kind, row?.data ?? {}),
    ...(kind === 'individual' && !row?.phoneVerifiedAt ? ['phone'] : []),
    ...requiredDocumentsOf(kind, options).filter((document) => !present.has(document)),
  ];
}

/** The file as its submitter and reviewers see it. */
export async function loadProfileView(
  executor: Executor,
  subject: Pick<KycSubject, 'type' | 'id' | 'kind'>,
  row: ProfileRow | null,
  options: { selfieRequired: boolean },
): Promise<KycProfileView> {
  const documents = row
    ? await executor
        .select()
        .from(kycDocuments)
        .where(eq(kycDocuments.profileId, row.id))
        .orderBy(asc(kycDocuments.kind))
    : [];
  const history = row
    ? await executor
        .select()
        .from(kycHistory)
        .where(eq(kycHistory.profileId, row.id))
        .orderBy(asc(kycHistory.createdAt))
    : [];
  const kind = row?.kind ?? subject.kind;
  return {
    id: row?.id ?? null,
    kind,
    subject: { type: subject.type, id: subject.id },
    status: row?.status ?? 'draft',
    verified: Boolean(row?.verifiedAt),
    data: (row?.data ?? {}) as Record<string, string>,
    phone: { number: row?.phoneNumber ?? null, verifiedAt: row?.phoneVerifiedAt?.toISOString() ?? null },
    documents: documents.map(toDocumentView),
    missing: missingItems(kind, row, documents, options),
    requestedItems: row?.requestedItems ?? [],
    decisionReason: row?.decisionReason ?? null,
    decisionNote: row?.decisionNote ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    decidedAt: row?.decidedAt?.toISOString() ?? null,
    history: history.map((entry) => ({
      status: entry.status,
      actor: entry.actor,
      reason: entry.reason,
      note: entry.note,
      fields: entry.items,
      at: entry.createdAt.toISOString(),
    })),
  };
}
