import type { StaffRole } from '../../domain/roles.ts';

// What waits for a staff user (spec: Work lists). The front page, `/api/v1/me/work` and the e-mail
// notifications all read these shapes; each kind has one Danish and one English sentence in the catalogue
// (`work.<kind>.item` for one item, `work.<kind>.heading` for the group).

export type WorkKind =
  // coordinator
  | 'approval'
  | 'referral'
  | 'unassigned'
  | 'periodEnding'
  | 'questionnaireOverdue'
  // support person
  | 'proposed'
  | 'awaitingCitizen'
  | 'returned'
  | 'questionnaireDue'
  | 'receiptMissing'
  | 'nextStep'
  // finance
  | 'payment'
  | 'receiptOverdue'
  | 'paymentFileUnsent'
  // administrator
  | 'userWithoutLogin'
  // API tokens never expire (spec: API tokens); one left unused for long is what waits for revoking.
  | 'tokenExpiring'
  // evaluator
  | 'report';

export const WORK_KINDS_BY_ROLE = {
  coordinator: ['approval', 'referral', 'unassigned', 'periodEnding', 'questionnaireOverdue'],
  support: ['proposed', 'awaitingCitizen', 'returned', 'questionnaireDue', 'receiptMissing', 'nextStep'],
  finance: ['payment', 'receiptOverdue', 'paymentFileUnsent'],
  admin: ['userWithoutLogin', 'tokenExpiring'],
  evaluator: ['report'],
} as const satisfies Record<StaffRole, readonly WorkKind[]>;

/** One thing that waits: a sentence's parameters and the exact page where it is done. */
export interface WorkItem {
  readonly kind: WorkKind;
  /** A stable key (kind and row id), so a notification can tell what is new since the last one. */
  readonly key: string;
  /** Since when it has waited; lists are oldest first. */
  readonly since: Date;
  /** The page where it is done, relative to the app's origin. */
  readonly href: string;
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  /** Approvals above the single-approval limit need a second coordinator. */
  readonly fourEyes?: boolean;
  /**
   * Values for the item's sentence: amounts in øre named `amountOre`, calendar dates as ISO strings named
   * `…On`, codes (`step`, `instrument`, `category`, `role`) as codes. The citizen's name and the request's
   * title are case data: never put them in an e-mail. No CPR numbers, ever.
   */
  readonly params: Readonly<Record<string, string | number>>;
}

/** Every item of one kind is counted; only the oldest `items` are carried (a page shows a few). */
export interface WorkGroup {
  readonly kind: WorkKind;
  readonly count: number;
  readonly items: readonly WorkItem[];
}
