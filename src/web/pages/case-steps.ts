import type { CasePhase } from '../../domain/case-lifecycle.ts';
import type { MessageKey } from '../../i18n/index.ts';

// The steps that end or halt a case's period and ask first, on a page of their own
// (spec: Refused steps): their titles, the phases they start from, and their addresses under the case.

export type CaseStepKind = 'complete' | 'terminate' | 'pause' | 'resume';

export interface StepText {
  title: MessageKey;
  /** The phases the step may start from (spec: Phases). */
  from: readonly CasePhase[];
  button: 'primary' | 'warning';
}

export const CASE_STEPS: Readonly<Record<CaseStepKind, StepText>> = {
  complete: { title: 'case.action.complete', from: ['active'], button: 'primary' },
  terminate: { title: 'case.action.terminate', from: ['lead_in', 'active', 'paused'], button: 'warning' },
  pause: { title: 'case.action.pause', from: ['active'], button: 'primary' },
  resume: { title: 'case.action.resume', from: ['paused'], button: 'primary' },
};

/** The step's address under the case. */
export const CASE_STEP_PATHS: Readonly<Record<CaseStepKind, string>> = {
  complete: 'afslut',
  terminate: 'afbryd',
  pause: 'pause',
  resume: 'genoptag',
};
