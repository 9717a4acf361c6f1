import { z } from 'zod';
import {
  type IdentifierProblem,
  type IdentifierResult,
  validateBankAccount,
  validateCin,
  validateIce,
  validateRcNumber,
  validateTaxId,
} from './moroccan-identifiers.ts';

/** The life of a KYC file; `approved` is what the "verified" badge means. */
export const kycStatuses = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected'] as const;
export type KycStatus = (typeof kycStatuses)[number];

/** An influencer is an individual; a merchant team is a company. */
export const kycKinds = ['individual', 'company'] as const;
export type KycKind = (typeof kycKinds)[number];

export const legalForms = ['sarl', 'sarl_au', 'sa', 'sas', 'snc', 'auto_entrepreneur', 'other'] as const;

export const individualFields = [
  'legalName',
  'birthDate',
  'cinNumber',
  'address',
  'city',
  'bankAccount',
  'bankName',
  'autoEntrepreneurNumber',
] as const;
export const companyFields = [
  'companyName',
  'legalForm',
  'ice',
  'rcNumber',
  'rcCourt',
  'taxId',
  'registeredAddress',
  'representativeName',
  'representativeCin',
  'bankAccount',
  'bankName',
] as const;
export const kycFields = [...new Set([...individualFields, ...companyFields])] as [KycField, ...KycField[]];
export type KycField = (typeof individualFields)[number] | (typeof companyFields)[number];

/** Fields a reviewer can ask about: every data field, the verified phone, and each document. */
export const individualDocumentKinds = ['cin_front', 'cin_back', 'selfie'] as const;
export const companyDocumentKinds = ['rc_extract', 'ice_certificate', 'representative_cin'] as const;
export const kycDocumentKinds = [...individualDocumentKinds, ...companyDocumentKinds] as const;
export type KycDocumentKind = (typeof kycDocumentKinds)[number];
export const reviewableItems = [...kycFields, 'phone', ...kycDocumentKinds] as const;
export type ReviewableItem = (typeof reviewableItems)[number];

const optionalFields: ReadonlySet<KycField> = new Set(['autoEntrepreneurNumber']);

export function fieldsOf(kind: KycKind): readonly KycField[] {
  return kind === 'individual' ? individualFields : companyFields;
}

export function requiredDocumentsOf(kind: KycKind, options: { selfieRequired: boolean }): KycDocumentKind[] {
  if (kind === 'company') return [...companyDocumentKinds];
  return options.selfieRequired ? [...individualDocumentKinds] : ['cin_front', 'cin_back'];
}

export type KycData = Partial<Record<KycField, string>>;

function text(value: string): IdentifierResult {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: false, problem: 'required' };
  if (trimmed.length > 200) return { ok: false, problem: 'too_long' };
  return { ok: true, value: trimmed };
}

/** An adult's date of birth, as YYYY-MM-DD. */
function birthDate(value: string, today = new Date()): IdentifierResult {
  const trimmed = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return { ok: false, problem: 'birth_date' };
  const date = new Date(`${trimmed}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed) {
    return { ok: false, problem: 'birth_date' };
  }
  const adultSince = new Date(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate()));
  if (date > adultSince || date.getUTCFullYear() < 1900) return { ok: false, problem: 'birth_date' };
  return { ok: true, value: trimmed };
}

function choice(values: readonly string[]) {
  return (value: string): IdentifierResult =>
    values.includes(value) ? { ok: true, value } : { ok: false, problem: 'required' };
}

/** How each field is checked and normalised; the web runs these as the person types. */
export const kycFieldChecks: Record<KycField, (value: string) => IdentifierResult> = {
  legalName: text,
  birthDate: (value) => birthDate(value),
  cinNumber: validateCin,
  address: text,
  city: text,
  bankAccount: validateBankAccount,
  bankName: text,
  autoEntrepreneurNumber: text,
  companyName: text,
  legalForm: choice(legalForms),
  ice: validateIce,
  rcNumber: validateRcNumber,
  rcCourt: text,
  taxId: validateTaxId,
  registeredAddress: text,
  representativeName: text,
  representativeCin: validateCin,
};

export interface KycFieldProblem {
  field: KycField;
  problem: IdentifierProblem;
}

/**
 * Checks and normalises the fields given. A draft may leave fields empty (they are dropped);
 * a value that is present must be right, so a bad value never lands in a draft either.
 */
export function checkKycData(kind: KycKind, input: KycData): { data: KycData; problems: KycFieldProblem[] } {
  const allowed = new Set<string>(fieldsOf(kind));
  const data: KycData = {};
  const problems: KycFieldProblem[] = [];
  for (const [field, raw] of Object.entries(input) as [KycField, string | undefined][]) {
    if (!allowed.has(field) || raw === undefined || raw.trim() === '') continue;
    const result = kycFieldChecks[field](raw);
    if (result.ok) data[field] = result.value;
    else problems.push({ field, problem: result.problem });
  }
  return { data, problems };
}

/** The fields a submission still lacks. */
export function missingFields(kind: KycKind, data: KycData): KycField[] {
  return fieldsOf(kind).filter((field) => !optionalFields.has(field) && !data[field]);
}

const fieldValue = z.string().max(300);

/** Saving a draft: any subset of the fields; empty strings clear a field. */
export const kycDraftBodySchema = z
  .object(
    Object.fromEntries(kycFields.map((field) => [field, fieldValue.optional()])) as Record<
      KycField,
      z.ZodOptional<typeof fieldValue>
    >,
  )
  .strict()
  .meta({ id: 'KycDraft' });

export const kycSubjectQuerySchema = z.object({
  /** A merchant team's KYC; without it, the caller's own (influencer) KYC. */
  organizationId: z.uuid().optional(),
});

export const kycDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(kycDocumentKinds),
    contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    size: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KycDocument' });
export type KycDocumentView = z.infer<typeof kycDocumentSchema>;

export const kycHistoryEntrySchema = z.object({
  status: z.enum(kycStatuses),
  actor: z.enum(['submitter', 'reviewer', 'system']),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  fields: z.array(z.string()),
  at: z.iso.datetime(),
});

export const kycProfileSchema = z
  .object({
    id: z.uuid().nullable().describe('null until the first draft is saved'),
    kind: z.enum(kycKinds),
    subject: z.object({ type: z.enum(['user', 'organization']), id: z.string() }),
    status: z.enum(kycStatuses),
    verified: z.boolean().describe('Approved once and not withdrawn: the public "verified" badge'),
    data: z.record(z.string(), z.string()),
    phone: z.object({ number: z.string().nullable(), verifiedAt: z.iso.datetime().nullable() }),
    documents: z.array(kycDocumentSchema),
    missing: z.array(z.string()).describe('What a submission still lacks: fields, documents, phone'),
    requestedItems: z.array(z.string()).describe('What the reviewer asked to fix'),
    decisionReason: z.string().nullable(),
    decisionNote: z.string().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    history: z.array(kycHistoryEntrySchema),
  })
  .meta({ id: 'KycProfile' });
export type KycProfileView = z.infer<typeof kycProfileSchema>;

export const phoneCodeRequestSchema = z.object({ phone: z.string().min(1).max(40) });
export const phoneCodeVerifySchema = z.object({ code: z.string().regex(/^\d{6}$/) });

export const rejectReasons = [
  'document_unreadable',
  'document_mismatch',
  'identity_unverifiable',
  'suspected_fraud',
  'duplicate_account',
  'other',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const kycDecisionBodySchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), note: z.string().trim().max(2000).optional() }),
    z.object({
      decision: z.literal('reject'),
      reason: z.enum(rejectReasons),
      note: z.string().trim().max(2000).optional(),
    }),
    z.object({
      decision: z.literal('request_info'),
      items: z.array(z.enum(reviewableItems)).min(1).max(30),
      note: z.string().trim().max(2000).optional(),
    }),
  ])
  .meta({ id: 'KycDecision' });
export type KycDecision = z.infer<typeof kycDecisionBodySchema>;

export const kycQueueQuerySchema = z.object({
  status: z.enum(kycStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const kycQueueItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(kycKinds),
  status: z.enum(kycStatuses),
  subjectName: z.string(),
  submittedAt: z.iso.datetime().nullable(),
  flags: z.number().int().describe('Failed checks plus duplicates'),
});
export const kycQueueSchema = z.object({ items: z.array(kycQueueItemSchema) });

export const kycCheckSchema = z.object({
  item: z.string(),
  ok: z.boolean(),
  problem: z.string().nullable(),
});
export const kycDuplicateSchema = z.object({
  field: z.enum(['cinNumber', 'representativeCin', 'ice', 'bankAccount']),
  otherProfiles: z.array(z.object({ id: z.uuid(), subjectName: z.string() })),
});

export const kycReviewSchema = z
  .object({
    profile: kycProfileSchema,
    subjectName: z.string(),
    subjectEmail: z.string().nullable(),
    checks: z.array(kycCheckSchema),
    duplicates: z.array(kycDuplicateSchema),
  })
  .meta({ id: 'KycReview' });
export type KycReviewView = z.infer<typeof kycReviewSchema>;

export const documentViewUrlSchema = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type KycQueue = z.infer<typeof kycQueueSchema>;
