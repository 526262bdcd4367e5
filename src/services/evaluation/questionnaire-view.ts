import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { pausesOf } from '../../db/repositories/case.repository.ts';
import type { QuestionnaireRow } from '../../db/repositories/questionnaire.repository.ts';
import type { StoredAnswers } from '../../db/schema-questionnaires.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import { Conflict } from '../../domain/errors.ts';
import { isAllowed } from '../../domain/permissions.ts';
import { questionnaireStatuses, type DueStatus } from '../../domain/questionnaire/due.ts';
import {
  currentInstrument,
  entryMode,
  findInstrument,
  type InstrumentCode,
  type InstrumentDefinition,
  type ItemId,
} from '../../domain/questionnaire/instrument.ts';
import { message } from '../../i18n/index.ts';
import { caseState, periodOf } from '../cases/case-record.ts';
import type { Actor } from '../context.ts';

// What a questionnaire of a case looks like to the actor (spec: Questionnaires): its due status, who
// answers it and how, and whether it can be saved now.

export type EntryMode = 'self' | 'on_behalf';

export interface QuestionnaireView {
  instrument: InstrumentCode;
  version: number;
  status: DueStatus;
  /** How the actor answers it (null: they may only read it). */
  entry: EntryMode | null;
  /** The actor may save it now: they may answer it, and it is open (started; an end one is due). */
  canAnswer: boolean;
  /** Item id → answer; an absent item is not answered. */
  answers: StoredAnswers;
  /** Items without an answer, in the instrument's order. */
  missing: ItemId[];
  /** Null until first saved. */
  answeredOn: string | null;
  onBehalf: boolean;
  completedAt: Date | null;
  savedBy: { name: string; role: string } | null;
  updatedAt: Date | null;
}

export interface CaseQuestionnaires {
  caseId: string;
  caseNumber: number;
  citizenName: string;
  phase: CasePhase;
  startDate: string | null;
  endDate: string | null;
  questionnaires: QuestionnaireView[];
}

export interface Facts {
  row: CaseRecord;
  statuses: Readonly<Record<InstrumentCode, DueStatus>>;
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
}

/** The case's dates and the due status of each instrument, from the saved answer sets. */
export async function factsOf(
  tx: Tx,
  row: CaseRecord,
  saved: readonly Pick<QuestionnaireRow, 'instrument' | 'completed_at'>[],
  on: CalendarDate,
): Promise<Facts> {
  const state = caseState(row, await pausesOf(tx, [row.id]));
  const period = periodOf(state, on);
  const startDate = 'startDate' in state ? state.startDate : null;
  const statuses = questionnaireStatuses({
    phase: state.phase,
    startDate,
    endDate: period?.endDate ?? null,
    closedOn: state.phase === 'closed' ? state.closedOn : null,
    today: on,
    completed: new Set(saved.filter((q) => q.completed_at !== null).map((q) => q.instrument)),
  });
  return { row, statuses, startDate, endDate: period?.endDate ?? null };
}

/** What the actor answers it as; null for a reader (the coordinator) and for those who may not answer. */
export function entryOf(actor: Actor, code: InstrumentCode): EntryMode | null {
  return isAllowed(actor.role, 'questionnaire.answer') ? entryMode(code, actor.role) : null;
}

/** A citizen sees only the questionnaires put to them; staff who may read see all four. */
export function visibleTo(actor: Actor, code: InstrumentCode): boolean {
  return actor.role !== 'citizen' || entryMode(code, 'citizen') !== null;
}

/** Why the questionnaire cannot be saved now, or null: not before the start; an end one when it is due. */
export function closedReason(code: InstrumentCode, facts: Facts): Conflict | null {
  if (facts.startDate === null) {
    return new Conflict(message('error.questionnaire.notStarted'), 'not_started');
  }
  if (currentInstrument(code).timing === 'end' && facts.statuses[code] === 'not_due') {
    return new Conflict(message('error.questionnaire.notDue'), 'not_due');
  }
  return null;
}

export function definitionOf(
  code: InstrumentCode,
  saved: { version: number } | undefined,
): InstrumentDefinition {
  if (!saved) return currentInstrument(code);
  const def = findInstrument(code, saved.version);
  if (!def) throw new Error(`No version ${saved.version} of ${code}`);
  return def;
}

export function viewOf(
  actor: Actor,
  code: InstrumentCode,
  facts: Facts,
  saved: (QuestionnaireRow & { saved_by_name?: string | null; saved_by_role?: string | null }) | undefined,
): QuestionnaireView {
  const def = definitionOf(code, saved);
  const answers = saved?.answers ?? {};
  const entry = entryOf(actor, code);
  return {
    instrument: code,
    version: def.version,
    status: facts.statuses[code],
    entry,
    canAnswer: entry !== null && closedReason(code, facts) === null,
    answers,
    missing: def.items.map((i) => i.id).filter((id) => answers[id] === undefined),
    answeredOn: saved?.answered_on ?? null,
    onBehalf: saved?.on_behalf ?? false,
    completedAt: saved?.completed_at ?? null,
    savedBy:
      saved?.saved_by_name && saved.saved_by_role
        ? { name: saved.saved_by_name, role: saved.saved_by_role }
        : null,
    updatedAt: saved?.updated_at ?? null,
  };
}
