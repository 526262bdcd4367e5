// The next thing to do on a case, shown in the support person's caseload and the coordinator's
// overview (issue 3 "Pages"). A suggestion, never a rule: the state machine in case-lifecycle.ts
// decides what is allowed.

import type { CasePhase } from './case-lifecycle.ts';
import type { BilingualLabel } from './plan.ts';

export const NEXT_STEPS = [
  'start_screening',
  'decide_screening',
  'assign_support',
  'form_plan',
  'acknowledge_conditions',
  'activate',
  'set_sub_goals',
  'follow_up',
  'prepare_close',
  'close',
  'resume',
  'none',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const NEXT_STEP_LABELS: Readonly<Record<NextStep, BilingualLabel>> = {
  start_screening: { da: 'Hold visitationssamtalen', en: 'Hold the screening conversation' },
  decide_screening: { da: 'Træf afgørelse i visitationen', en: 'Decide the screening' },
  assign_support: { da: 'Tilknyt en støtteperson', en: 'Assign a support person' },
  form_plan: { da: 'Skriv drømmen og det langsigtede mål', en: 'Write down the dream and long-term goal' },
  acknowledge_conditions: {
    da: 'Gennemgå betingelserne med borgeren',
    en: 'Go through the conditions with the citizen',
  },
  activate: { da: 'Start forløbet', en: 'Start the case' },
  set_sub_goals: { da: 'Sæt delmål', en: 'Set sub-goals' },
  follow_up: { da: 'Følg op på delmålene', en: 'Follow up on the sub-goals' },
  prepare_close: { da: 'Forbered afslutningen', en: 'Prepare the close' },
  close: { da: 'Afslut forløbet', en: 'Close the case' },
  resume: { da: 'Genoptag forløbet, når pausen er forbi', en: 'Resume the case when the pause ends' },
  none: { da: 'Intet', en: 'Nothing' },
};

/** The last month of the period is for the end questionnaires and the close (spec: Due dates). */
export const PREPARE_CLOSE_DAYS = 30;

export interface NextStepFacts {
  readonly phase: CasePhase;
  readonly hasSupportPerson: boolean;
  readonly conditionsAcknowledged: boolean;
  readonly longTermGoals: number;
  /** Sub-goals that are not dropped. */
  readonly subGoals: number;
  /** Days to the end date while active or paused; null before the start. */
  readonly daysLeft: number | null;
}

export function nextStep(f: NextStepFacts): NextStep {
  switch (f.phase) {
    case 'referred':
      return 'start_screening';
    case 'screening':
      return 'decide_screening';
    case 'lead_in':
      if (!f.hasSupportPerson) return 'assign_support';
      if (f.longTermGoals === 0) return 'form_plan';
      if (!f.conditionsAcknowledged) return 'acknowledge_conditions';
      return 'activate';
    case 'active':
      if (f.daysLeft !== null && f.daysLeft <= 0) return 'close';
      if (f.daysLeft !== null && f.daysLeft <= PREPARE_CLOSE_DAYS) return 'prepare_close';
      if (f.subGoals === 0) return 'set_sub_goals';
      return 'follow_up';
    case 'paused':
      return 'resume';
    case 'closed':
      return 'none';
  }
}
