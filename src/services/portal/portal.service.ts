import type { Tx } from '../../db/client.ts';
import { pausesOf, type CaseRecord } from '../../db/repositories/case.repository.ts';
import { draftsOfCase } from '../../db/repositories/money.repository.ts';
import { contactOfUser, citizenName, ideaAuthorsOf } from '../../db/repositories/personal-data.repository.ts';
import { goalsOf, ideasOf, subGoalsOf } from '../../db/repositories/plan.repository.ts';
import { completedInstrumentsOf } from '../../db/repositories/questionnaire.repository.ts';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import type { CasePhase } from '../../domain/case-lifecycle.ts';
import { NotFound } from '../../domain/errors.ts';
import type { SubGoalStatus } from '../../domain/plan.ts';
import { questionnaireStatuses } from '../../domain/questionnaire/due.ts';
import { entryMode, INSTRUMENT_CODES, type InstrumentCode } from '../../domain/questionnaire/instrument.ts';
import { caseState, periodOf, today } from '../cases/case-record.ts';
import { dreamChange } from '../cases/plan-changes.ts';
import { removeIdeaChange, addIdeaChange } from '../cases/plan-items.service.ts';
import { changePlan, isPlanOpen } from '../cases/plan-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { portalRunner, withOwnCase } from './portal-case.ts';
import { createPortalMoneyService, waitsForConfirmation } from './portal-money.service.ts';
import { CitizenDreamInput, CitizenIdeaInput } from './portal.schemas.ts';

// The citizen's own portal (spec: Own case only). The case is always found from the log-in (citizen.user_id),
// never from an id in the request, so a citizen cannot even name another person's case. A citizen reading
// their own case is not written to the access log (case-record.ts logAccess): the log answers "who
// among the staff has seen my information" (spec: Who has seen my data).

export { portalRunner };

/** Where the case stands, in the terms the front page speaks in. */
export interface PortalStatus {
  phase: CasePhase;
  startDate: CalendarDate | null;
  /** The last day of the period (moved by pauses); null before the start. */
  lastDay: CalendarDate | null;
  closedOn: CalendarDate | null;
}

export interface PortalHome {
  /** The citizen's first name, to greet them. */
  firstName: string;
  /** Their support person and how to reach them (what their user holds). */
  support: { name: string; email: string | null; phone: string | null } | null;
  status: PortalStatus;
  hasDream: boolean;
  subGoals: number;
  /** Requests written for the citizen that wait for their confirmation. */
  toConfirm: number;
  /** Their own questionnaires that are due now (or overdue). */
  questionnairesDue: InstrumentCode[];
}

export interface PortalPlan {
  editable: boolean;
  dream: string;
  goals: { id: string; description: string }[];
  subGoals: { id: string; description: string; status: SubGoalStatus; goalId: string | null }[];
}

export interface PortalIdea {
  id: string;
  text: string;
  status: string;
  /** Written by the citizen (they may remove it); otherwise by their support person. */
  mine: boolean;
}

async function statusOf(tx: Tx, row: CaseRecord, on: CalendarDate): Promise<PortalStatus> {
  const state = caseState(row, await pausesOf(tx, [row.id]));
  const period = periodOf(state, on);
  return {
    phase: state.phase,
    startDate: 'startDate' in state ? state.startDate : null,
    lastDay: period?.lastDay ?? null,
    closedOn: state.phase === 'closed' ? state.closedOn : null,
  };
}

async function questionnairesDue(tx: Tx, row: CaseRecord, status: PortalStatus, on: CalendarDate) {
  const done = await completedInstrumentsOf(tx, [row.id]);
  const statuses = questionnaireStatuses({
    phase: status.phase,
    startDate: status.startDate,
    endDate: status.lastDay === null ? null : addDays(status.lastDay, 1),
    closedOn: status.closedOn,
    today: on,
    completed: new Set(done.map((d) => d.instrument)),
  });
  return INSTRUMENT_CODES.filter(
    (code) =>
      entryMode(code, 'citizen') !== null && (statuses[code] === 'due' || statuses[code] === 'overdue'),
  );
}

/** The id of the citizen's own case (NotFound without one). */
async function ownCaseId(deps: ServiceDeps, actor: Actor): Promise<string> {
  return withOwnCase(deps, actor, (_tx, row) => Promise.resolve(row.id));
}

/** The front page: who helps me, where things stand, what I can do next. */
async function home(deps: ServiceDeps, actor: Actor): Promise<PortalHome> {
  return withOwnCase(deps, actor, async (tx, row, at) => {
    const on = today(at);
    const status = await statusOf(tx, row, on);
    const support = row.support_user_id ? await contactOfUser(tx, row.support_user_id) : undefined;
    const name = await citizenName(tx, row.citizen_id);
    const requests = await draftsOfCase(tx, row.id);
    return {
      firstName: name.split(/\s+/)[0] ?? name,
      support: support ?? null,
      status,
      hasDream: row.dream.trim() !== '',
      subGoals: (await subGoalsOf(tx, row.id)).filter((s) => s.status !== 'dropped').length,
      toConfirm: requests.filter((r) => waitsForConfirmation(r, actor)).length,
      questionnairesDue: await questionnairesDue(tx, row, status, on),
    };
  });
}

/** My dream, long-term goals and sub-goals with their status. */
async function plan(deps: ServiceDeps, actor: Actor): Promise<PortalPlan> {
  return withOwnCase(deps, actor, async (tx, row) => ({
    editable: isPlanOpen(row.phase),
    dream: row.dream,
    goals: (await goalsOf(tx, row.id)).map((g) => ({ id: g.id, description: g.description })),
    subGoals: (await subGoalsOf(tx, row.id)).map((s) => ({
      id: s.id,
      description: s.description,
      status: s.status as SubGoalStatus,
      goalId: s.long_term_goal_id,
    })),
  }));
}

/** The citizen writes their dream in their own words: a plan revision by the citizen. */
async function setDream(deps: ServiceDeps, actor: Actor, input: unknown): Promise<void> {
  const v = parseInput(CitizenDreamInput, input);
  await withOwnCase(deps, actor, async (tx, row, at) => {
    await changePlan(tx, actor, at, row.id, (locked) => dreamChange(tx, locked, v, at), 'portal.use');
  });
}

async function ideas(deps: ServiceDeps, actor: Actor): Promise<{ editable: boolean; ideas: PortalIdea[] }> {
  return withOwnCase(deps, actor, async (tx, row) => {
    const authors = await ideaAuthorsOf(tx, row.id);
    return {
      editable: isPlanOpen(row.phase),
      ideas: (await ideasOf(tx, row.id)).map((i) => ({
        id: i.id,
        text: i.text,
        status: i.status,
        mine: authors.get(i.id) === actor.userId,
      })),
    };
  });
}

async function addIdea(deps: ServiceDeps, actor: Actor, input: unknown): Promise<void> {
  const v = parseInput(CitizenIdeaInput, input);
  await withOwnCase(deps, actor, async (tx, row, at) => {
    await changePlan(
      tx,
      actor,
      at,
      row.id,
      (locked) => addIdeaChange(tx, locked, { text: v.text, status: 'open' }, at),
      'portal.use',
    );
  });
}

/** Only an idea the citizen wrote; any other id is NotFound, as a missing one. */
async function removeIdea(deps: ServiceDeps, actor: Actor, ideaId: string): Promise<void> {
  await withOwnCase(deps, actor, async (tx, row, at) => {
    if ((await ideaAuthorsOf(tx, row.id)).get(ideaId) !== actor.userId) throw new NotFound();
    await changePlan(tx, actor, at, row.id, (locked) => removeIdeaChange(tx, locked, ideaId), 'portal.use');
  });
}

export function createPortalService(deps: ServiceDeps) {
  return {
    ownCaseId: (actor: Actor) => ownCaseId(deps, actor),
    home: (actor: Actor) => home(deps, actor),
    plan: (actor: Actor) => plan(deps, actor),
    setDream: (actor: Actor, input: unknown) => setDream(deps, actor, input),
    ideas: (actor: Actor) => ideas(deps, actor),
    addIdea: (actor: Actor, input: unknown) => addIdea(deps, actor, input),
    removeIdea: (actor: Actor, ideaId: string) => removeIdea(deps, actor, ideaId),
    ...createPortalMoneyService(deps),
  };
}
