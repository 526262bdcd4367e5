import type { Tx } from '../../db/client.ts';
import type { CaseRecord } from '../../db/repositories/case.repository.ts';
import { findCitizenById } from '../../db/repositories/citizen.repository.ts';
import {
  findQuestionnaire,
  insertQuestionnaire,
  questionnairesOf,
  updateQuestionnaire,
  type QuestionnaireRow,
} from '../../db/repositories/questionnaire.repository.ts';
import type { StoredAnswers } from '../../db/schema-questionnaires.ts';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import { NotFound, ValidationFailed, type FieldErrors } from '../../domain/errors.ts';
import { mergeAnswers, validateAnswers } from '../../domain/questionnaire/answers.ts';
import {
  INSTRUMENT_CODES,
  isInstrumentCode,
  type InstrumentCode,
  type InstrumentDefinition,
} from '../../domain/questionnaire/instrument.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { loadCase, logAccess, notInFuture, today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import type { z } from 'zod';
import {
  closedReason,
  definitionOf,
  entryOf,
  factsOf,
  viewOf,
  visibleTo,
  type CaseQuestionnaires,
  type QuestionnaireView,
} from './questionnaire-view.ts';
import { QuestionnaireInput } from './questionnaire.schemas.ts';
import { message, type Message } from '../../i18n/index.ts';

// The questionnaires of a case (spec: Questionnaires): which are due, what was answered,
// and saving part-way or complete. The respondent answers their own instrument; the support person
// enters the citizen's on the citizen's behalf (marked as such); the coordinator reads. A citizen (in
// the portal) sees and answers only their own two. Answers are validated by the domain
// against the instrument version they were begun in; a missing answer stays missing.

export type { CaseQuestionnaires, QuestionnaireView } from './questionnaire-view.ts';

/** The errors of the answers, under the body's own names ("answers.who5_1"). */
function answerErrors(errors: readonly { item: string; message: Message }[]): FieldErrors {
  return Object.fromEntries(errors.map((e) => [`answers.${e.item}`, e.message]));
}

function countAnswers(answers: StoredAnswers | undefined): number {
  return Object.keys(answers ?? {}).length;
}

export function createQuestionnaireService(deps: ServiceDeps) {
  return {
    list: (actor: Actor, caseId: string, purpose: string) => readQuestionnaires(deps, actor, caseId, purpose),
    get: (actor: Actor, caseId: string, instrument: string, purpose: string) =>
      questionnaireOf(deps, actor, caseId, instrument, purpose),
    save: (actor: Actor, caseId: string, instrument: string, input: unknown, purpose: string) =>
      saveQuestionnaire(deps, actor, caseId, instrument, input, purpose),
  };
}

/** One questionnaire of the case; an unknown instrument, or one not put to the actor, is not found. */
async function questionnaireOf(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  instrument: string,
  purpose: string,
): Promise<{ case: CaseQuestionnaires; questionnaire: QuestionnaireView }> {
  authorize(actor, 'questionnaire.read');
  if (!isInstrumentCode(instrument) || !visibleTo(actor, instrument)) throw new NotFound();
  const all = await readQuestionnaires(deps, actor, caseId, purpose);
  const questionnaire = all.questionnaires.find((q) => q.instrument === instrument);
  if (!questionnaire) throw new NotFound();
  return { case: all, questionnaire };
}

/**
 * Saves answers part-way or as complete. Answers given replace the saved ones, null clears one, an
 * item left out keeps its answer. Complete needs every item answered. Nothing changes on an error.
 */
async function saveQuestionnaire(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  instrument: string,
  input: unknown,
  purpose: string,
): Promise<QuestionnaireView> {
  const { database, clock } = deps;
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
    const answers = checkedAnswers(def, before, v);
    const answeredOn = notInFuture(v.answeredOn ?? today(at), at, 'answeredOn');
    if (facts.startDate !== null && answeredOn < facts.startDate) {
      throw new ValidationFailed({ answeredOn: message('field.questionnaire.beforeStart') });
    }
    const saved = await storeAnswers(
      tx,
      actor,
      at,
      { row, code, def, before },
      {
        answers,
        answeredOn,
        onBehalf: mode === 'on_behalf',
        complete: v.complete,
      },
    );
    await logAccess(tx, actor, at, purpose, [{ caseId: row.id, citizenId: row.citizen_id, municipalityId }]);
    const after = await factsOf(tx, row, [saved], today(at));
    return viewOf(actor, code, after, {
      ...saved,
      saved_by_name: actor.name,
      saved_by_role: actor.role,
    });
  });
}

/**
 * The answers after this save: the saved ones with the new ones merged in, each checked against the
 * instrument's version. Complete needs every item answered; a first save at least one.
 */
function checkedAnswers(
  def: InstrumentDefinition,
  before: QuestionnaireRow | undefined,
  v: z.output<typeof QuestionnaireInput>,
): StoredAnswers {
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
            message: message('answers.missing', { item: message(i.short) }),
          })),
        ),
        message('error.questionnaire.incomplete'),
      );
    }
  }
  if (!before && countAnswers(answers) === 0) {
    const said = message('error.questionnaire.empty');
    throw new ValidationFailed({ _form: said }, said);
  }
  return answers;
}

interface Saving {
  row: CaseRecord;
  code: InstrumentCode;
  def: InstrumentDefinition;
  before: QuestionnaireRow | undefined;
}

/** Writes the answer set, new or updated, with its audit event. */
async function storeAnswers(
  tx: Tx,
  actor: Actor,
  at: Date,
  { row, code, def, before }: Saving,
  next: { answers: StoredAnswers; answeredOn: string; onBehalf: boolean; complete: boolean },
): Promise<QuestionnaireRow> {
  const values = {
    answers: JSON.stringify(next.answers),
    answered_on: next.answeredOn,
    // Who saved last, and how: a citizen's questionnaire saved by the support person is theirs.
    on_behalf: next.onBehalf,
    saved_by: actor.userId,
    updated_at: at,
    completed_at: next.complete ? (before?.completed_at ?? at) : null,
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
  return saved;
}

/** The case's questionnaires with their due status and saved answers. */
async function readQuestionnaires(
  deps: ServiceDeps,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<CaseQuestionnaires> {
  const { database, clock } = deps;
  authorize(actor, 'questionnaire.read');
  const municipalityId = ownMunicipality(actor);
  const at = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const row = await loadCase(tx, actor, 'questionnaire.read', caseId);
    const saved = await questionnairesOf(tx, row.id);
    const citizen = await findCitizenById(tx, row.citizen_id);
    if (!citizen) throw new Error('A case lacks its citizen');
    const facts = await factsOf(tx, row, saved, today(at));
    await logAccess(tx, actor, at, purpose, [{ caseId: row.id, citizenId: row.citizen_id, municipalityId }]);
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
