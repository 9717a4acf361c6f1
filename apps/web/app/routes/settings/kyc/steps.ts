import type { KycField, KycKind } from '@souk/contracts/kyc';

export type StepId = 'identity' | 'company' | 'representative' | 'phone' | 'bank' | 'documents' | 'review';

export interface WizardStep {
  id: StepId;
  /** The data fields this step edits; phone, documents and review have their own forms. */
  fields: KycField[];
}

/** The wizard's steps per kind of file, in order. */
export const wizardSteps: Record<KycKind, WizardStep[]> = {
  individual: [
    { id: 'identity', fields: ['legalName', 'birthDate', 'cinNumber', 'address', 'city'] },
    { id: 'phone', fields: [] },
    { id: 'bank', fields: ['bankAccount', 'bankName', 'autoEntrepreneurNumber'] },
    { id: 'documents', fields: [] },
    { id: 'review', fields: [] },
  ],
  company: [
    { id: 'company', fields: ['companyName', 'legalForm', 'ice', 'rcNumber', 'rcCourt', 'taxId', 'registeredAddress'] },
    { id: 'representative', fields: ['representativeName', 'representativeCin'] },
    { id: 'bank', fields: ['bankAccount', 'bankName'] },
    { id: 'documents', fields: [] },
    { id: 'review', fields: [] },
  ],
};

export function stepIndex(kind: KycKind, id: string | null): number {
  const index = wizardSteps[kind].findIndex((step) => step.id === id);
  return Math.max(index, 0);
}

/** The step where a missing or requested item is filled in, to send people straight there. */
export function stepOfItem(kind: KycKind, item: string): StepId {
  if (item === 'phone') return 'phone';
  const step = wizardSteps[kind].find((candidate) => candidate.fields.includes(item as KycField));
  return step?.id ?? 'documents';
}
