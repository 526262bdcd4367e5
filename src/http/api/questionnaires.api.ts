import type {
  CaseQuestionnaires,
  QuestionnaireView,
} from '../../services/evaluation/questionnaire.service.ts';
import type { Services } from '../../services/index.ts';
import { QuestionnaireInput } from '../../services/evaluation/questionnaire.schemas.ts';
import type { ApiRegistry } from './registry.ts';
import { actorOf, addRead, param } from './route-helpers.ts';

// /api/v1 for a case's questionnaires (spec: Questionnaires): the four with their due
// status and saved answers, and saving one part-way or as complete. One service call per handler.

function questionnaireJson(q: QuestionnaireView) {
  return {
    instrument: q.instrument,
    version: q.version,
    status: q.status,
    entry: q.entry,
    canAnswer: q.canAnswer,
    answers: q.answers,
    missing: q.missing,
    complete: q.completedAt !== null,
    completedAt: q.completedAt?.toISOString() ?? null,
    answeredOn: q.answeredOn,
    onBehalf: q.onBehalf,
    savedBy: q.savedBy,
    updatedAt: q.updatedAt?.toISOString() ?? null,
  };
}

function caseQuestionnairesJson(c: CaseQuestionnaires) {
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    phase: c.phase,
    startDate: c.startDate,
    endDate: c.endDate,
    questionnaires: c.questionnaires.map(questionnaireJson),
  };
}

export function addQuestionnaireRoutes(api: ApiRegistry, { questionnaires }: Services): void {
  addRead(api, {
    path: '/cases/{id}/questionnaires',
    tag: 'questionnaires',
    summary: "The case's questionnaires: due status (not_due, due, overdue, done) and saved answers",
    returns: 'The four questionnaires (a citizen: their own two), answers by item id.',
    read: async (c, purpose) =>
      caseQuestionnairesJson(await questionnaires.list(actorOf(c), param(c, 'id'), purpose)),
  });
  const instruments = 'citizen_start, support_start, citizen_end or support_end';
  api.add({
    method: 'put',
    path: '/cases/{id}/questionnaires/{instrument}',
    tag: 'questionnaires',
    summary:
      `Save answers to a questionnaire (${instruments}) part-way or as complete; the support person ` +
      "answers their own and enters the citizen's on the citizen's behalf",
    body: QuestionnaireInput,
    returns: 'The questionnaire as saved.',
    handler: async (c, body) =>
      questionnaireJson(
        await questionnaires.save(
          actorOf(c),
          param(c, 'id'),
          param(c, 'instrument'),
          body,
          'PUT /api/v1/cases/{id}/questionnaires/{instrument}',
        ),
      ),
  });
}
