import type { KycStatus } from '@souk/contracts/kyc';

/**
 * Who may move a file from where to where. Anything not listed is refused with 409, so a
 * double-click or a stale tab can never skip a step.
 */
const transitions: Record<'submit' | 'open' | 'decide', readonly KycStatus[]> = {
  /** A first submission, an answer to "needs more information", or another try after a rejection. */
  submit: ['draft', 'needs_info', 'rejected'],
  /** A reviewer opening a submitted file takes it into review. */
  open: ['submitted'],
  decide: ['submitted', 'in_review'],
};

export function canTransition(action: keyof typeof transitions, from: KycStatus): boolean {
  return transitions[action].includes(from);
}

/** The submitter may edit while nobody is reviewing; an approved file only its bank account. */
export function editableFields(status: KycStatus): 'all' | 'bank' | 'none' {
  if (status === 'draft' || status === 'needs_info' || status === 'rejected') return 'all';
  if (status === 'approved') return 'bank';
  return 'none';
}
