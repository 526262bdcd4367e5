// The next thing to do on a case, shown in the support person's caseload and the coordinator's
// overview (spec: Next steps). A suggestion, never a rule: the state machine in case-lifecycle.ts
// decides what is allowed.

import type { CasePhase } from './case-lifecycle.ts';
import type { MessageKey } from '../i18n/index.ts';

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

export const NEXT_STEP_LABELS: Readonly<Record<NextStep, MessageKey>> = {
  start_screening: 'label.nextStep.start_screening',
  decide_screening: 'label.nextStep.decide_screening',
  assign_support: 'label.nextStep.assign_support',
  form_plan: 'label.nextStep.form_plan',
  acknowledge_conditions: 'label.nextStep.acknowledge_conditions',
  activate: 'label.nextStep.activate',
  set_sub_goals: 'label.nextStep.set_sub_goals',
  follow_up: 'label.nextStep.follow_up',
  prepare_close: 'label.nextStep.prepare_close',
  close: 'label.nextStep.close',
  resume: 'label.nextStep.resume',
  none: 'label.nextStep.none',
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
