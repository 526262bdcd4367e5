import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { pausesOf } from '../../db/repositories/case.repository.ts';
import { findCitizenById } from '../../db/repositories/citizen.repository.ts';
import {
  findQuestionnaire,
  insertQuestionnaire,
  questionnairesOf,
  updateQuestionnaire,
  type QuestionnaireRow,
} from '../../db/repositories/questionnaire.repository.ts';
import type { StoredAnswers } from '../../db/schema-questionnaires.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import { Conflict, NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { isAllowed } from '../../domain/permissions.ts';
import { mergeAnswers, validateAnswers } from '../../domain/questionnaire/answers.ts';
import { questionnaireStatuses, type DueStatus } from '../../domain/questionnaire/due.ts';
import {
  INSTRUMENT_CODES,
  currentInstrument,
  entryMode,
  findInstrument,
  isInstrumentCode,
  type InstrumentCode,
  type InstrumentDefinition,
  type ItemId,
} from '../../domain/questionnaire/instrument.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { caseState, loadCase, logAccess, notInFuture, periodOf, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { QuestionnaireInput } from './questionnaire.schemas.ts';

// The questionnaires of a case (spec: Questionnaires): which are due, what was answered,
// and saving part-way or complete. The respondent answers their own instrument; the support person
// enters the citizen's on the citizen's behalf (marked as such); the coordinator reads. A citizen (the
// portal of a later issue) sees and answers only their own two. Answers are validated by the domain
// against the instrument version they were begun in; a missing answer stays missing.

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

interface Facts {
  row: CaseRecord;
  statuses: Readonly<Record<InstrumentCode, DueStatus>>;
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
}

/** The case's dates and the due status of each instrument, from the saved answer sets. */
async function factsOf(
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
function entryOf(actor: Actor, code: InstrumentCode): EntryMode | null {
  return isAllowed(actor.role, 'questionnaire.answer') ? entryMode(code, actor.role) : null;
}

/** A citizen sees only the questionnaires put to them; staff who may read see all four. */
function visibleTo(actor: Actor, code: InstrumentCode): boolean {
  return actor.role !== 'citizen' || entryMode(code, 'citizen') !== null;
}

/** Why the questionnaire cannot be saved now, or null: not before the start; an end one when it is due. */
function closedReason(code: InstrumentCode, facts: Facts): Conflict | null {
  if (facts.startDate === null) {
    return new Conflict('Spørgeskemaerne kan først besvares, når forløbet er startet.', 'not_started');
  }
  if (currentInstrument(code).timing === 'end' && facts.statuses[code] === 'not_due') {
    return new Conflict(
      'Spørgeskemaet ved afslutning kan besvares i forløbets sidste måned eller ved afslutningen.',
      'not_due',
    );
  }
  return null;
}

function definitionOf(code: InstrumentCode, saved: { version: number } | undefined): InstrumentDefinition {
  if (!saved) return currentInstrument(code);
  const def = findInstrument(code, saved.version);
  if (!def) throw new Error(`No version ${saved.version} of ${code}`);
  return def;
}

function viewOf(
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

/** The errors of the answers, under the body's own names ("answers.who5_1"). */
function answerErrors(errors: readonly { item: string; message: string }[]): FieldErrors {
  return Object.fromEntries(errors.map((e) => [`answers.${e.item}`, e.message]));
}

function countAnswers(answers: StoredAnswers | undefined): number {
  return Object.keys(answers ?? {}).length;
}

export function createQuestionnaireService(deps: ServiceDeps) {
  const { database, clock } = deps;

  async function read(actor: Actor, caseId: string, purpose: string): Promise<CaseQuestionnaires> {
    authorize(actor, 'questionnaire.read');
    const municipalityId = ownMunicipality(actor);
    const at = clock.now();
    return database.transaction({ municipalityId }, async (tx) => {
      const row = await loadCase(tx, actor, 'questionnaire.read', caseId);
      const saved = await questionnairesOf(tx, row.id);
      const citizen = await findCitizenById(tx, row.citizen_id);
      if (!citizen) throw new Error('A case lacks its citizen');
      const facts = await factsOf(tx, row, saved, today(at));
      await logAccess(tx, actor, at, purpose, [
        { caseId: row.id, citizenId: row.citizen_id, municipalityId },
      ]);
      return {
        caseId: row.id,
        caseNumber: row.case_number,
        citizenName: citizen.name,
        phase: row.phase as CasePhase,
        startDate: facts.startDate,
        endDate: facts.endDate,
        questionnaires: INSTRUMENT_CODES.filter((code) => visibleTo(actor, code)).map((code) =>
          viewOf(
            actor,
            code,
            facts,
            saved.find((q) => q.instrument === code),
          ),
        ),
      };
    });
  }

  return {
    /** The case's questionnaires with their due status and saved answers. */
    list: read,

    /** One questionnaire of the case; an unknown instrument, or one not put to the actor, is not found. */
    async get(
      actor: Actor,
      caseId: string,
      instrument: string,
      purpose: string,
    ): Promise<{ case: CaseQuestionnaires; questionnaire: QuestionnaireView }> {
      authorize(actor, 'questionnaire.read');
      if (!isInstrumentCode(instrument) || !visibleTo(actor, instrument)) throw new NotFound();
      const all = await read(actor, caseId, purpose);
      const questionnaire = all.questionnaires.find((q) => q.instrument === instrument);
      if (!questionnaire) throw new NotFound();
      return { case: all, questionnaire };
    },

    /**
     * Saves answers part-way or as complete. Answers given replace the saved ones, null clears one, an
     * item left out keeps its answer. Complete needs every item answered. Nothing changes on an error.
     */
    async save(
      actor: Actor,
      caseId: string,
      instrument: string,
      input: unknown,
      purpose: string,
    ): Promise<QuestionnaireView> {
      authorize(actor, 'questionnaire.answer');
      const municipalityId = ownMunicipality(actor);
      if (!isInstrumentCode(instrument)) throw new NotFound();
      const code = instrument;
      const mode = entryOf(actor, code);
      if (mode === null) throw new NotFound();
      const v = parseInput(QuestionnaireInput, input);
      const at = clock.now();
      return database.transaction({ municipalityId }, async (tx) => {
        const row = await loadCase(tx, actor, 'questionnaire.answer', caseId, true);
        const before = await findQuestionnaire(tx, row.id, code, true);
        const facts = await factsOf(tx, row, before ? [before] : [], today(at));
        const refused = closedReason(code, facts);
        if (refused) throw refused;
        const def = definitionOf(code, before);
        const checked = validateAnswers(def, v.answers);
        if (!checked.ok) throw new ValidationFailed(answerErrors(checked.errors));
        const answers = mergeAnswers(before?.answers ?? {}, checked) as StoredAnswers;
        if (v.complete) {
          const missing = def.items.filter((i) => answers[i.id] === undefined);
          if (missing.length > 0) {
            throw new ValidationFailed(
              answerErrors(
                missing.map((i) => ({
                  item: i.id,
                  message: `Besvar "${i.short.da}" for at gemme spørgeskemaet som færdigt.`,
                })),
              ),
              'Spørgeskemaet kan først gemmes som færdigt, når alle spørgsmål er besvaret.',
            );
          }
        }
        if (!before && countAnswers(answers) === 0) {
          const message = 'Besvar mindst ét spørgsmål, før du gemmer.';
          throw new ValidationFailed({ _form: message }, message);
        }
        const answeredOn = notInFuture(v.answeredOn ?? today(at), at, 'answeredOn');
        if (facts.startDate !== null && answeredOn < facts.startDate) {
          throw new ValidationFailed({ answeredOn: 'Datoen kan ikke ligge før forløbets start.' });
        }
        const values = {
          answers: JSON.stringify(answers),
          answered_on: answeredOn,
          // Who saved last, and how: a citizen's questionnaire saved by the support person is theirs.
          on_behalf: mode === 'on_behalf',
          saved_by: actor.userId,
          updated_at: at,
          completed_at: v.complete ? (before?.completed_at ?? at) : null,
        };
        const saved = before
          ? await updateQuestionnaire(tx, before.id, values)
          : await insertQuestionnaire(tx, {
              ...values,
              municipality_id: row.municipality_id,
              case_id: row.id,
              instrument: code,
              version: def.version,
              created_at: at,
            });
        // The answers are health data: the audit says how many there were, never what they were.
        const summary = (r: QuestionnaireRow) => ({
          answered: countAnswers(r.answers),
          missing: def.items.length - countAnswers(r.answers),
          complete: r.completed_at !== null,
          onBehalf: r.on_behalf,
          answeredOn: r.answered_on,
        });
        await recordAudit(tx, actor, at, {
          municipalityId: row.municipality_id,
          action: 'questionnaire.save',
          entityType: 'questionnaire_response',
          entityId: saved.id,
          before: before ? summary(before) : null,
          after: { caseId: row.id, instrument: code, version: def.version, ...summary(saved) },
        });
        await logAccess(tx, actor, at, purpose, [
          { caseId: row.id, citizenId: row.citizen_id, municipalityId },
        ]);
        const after = await factsOf(tx, row, [saved], today(at));
        return viewOf(actor, code, after, {
          ...saved,
          saved_by_name: actor.name,
          saved_by_role: actor.role,
        });
      });
    },
  };
}
