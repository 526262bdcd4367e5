import type { LegalBasis } from './retention.ts';

// When a citizen's request to erase their data can be met (GDPR art. 17; spec: Erasure). Where the
// programme rests on the municipality's public task, the right does not apply (art. 17(3)(b)): the data
// is kept until the retention period ends. Under consent the case must be over, with no money still
// reserved (an approved purchase waiting for payment needs its case), and no legal hold on it.

export type ErasureRefusal =
  'already_anonymised' | 'public_task' | 'case_open' | 'money_reserved' | 'legal_hold';

export interface ErasureFacts {
  legalBasis: LegalBasis;
  closed: boolean;
  anonymised: boolean;
  /** Øre still reserved on the case. */
  reserved: number;
  legalHold: boolean;
}

/** Why the case cannot be erased now, the most fundamental reason first; null when it can. */
export function erasureRefusal(f: ErasureFacts): ErasureRefusal | null {
  if (f.anonymised) return 'already_anonymised';
  if (f.legalBasis !== 'consent') return 'public_task';
  if (!f.closed) return 'case_open';
  if (f.reserved > 0) return 'money_reserved';
  if (f.legalHold) return 'legal_hold';
  return null;
}
